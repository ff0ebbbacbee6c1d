"""Tests for opening a database: migrations, newer versions, read-only and broken files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from beslut.model import Draft, Metadata
from beslut.store import (
    Store,
    StoreCorruptError,
    StoreFullError,
    StoreNewerVersionError,
    StoreReadOnlyError,
)
from beslut.store.versions import SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_create_the_schema_from_an_empty_file(db_path: Path) -> None:
    db_path.touch()  # an empty file is a valid, empty SQLite database
    with Store.open(db_path) as store:
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        version = store._conn.execute("PRAGMA user_version").fetchone()[0]
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {"drafts", "revisions", "files", "settings", "drafts_fts"} <= tables
    assert version == SCHEMA_VERSION
    assert mode == "wal"


def test_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "beslut.db"
    with Store.open(path) as store:
        assert store.list_drafts() == []


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        count = store._conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == SCHEMA_VERSION


def _make_newer(path: Path, how: str) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        if how == "user_version":
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('beslut', '0099_future', '2030-01-01')"
            )
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


@pytest.mark.parametrize("how", ["user_version", "migration"])
def test_newer_database_is_refused_and_unchanged(db_path: Path, how: str) -> None:
    _make_newer(db_path, how)
    before = _digest(db_path)
    with pytest.raises(StoreNewerVersionError) as info:
        Store.open(db_path)
    assert "nyare version av beslut" in info.value.user_message
    assert _digest(db_path) == before
    assert sorted(os.listdir(db_path.parent)) == [db_path.name]


def test_file_that_is_not_a_database_is_refused_and_unchanged(db_path: Path) -> None:
    db_path.write_bytes(b"Detta ar ett Word-dokument, inte en databas." * 100)
    before = _digest(db_path)
    with pytest.raises(StoreCorruptError) as info:
        Store.open(db_path)
    assert "inte en databas" in info.value.user_message
    assert _digest(db_path) == before


def test_read_only_store_reads_but_refuses_writes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Läsbar")))
    with Store.open(db_path, read_only=True) as store:
        assert store.read_only
        assert store.load_draft(draft_id).meta.title == "Läsbar"
        with pytest.raises(StoreReadOnlyError) as info:
            store.save_draft(draft_id, Draft(Metadata(title="Ändrad")))
    assert "skrivskyddad" in info.value.user_message


def test_file_without_write_permission_opens_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(db_path).close()
    if getattr(os, "geteuid", lambda: 1)() != 0:  # Windows: the read-only attribute
        db_path.chmod(0o444)
    else:  # root may write anything: let the permission check say what a user would see
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
        )
    try:
        with Store.open(db_path) as store:
            assert store.read_only
            with pytest.raises(StoreReadOnlyError):
                store.create_draft(Draft())
    finally:
        db_path.chmod(0o644)


def test_read_only_database_that_needs_migrating_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE other (x)")
    conn.close()
    with pytest.raises(StoreReadOnlyError) as info:
        Store.open(db_path, read_only=True)
    assert "behöver uppdateras" in info.value.user_message


def test_full_disk_is_a_typed_error_and_keeps_the_old_text(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Sparad")))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        big = Draft(Metadata(title="Stor"), decisions=("x" * 200_000,))
        with pytest.raises(StoreFullError) as info:
            store.save_draft(draft_id, big)
        assert "Disken är full" in info.value.user_message
        assert store.load_draft(draft_id).meta.title == "Sparad"


def test_opening_a_current_database_does_not_import_sqlite_utils(db_path: Path) -> None:
    Store.open(db_path).close()
    code = (
        "import sys\n"
        "from beslut.store import Store\n"
        f"Store.open({str(db_path)!r}).list_drafts()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
