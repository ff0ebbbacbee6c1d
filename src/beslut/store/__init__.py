"""The local SQLite store (no Qt): drafts, revisions, bilaga files, settings, search."""

from beslut.store.errors import (
    BackupError,
    BackupInvalidError,
    StoreConflictError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreNewerVersionError,
    StoreReadOnlyError,
    StoreUnavailableError,
)
from beslut.store.paths import resolve_db_path
from beslut.store.store import DraftSummary, RevisionInfo, SaveResult, Store, fts_query

__all__ = [
    "BackupError",
    "BackupInvalidError",
    "DraftSummary",
    "RevisionInfo",
    "SaveResult",
    "Store",
    "StoreConflictError",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "StoreNewerVersionError",
    "StoreReadOnlyError",
    "StoreUnavailableError",
    "fts_query",
    "resolve_db_path",
]
