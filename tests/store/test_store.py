"""Tests for beslut.store.store: drafts, revisions, files, settings, trash."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path

import pytest
from tests.today import TODAY

from beslut import clock
from beslut.errors import NotFoundError
from beslut.model import Draft, Metadata, Status
from beslut.model.example import example_draft
from beslut.store import Store, StoreReadOnlyError
from beslut.store.seed import seed_example


def test_new_database_is_seeded_once(db_path: Path) -> None:
    with Store.open(db_path, seed=seed_example) as store:
        drafts = store.list_drafts()
    assert len(drafts) == 1
    assert drafts[0].namnd == "Idrottsnämnden"
    with Store.open(db_path, seed=seed_example) as store:
        assert len(store.list_drafts()) == 1


def test_example_keeps_its_bilaga_files(db_path: Path) -> None:
    draft, files = example_draft(TODAY)
    with Store.open(db_path, seed=seed_example) as store:
        stored = store.load_draft(store.list_drafts()[0].id)
        assert stored == draft
        assert store.files_for(stored) == files


def test_save_and_load_round_trip(db_path: Path) -> None:
    draft, files = example_draft(TODAY)
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft())
        saved_at = store.save_draft(draft_id, draft, files).stamp
        summary = store.summary(draft_id)
    with Store.open(db_path) as store:
        assert store.load_draft(draft_id) == draft
    assert summary.modified == saved_at
    assert summary.title == draft.meta.title
    assert summary.status == "utkast"


def test_list_is_newest_first(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = store.create_draft(Draft(Metadata(title="Första")))
        second = store.create_draft(Draft(Metadata(title="Andra")))
        store.save_draft(first, Draft(Metadata(title="Första, ändrad")))
        assert [d.id for d in store.list_drafts()] == [first, second]


def test_missing_draft_is_not_found(db_path: Path) -> None:
    with Store.open(db_path) as store:
        with pytest.raises(NotFoundError) as info:
            store.load_draft(42)
        assert info.value.user_message == "Utkastet 42 finns inte."
        with pytest.raises(NotFoundError):
            store.save_draft(42, Draft())
        with pytest.raises(NotFoundError):
            store.delete_draft(42)


def test_trash_and_restore(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Simhall")))
        store.delete_draft(draft_id)
        assert store.list_drafts() == []
        assert store.list_drafts("Simhall") == []
        assert [d.id for d in store.list_drafts(trash=True)] == [draft_id]
        store.restore_draft(draft_id)
        assert [d.id for d in store.list_drafts("simhall")] == [draft_id]


def test_trash_older_than_30_days_is_purged_on_open(db_path: Path) -> None:
    with Store.open(db_path) as store:
        old = store.create_draft(Draft(Metadata(title="Gammal")))
        recent = store.create_draft(Draft(Metadata(title="Ny")))
        store.add_revision(old)
        store.delete_draft(old)
        store.delete_draft(recent)
        long_ago = (clock.now() - dt.timedelta(days=31)).isoformat()
        store._conn.execute("UPDATE drafts SET deleted = ? WHERE id = ?", (long_ago, old))
    with Store.open(db_path) as store:
        assert [d.id for d in store.list_drafts(trash=True)] == [recent]
        assert store.list_revisions(old) == []


def test_revisions_are_full_snapshots(db_path: Path) -> None:
    draft, _ = example_draft(TODAY)
    with Store.open(db_path) as store:
        draft_id = store.create_draft(draft)
        rev = store.add_revision(draft_id, "Skickad på granskning")
        changed = dataclasses.replace(draft, decisions=("Nämnden godkänner rapporten.",))
        store.save_draft(draft_id, changed)
        store.add_revision(draft_id)
        revisions = store.list_revisions(draft_id)
        assert [r.label for r in revisions] == ["", "Skickad på granskning"]
        assert store.load_revision(rev) == draft
        assert store.load_draft(draft_id) == changed
        with pytest.raises(NotFoundError):
            store.load_revision(999)


def test_a_revision_can_hold_the_draft_that_was_exported(db_path: Path) -> None:
    draft, _ = example_draft(TODAY)
    exported = dataclasses.replace(draft, decisions=("Nämnden godkänner rapporten.",))
    with Store.open(db_path) as store:
        draft_id = store.create_draft(draft)
        rev = store.add_revision(draft_id, "Exporterad", exported)
        stored = store.add_revision(draft_id, "Som sparat")
        assert store.load_revision(rev) == exported
        assert store.load_revision(stored) == draft
        assert store.load_draft(draft_id) == draft  # the draft itself is not changed
        with pytest.raises(NotFoundError):
            store.add_revision(999, "Exporterad", exported)
        assert [r.label for r in store.list_revisions(draft_id)] == ["Som sparat", "Exporterad"]


def test_files_are_stored_once_by_content(db_path: Path) -> None:
    with Store.open(db_path) as store:
        a = store.put_file("a.pdf", b"samma")
        b = store.put_file("b.pdf", b"samma")
        assert a.sha256 == b.sha256
        assert store.get_file(a.sha256) == b"samma"
        assert store.has_files([a.sha256, "0" * 64]) == {a.sha256}
        assert store._conn.execute("SELECT count(*) FROM files").fetchone()[0] == 1
        with pytest.raises(NotFoundError):
            store.get_file("0" * 64)


def test_files_with_wrong_content_are_not_stored(db_path: Path) -> None:
    draft, files = example_draft(TODAY)
    wrong = {sha: b"fel inneh\xc3\xa5ll" for sha in files}
    with Store.open(db_path) as store:
        store.create_draft(draft, wrong)
        assert store.files_for(draft) == {}


def test_settings_hold_json_values(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.get_setting("dnr_pattern", "x") == "x"
        store.set_setting("profil", {"namn": "Åsa Öberg", "telefon": "08-123"})
        store.set_setting("profil", {"namn": "Åsa Öberg"})
    with Store.open(db_path) as store:
        assert store.get_setting("profil") == {"namn": "Åsa Öberg"}


def test_several_settings_are_stored_together(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_settings({"a": 1, "b": ["Åsa"], "c": {"x": None}})
        assert [store.get_setting(k) for k in "abc"] == [1, ["Åsa"], {"x": None}]


def test_settings_that_fail_midway_are_all_rolled_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_settings({"a": 1, "b": 2})
        with pytest.raises(TypeError):
            store.set_settings({"a": 10, "b": b"json kan inte skriva bytes", "c": 30})
        assert [store.get_setting(k) for k in "abc"] == [1, 2, None]
        store.set_settings({"c": 3})  # the store is still usable: no transaction left open
        assert store.get_setting("c") == 3


def test_settings_in_a_read_only_store_stay_as_they_were(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_settings({"a": 1})
    with Store.open(db_path, read_only=True) as store:
        with pytest.raises(StoreReadOnlyError):
            store.set_settings({"a": 10, "b": 20})
        assert (store.get_setting("a"), store.get_setting("b")) == (1, None)


def test_saves_from_two_threads_do_not_collide(db_path: Path) -> None:
    with Store.open(db_path) as store:
        ids = [store.create_draft(Draft()) for _ in range(2)]

        def work(draft_id: int) -> None:
            for n in range(50):
                store.save_draft(draft_id, Draft(Metadata(title=f"Titel {n}")))

        threads = [threading.Thread(target=work, args=(i,)) for i in ids]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {store.load_draft(i).meta.title for i in ids} == {"Titel 49"}


def test_status_is_listed(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.create_draft(Draft(Metadata(status=Status.GRANSKNING)))
        assert store.list_drafts()[0].status == "granskning"


def test_create_drafts_stores_all_or_none(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        ids = store.create_drafts(
            [(Draft(Metadata(title="A")), None), (Draft(Metadata(title="B")), None)]
        )
        assert [store.load_draft(i).meta.title for i in ids] == ["A", "B"]
        with pytest.raises(AttributeError):  # the second is no draft: the first goes too
            store.create_drafts([(Draft(Metadata(title="D")), None), (None, None)])  # type: ignore[list-item]
        assert sorted(d.title for d in store.list_drafts()) == ["A", "B"]
