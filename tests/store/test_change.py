"""Tests for the change counter: a save over a draft saved elsewhere meanwhile is refused."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from tests.today import TODAY

from beslut.errors import NotFoundError
from beslut.model import Draft, Metadata
from beslut.model.example import example_draft
from beslut.model.jsonio import body_json
from beslut.store import SaveResult, Store, StoreConflictError
from beslut.store.schema import migrations
from beslut.store.versions import SCHEMA_VERSION


def _titled(title: str) -> Draft:
    return Draft(Metadata(title=title))


def test_every_save_counts_one_change(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_titled("Simskola"))
        assert store.draft_change(draft_id) == 0
        first = store.save_draft(draft_id, _titled("Simskola 1"))
        second = store.save_draft(draft_id, _titled("Simskola 2"), expected_change=1)
        assert isinstance(first, SaveResult)
        assert (first.change, second.change) == (1, 2)
        assert store.summary(draft_id).modified == second.stamp
        assert store.load_draft_and_change(draft_id) == (_titled("Simskola 2"), 2)
        assert store.draft_change(draft_id) == 2


def test_the_counter_of_a_missing_draft_is_not_found(db_path: Path) -> None:
    with Store.open(db_path) as store:
        with pytest.raises(NotFoundError):
            store.draft_change(7)
        with pytest.raises(NotFoundError):
            store.load_draft_and_change(7)
        with pytest.raises(NotFoundError):
            store.save_draft(7, Draft(), expected_change=0)


def _two_windows(first_path: Path, second_path: Path) -> None:
    """Two stores open on one database, as two windows (or programs) hold it."""
    draft, files = example_draft(TODAY)
    with Store.open(first_path) as setup:
        draft_id = setup.create_draft(_titled("Simskola"))
    with Store.open(first_path) as one, Store.open(second_path) as two:
        _, seen_one = one.load_draft_and_change(draft_id)
        _, seen_two = two.load_draft_and_change(draft_id)
        assert seen_one == seen_two == 0
        saved = one.save_draft(draft_id, _titled("Fönster ett"), expected_change=seen_one)
        assert saved.change == 1
        assert two.draft_change(draft_id) == 1  # the other window sees the save at once
        modified = two.summary(draft_id).modified
        with pytest.raises(StoreConflictError) as info:
            two.save_draft(draft_id, draft, files, expected_change=seen_two)
        assert info.value.user_message == (
            f"Utkastet ”{draft.meta.title}” har ändrats i ett annat fönster eller av ett "
            "annat program sedan du öppnade det."
        )
        assert (info.value.draft_id, info.value.stored_change) == (draft_id, 1)
        assert "expected change 0, stored change 1" in str(info.value)
        # Nothing of the refused save was written: not the text, not its bilaga files.
        for store in (one, two):
            assert store.load_draft_and_change(draft_id) == (_titled("Fönster ett"), 1)
            assert store.summary(draft_id).modified == modified
            assert store.has_files(files) == set()
        # Read again, the second window may save over it.
        assert two.save_draft(draft_id, draft, files, expected_change=1).change == 2
        assert one.load_draft(draft_id) == draft
        assert one.files_for(draft) == files


def test_a_stale_save_from_a_second_window_is_refused(db_path: Path) -> None:
    _two_windows(db_path, db_path)


def test_a_database_under_two_names_behaves_the_same(tmp_path: Path) -> None:
    first, second = tmp_path / "beslut.db", tmp_path / "annat namn.db"
    Store.open(first).close()
    os.link(first, second)
    _two_windows(first, second)
    with Store.open(second) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_save_without_an_expected_change_always_writes(db_path: Path) -> None:
    with Store.open(db_path) as one, Store.open(db_path) as two:
        draft_id = one.create_draft(_titled("Simskola"))
        one.save_draft(draft_id, _titled("Ett"))
        assert two.save_draft(draft_id, _titled("Två")).change == 2
        assert one.load_draft(draft_id).meta.title == "Två"


def test_a_conflict_on_a_draft_without_title_names_its_number(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft())
        store.save_draft(draft_id, Draft())
        with pytest.raises(StoreConflictError) as info:
            store.save_draft(draft_id, Draft(), expected_change=0)
    assert info.value.user_message.startswith(f"Utkastet {draft_id} har ändrats")


def _version_2_database(path: Path, draft: Draft) -> None:
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="0003_change")
    row = {
        "title": draft.meta.title,
        "namnd": draft.meta.namnd,
        "dnr": draft.meta.dnr,
        "status": "utkast",
        "doctype": "beslutsarende",
        "created": "2025-01-01",
        "modified": "2025-01-02",
        "body": body_json(draft),
        "text": draft.search_text(),
    }
    with conn:
        conn.execute(
            f"INSERT INTO drafts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    columns = {row[1] for row in conn.execute("PRAGMA table_info(drafts)")}
    assert "change" not in columns
    conn.close()


def test_a_version_2_database_keeps_its_drafts_at_change_0(db_path: Path) -> None:
    draft, _ = example_draft(TODAY)
    _version_2_database(db_path, draft)
    with Store.open(db_path) as store:
        version = store._conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION == 6
        assert store.load_draft_and_change(1) == (draft, 0)
        assert store.list_drafts()[0].modified == "2025-01-02"
        assert store.save_draft(1, draft, expected_change=0).change == 1
        assert store.list_drafts("simskola")[0].id == 1  # the search index still works
