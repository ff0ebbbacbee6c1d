"""Tests for beslut.store.errors: SQLite failures become typed Swedish errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from beslut.store import Store, StoreLockedError
from beslut.store.errors import translate


def test_lock_held_by_another_program(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    with Store.open(path) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        store._conn.execute("PRAGMA busy_timeout = 50")
        try:
            store.set_setting("x", 1)
        except StoreLockedError as exc:
            assert "annat program" in exc.user_message
        else:
            raise AssertionError("the write should have met the lock")
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_programming_errors_are_not_hidden() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("SELECT * FROM no_such_table")
    except sqlite3.Error as exc:
        assert translate(exc, "x.db") is None
