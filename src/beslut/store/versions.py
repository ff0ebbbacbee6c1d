"""The schema's migration names, known without importing sqlite-utils (start-up time)."""

MIGRATION_SET = "beslut"
MIGRATION_NAMES = (
    "0001_initial",
    "0002_fts",
    "0003_change",
    "0004_words",
    "0005_reviews",
    "0006_phrases",
)
SCHEMA_VERSION = len(MIGRATION_NAMES)
