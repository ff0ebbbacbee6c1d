"""Starting on a damaged database offers the newest backup in a Swedish question."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.model.draft import Draft, Metadata
from beslut.store import Store
from beslut.store.backups import backup_dir, make_backup
from beslut.store.seed import seed_example
from beslut.ui import app
from tests.ui.scripted import ScriptedMessages


def _damaged_with_backup(tmp_path: Path) -> Path:
    path = tmp_path / "skadad.db"
    with Store.open(path, seed=seed_example) as store:
        store.create_draft(Draft(Metadata(title="Finns i kopian")))
        make_backup(store)
    path.write_bytes(b"inte en databas " * 1000)  # the disk broke the file
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_database_offers_the_newest_backup(qtbot: QtBot, tmp_path: Path) -> None:
    path = _damaged_with_backup(tmp_path)
    messages = ScriptedMessages()
    messages.answers.append(True)  # yes, restore it
    store = app._open_store(path, messages)
    assert store is not None
    try:
        titles = [d.title for d in store.list_drafts()]
        assert "Finns i kopian" in titles
    finally:
        store.close()
    assert "säkerhetskopian" in messages.asked[0]
    kept = [p for p in backup_dir(path).iterdir() if p.name.endswith("-skadad.db")]
    assert kept and kept[0].read_bytes().startswith(b"inte en databas")


def test_saying_no_leaves_the_damaged_file_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    path = _damaged_with_backup(tmp_path)
    before = _sha(path)
    messages = ScriptedMessages()  # answers no
    assert app._open_store(path, messages) is None
    assert _sha(path) == before


def test_without_a_backup_the_damage_is_said(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ingen.db"
    path.write_bytes(b"skrap" * 500)
    messages = ScriptedMessages()
    assert app._open_store(path, messages) is None
    assert messages.asked == []
    assert "skadad" in messages.errors[0]


def test_a_database_only_the_check_finds_damaged_offers_the_backup(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.store.test_open_damaged import _damage_a_page

    path = tmp_path / "sidor.db"
    with Store.open(path) as made:
        made.create_drafts(
            [(Draft(Metadata(title=f"Utkast {n} " + "ord " * 80)), None) for n in range(300)]
        )
        make_backup(made)
    _damage_a_page(path)
    messages = ScriptedMessages()
    messages.answers.append(True)  # yes, restore it
    store = app._open_store(path, messages)
    assert store is not None
    store.close()
    assert "skadad" in messages.asked[0]
    with Store.open(path) as fresh:
        assert len(fresh.list_drafts()) == 300


@pytest.mark.parametrize(
    ("value", "words"),
    [("", "sökvägen är tom"), ("~ingenanvandaremeddetnamnet/x.db", "ingen användare")],
)
def test_a_db_value_that_names_no_file_is_said_at_start(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, value: str, words: str
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    messages = ScriptedMessages()
    monkeypatch.setattr(app, "Messages", lambda: messages)
    style = qapp.styleSheet()
    try:
        code = app.run(argparse.Namespace(db=value, smoke_test=True, file=None, command=None))
    finally:
        qapp.setStyleSheet(style)
    assert code == 1
    assert words in messages.errors[0]
