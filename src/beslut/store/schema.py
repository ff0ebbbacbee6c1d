"""The database schema as sqlite-utils migrations. Never edit a released migration: add one.

Each migration runs in a transaction with its record in ``_sqlite_migrations`` and
also sets ``PRAGMA user_version`` to its number, so an older beslut can see that a
database is newer than it without reading any table.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from beslut.store.versions import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION

migrations = Migrations(MIGRATION_SET)

# remove_diacritics 0: "för" and "for" are different Swedish words.
FTS_TOKENIZE = "unicode61 remove_diacritics 0"


def _table(db: Database, name: str) -> Any:
    return db[name]


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    _table(db, "drafts").create(
        {
            "id": int,
            "title": str,
            "namnd": str,
            "dnr": str,
            "status": str,
            "doctype": str,
            "created": str,
            "modified": str,
            "deleted": str,
            # The large columns last, so listing reads little of each row.
            "body": str,
            "text": str,
        },
        pk="id",
        not_null={"title", "namnd", "dnr", "status", "doctype", "created", "modified", "body"},
    )
    # Covers the draft list, so listing never reads the large columns.
    _table(db, "drafts").create_index(
        ["deleted", "modified", "id", "title", "namnd", "dnr", "status", "doctype", "created"],
        index_name="drafts_list",
    )
    _table(db, "revisions").create(
        {"id": int, "draft_id": int, "created": str, "label": str, "body": str},
        pk="id",
        foreign_keys=[("draft_id", "drafts", "id")],
        not_null={"draft_id", "created", "body"},
    )
    _table(db, "revisions").create_index(["draft_id", "created"])
    _table(db, "files").create(
        {"sha256": str, "size": int, "created": str, "data": bytes},
        pk="sha256",
        not_null={"size", "data"},
    )
    _table(db, "settings").create({"key": str, "value": str}, pk="key")
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_fts")
def _fts(db: Database) -> None:
    _table(db, "drafts").enable_fts(["title", "text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_change")
def _change(db: Database) -> None:
    # Counts the saves of a draft, so a save over a newer one can be refused.
    _table(db, "drafts").add_column("change", int, not_null_default=0)
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_words")
def _words(db: Database) -> None:
    # The user's own word list for the spelling ("Lägg till i ordlistan").
    _table(db, "words").create({"word": str, "added": str}, pk="word", not_null={"added"})
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_reviews")
def _reviews(db: Database) -> None:
    # A received review waiting to be worked in change by change: one per draft, the
    # received draft's body (JSON), who reviewed it and who wrote which text (JSON).
    _table(db, "reviews").create(
        {"draft_id": int, "body": str, "reviewer": str, "spans": str, "created": str},
        pk="draft_id",
        foreign_keys=[("draft_id", "drafts", "id")],
        not_null={"body", "reviewer", "spans", "created"},
    )
    db.execute("PRAGMA user_version = 5")


# Migration 0006's statements (store/phrases.py describes the tables). prefix='1 2': the
# first letters typed are looked up, not gathered from every word they begin (one
# letter over 10,000 drafts: 0.2 ms instead of 45 ms, for an index 2.6 times the size).
_PHRASES = (
    """
CREATE TABLE phrases (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    part TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    block TEXT,
    namnd TEXT NOT NULL,
    norm INTEGER NOT NULL,
    digest INTEGER NOT NULL
)
""",
    """
CREATE INDEX phrases_draft ON phrases (draft_id)
""",
    """
CREATE INDEX phrases_norm ON phrases (part, norm, draft_id)
""",
    """
CREATE VIRTUAL TABLE phrases_fts USING fts5(
    text, part, content='phrases', content_rowid='id', tokenize='{tokenize}',
    prefix='1 2'
)
""",
    """
CREATE TRIGGER phrases_ai AFTER INSERT ON phrases BEGIN
    INSERT INTO phrases_fts (rowid, text, part) VALUES (new.id, new.text, new.part);
END;
""",
    """
CREATE TRIGGER phrases_ad AFTER DELETE ON phrases BEGIN
    INSERT INTO phrases_fts (phrases_fts, rowid, text, part)
    VALUES ('delete', old.id, old.text, old.part);
END;
""",
    """
CREATE TRIGGER phrases_au AFTER UPDATE OF text, part ON phrases BEGIN
    INSERT INTO phrases_fts (phrases_fts, rowid, text, part)
    VALUES ('delete', old.id, old.text, old.part);
    INSERT INTO phrases_fts (rowid, text, part) VALUES (new.id, new.text, new.part);
END;
""",
)


@migrations(name="0006_phrases")
def _phrases(db: Database) -> None:
    # Decision points and paragraphs of the drafts, indexed for reuse (store/phrases.py),
    # filled from the drafts outside the trash.
    from beslut.store.phrases import index_stored

    conn = db.conn
    for statement in _PHRASES:
        conn.execute(statement.replace("{tokenize}", FTS_TOKENIZE))
    index_stored(conn, conn.execute("SELECT id, body FROM drafts WHERE deleted IS NULL"))
    db.execute("PRAGMA user_version = 6")


# versions.py must name exactly these migrations, in this order.
assert tuple(m.name for m in migrations._migrations) == MIGRATION_NAMES
assert SCHEMA_VERSION == 6
