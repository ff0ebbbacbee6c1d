"""Tests for beslut.recovery: the text of a failed save, kept and offered back."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import stat
import tempfile
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.model import Draft, Metadata
from beslut.model.example import example_draft
from beslut.model.jsonio import FORMAT_VERSION, loads
from beslut.recovery import (
    TEMP_FOLDER,
    RecoveryError,
    clear_recovery,
    discard_recovery,
    pending_recoveries,
    recovery_dir,
    restore_recovery,
    write_recovery,
)
from beslut.store import Store
from beslut.store.paths import data_dir
from tests.today import TODAY


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder (the last fallback), inside this test's tmp_path."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _blocked(tmp_path: Path, name: str) -> Path:
    """A path whose parent is a regular file: no folder can ever be made there."""
    blocker = tmp_path / name
    blocker.write_text("en fil, ingen mapp", encoding="utf-8")
    return blocker / "under"


def _titled(title: str) -> Draft:
    return Draft(Metadata(title=title))


def test_a_recovery_file_is_a_draft_file_beside_the_database(db_path: Path) -> None:
    draft, _files = example_draft(TODAY)
    path = write_recovery(db_path, 3, draft, base_change=7, reason="StoreFullError()")
    assert path.parent == recovery_dir(db_path) == db_path.parent / "recovery"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "beslut-draft" and data["format_version"] == FORMAT_VERSION
    info = data["recovery"]
    assert (info["draft_id"], info["base_change"], info["reason"]) == (3, 7, "StoreFullError()")
    assert info["database"] == str(db_path.resolve())
    assert info["written"].endswith("+00:00")
    assert all("data" not in a["file"] for a in data["attachments"])  # files stay in the store
    assert loads(path.read_bytes()) == (draft, {})  # the draft reader ignores "recovery"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the text is the user's alone
    (found,) = pending_recoveries(db_path)
    assert (found.path, found.draft_id, found.base_change) == (path, 3, 7)
    assert (found.draft, found.title, found.reason) == (draft, draft.meta.title, "StoreFullError()")
    assert found.written.tzinfo is not None


def test_one_file_per_draft_the_newest_text_wins(db_path: Path) -> None:
    first = write_recovery(db_path, 1, _titled("Första försöket"))
    again = write_recovery(db_path, 1, _titled("Andra försöket"))
    other = write_recovery(db_path, 2, _titled("Ett annat utkast"))
    new_one = write_recovery(db_path, None, _titled("Nytt"))
    new_two = write_recovery(db_path, None, _titled("Nytt igen"))
    assert first == again
    assert len({again, other, new_one, new_two}) == 4
    found = pending_recoveries(db_path)
    assert [r.title for r in found] == ["Nytt igen", "Nytt", "Ett annat utkast", "Andra försöket"]
    assert [r.draft_id for r in found] == [None, None, 2, 1]
    assert sorted(os.listdir(recovery_dir(db_path))) == sorted(
        p.name for p in (again, other, new_one, new_two)
    )  # no temporary file left behind


def test_only_the_files_of_this_database_are_offered(tmp_path: Path) -> None:
    one, two = tmp_path / "beslut.db", tmp_path / "prov.db"
    write_recovery(one, 1, _titled("Ettan"))
    write_recovery(two, 1, _titled("Tvåan"))
    assert [r.title for r in pending_recoveries(one)] == ["Ettan"]
    assert [r.title for r in pending_recoveries(two)] == ["Tvåan"]
    elsewhere = tmp_path / "annan" / "beslut.db"  # same name, other folder, shared fallback
    (data_dir() / "recovery").mkdir(parents=True)
    moved = data_dir() / "recovery" / "x.json"
    moved.write_bytes(write_recovery(elsewhere, 1, _titled("Annan")).read_bytes())
    assert [r.title for r in pending_recoveries(one)] == ["Ettan"]
    assert sorted(r.title for r in pending_recoveries(elsewhere)) == ["Annan", "Annan"]


def test_files_that_cannot_be_read_are_skipped_and_logged(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = write_recovery(db_path, 1, _titled("Läsbar"))
    folder = good.parent
    (folder / "trasig.json").write_bytes(b"{ inte json")
    (folder / "latin1.json").write_bytes('{"titel": "\xe5\xe4\xf6"}'.encode("latin-1"))
    (folder / "utan-recovery.json").write_text('{"format": "beslut-draft"}', encoding="utf-8")
    newer = json.loads(good.read_text(encoding="utf-8"))
    newer["format_version"] = FORMAT_VERSION + 1
    (folder / "nyare.json").write_text(json.dumps(newer), encoding="utf-8")
    wrong = json.loads(good.read_text(encoding="utf-8"))
    wrong["recovery"]["draft_id"] = "ett"
    (folder / "fel-typ.json").write_text(json.dumps(wrong), encoding="utf-8")
    (folder / "en-mapp.json").mkdir()
    (folder / "djup.json").write_bytes(b'{"recovery": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    (folder / "lang-siffra.json").write_bytes(b'{"format_version": ' + b"9" * 5000 + b"}")
    with caplog.at_level(logging.WARNING, logger="beslut.recovery"):
        found = pending_recoveries(db_path)
    assert [r.path for r in found] == [good]
    skipped = {
        r.args[0].name
        for r in caplog.records
        if isinstance(r.args, tuple) and r.args and isinstance(r.args[0], Path)
    }
    assert skipped == {
        "trasig.json",
        "latin1.json",
        "utan-recovery.json",
        "nyare.json",
        "fel-typ.json",
        "en-mapp.json",
        "djup.json",  # not RecursionError, nor ValueError: read as any draft file is
        "lang-siffra.json",
    }


# --- where it goes when the database's folder cannot be written -------------------------


def test_falls_back_to_the_data_folder_then_the_temporary_folder(
    tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = _blocked(tmp_path, "fil") / "beslut.db"
    first = write_recovery(db_path, 1, _titled("I datamappen"))
    assert first.parent == data_dir() / "recovery"
    with monkeypatch.context() as patch:  # the data folder cannot be written either
        patch.setenv("XDG_DATA_HOME", str(_blocked(tmp_path, "data-fil")))
        patch.setenv("APPDATA", str(_blocked(tmp_path, "appdata-fil")))
        second = write_recovery(db_path, 2, _titled("I tempmappen"))
        assert second.parent == temp_dir / TEMP_FOLDER
        assert [r.title for r in pending_recoveries(db_path)] == ["I tempmappen"]
    # The data folder is back: both are found.
    assert [r.title for r in pending_recoveries(db_path)] == ["I tempmappen", "I datamappen"]


def test_nowhere_to_write_is_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = _blocked(tmp_path, "fil") / "beslut.db"
    monkeypatch.setenv("XDG_DATA_HOME", str(_blocked(tmp_path, "data-fil")))
    monkeypatch.setenv("APPDATA", str(_blocked(tmp_path, "appdata-fil")))
    monkeypatch.setattr(tempfile, "tempdir", str(_blocked(tmp_path, "tmp-fil")))
    with pytest.raises(RecoveryError) as info:
        write_recovery(db_path, 1, _titled("Ingenstans"))
    assert info.value.user_message.startswith("Texten kunde inte sparas någonstans")
    assert str(tmp_path / "tmp-fil") in info.value.detail
    assert pending_recoveries(db_path) == []


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 1)() != 0, reason="chown needs root")
def test_a_temporary_folder_of_another_user_is_not_used(
    tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = _blocked(tmp_path, "fil") / "beslut.db"
    monkeypatch.setenv("XDG_DATA_HOME", str(_blocked(tmp_path, "data-fil")))
    theirs = temp_dir / TEMP_FOLDER
    theirs.mkdir()
    os.chown(theirs, 4242, 4242)
    with pytest.raises(RecoveryError):
        write_recovery(db_path, 1, _titled("Inte hos någon annan"))
    assert os.listdir(theirs) == []


def test_a_write_that_works_again_leaves_one_file(tmp_path: Path, temp_dir: Path) -> None:
    db_path = tmp_path / "beslut.db"
    recovery_dir(db_path).write_text("en fil där mappen skulle vara", encoding="utf-8")
    fallback = write_recovery(db_path, 1, _titled("Först"))
    assert fallback.parent == data_dir() / "recovery"
    recovery_dir(db_path).unlink()
    beside = write_recovery(db_path, 1, _titled("Sedan"))
    assert beside.parent == recovery_dir(db_path)
    assert not fallback.exists()
    assert [r.title for r in pending_recoveries(db_path)] == ["Sedan"]


# --- taking the text back ---------------------------------------------------------------


def test_restore_over_a_stored_draft_keeps_it_as_a_revision(db_path: Path) -> None:
    draft, files = example_draft(TODAY)
    recovered = dataclasses.replace(draft, decisions=("Det användaren skrev sist.",))
    with Store.open(db_path) as store:
        draft_id = store.create_draft(draft, files)
        store.save_draft(draft_id, draft)
        write_recovery(db_path, draft_id, recovered, base_change=1)
        (recovery,) = pending_recoveries(db_path)
        assert restore_recovery(store, recovery) == draft_id
        assert store.load_draft_and_change(draft_id) == (recovered, 2)
        (revision,) = store.list_revisions(draft_id)
        assert revision.label == "Före återställning"
        assert store.load_revision(revision.id) == draft
        assert store.files_for(recovered) == files  # the bilagor still find their files
    assert not recovery.path.exists()
    assert pending_recoveries(db_path) == []


def test_restore_takes_a_draft_out_of_the_trash(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(_titled("Slängd"))
        write_recovery(db_path, draft_id, _titled("Återfunnen"))
        store.delete_draft(draft_id)
        assert restore_recovery(store, pending_recoveries(db_path)[0]) == draft_id
        assert [d.title for d in store.list_drafts()] == ["Återfunnen"]


@pytest.mark.parametrize("draft_id", [None, 99])
def test_restore_of_a_draft_that_is_gone_makes_a_new_one(
    db_path: Path, draft_id: int | None
) -> None:
    with Store.open(db_path) as store:
        existing = store.create_draft(_titled("Finns"))
        write_recovery(db_path, draft_id, _titled("Aldrig sparad"))
        new_id = restore_recovery(store, pending_recoveries(db_path)[0])
        assert new_id != existing
        assert store.load_draft(new_id).meta.title == "Aldrig sparad"
        assert store.load_draft(existing).meta.title == "Finns"
        assert store.list_revisions(new_id) == []
    assert pending_recoveries(db_path) == []


def test_discard_and_clear(db_path: Path, tmp_path: Path) -> None:
    write_recovery(db_path, 1, _titled("Bort"))
    write_recovery(db_path, 2, _titled("Sparad sedan"))
    write_recovery(db_path, 3, _titled("Kvar"))
    by_id = {r.draft_id: r for r in pending_recoveries(db_path)}
    discard_recovery(by_id[1])
    clear_recovery(db_path, 2)
    clear_recovery(db_path, 42)  # nothing to clear is fine
    assert [r.draft_id for r in pending_recoveries(db_path)] == [3]
    discard_recovery(by_id[1])  # already gone is fine too


def test_clear_reaches_the_fallback_folders(tmp_path: Path, temp_dir: Path) -> None:
    db_path = _blocked(tmp_path, "fil") / "beslut.db"
    path = write_recovery(db_path, 5, _titled("I datamappen"))
    clear_recovery(db_path, 5)
    assert not path.exists()


def test_a_recovery_file_can_be_imported_as_a_draft(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_recovery(db_path, 1, _titled("Importerad"))
    assert main(["--db", str(db_path), "import-json", str(path)]) == 0
    new_id = int(capsys.readouterr().out)
    with Store.open(db_path) as store:
        assert store.load_draft(new_id).meta.title == "Importerad"
