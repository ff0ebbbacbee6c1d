"""Arkiv > Säkerhetskopior…: the list of backups, making one now, and restoring one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.model import Draft, Metadata
from beslut.store import Store
from beslut.store.backups import backup_dir, list_backups, make_backup
from beslut.ui.backups_dialog import BackupsDialog
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import button, click
from tests.ui.scripted import ScriptedMessages


def _open_dialog(window: MainWindow, qtbot: QtBot) -> BackupsDialog:
    window.act_backups.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _select(dialog: BackupsDialog, backup: Path) -> None:
    """Click the row of ``backup`` in the list."""
    table = dialog.table
    items = [table.item(row, 0) for row in range(table.rowCount())]
    found = [item for item in items if item is not None and item.toolTip() == backup.name]
    assert len(found) == 1
    rect = table.visualItemRect(found[0])
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = dialog.selected()
    assert chosen is not None and chosen.path == backup


def _titles(path: Path) -> list[str]:
    with Store.open(path) as fresh:
        return sorted(d.title for d in fresh.list_drafts())


def test_restoring_from_the_dialog_puts_the_backups_drafts_back(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot
) -> None:
    path = store.path
    store.create_draft(Draft(Metadata(title="Finns i kopian")))
    backup = make_backup(store)
    store.create_draft(Draft(Metadata(title="Skrivet efter kopian")))
    window.open_draft(1)  # a draft is open in the editor
    dialog = _open_dialog(window, qtbot)
    _select(dialog, backup)
    messages.answers.append(True)  # yes, replace the database
    click(dialog, "Återställ")
    assert "säkerhetskopian från" in messages.asked[-1]
    assert window.editor is None  # the editor was closed before the file was replaced
    titles = _titles(path)
    assert "Finns i kopian" in titles and "Skrivet efter kopian" not in titles
    # The database that was replaced is kept as the newest backup.
    newest = list_backups(path)[0]
    assert newest.path != backup
    assert "Skrivet efter kopian" in _titles_of_copy(newest.path)
    # The window works on the reopened database.
    assert window.store is not store
    with Store.open(path) as fresh:
        restored_ids = sorted(d.id for d in fresh.list_drafts())
    assert sorted(window.list_page.draft_ids()) == restored_ids  # the list was refreshed
    window.store.create_draft(Draft(Metadata(title="Efter återställningen")))
    assert "Efter återställningen" in _titles(path)
    window.store.close()


def _titles_of_copy(path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM drafts")]
    finally:
        conn.close()


def test_saying_no_changes_nothing(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot
) -> None:
    backup = make_backup(store)
    store.create_draft(Draft(Metadata(title="Skrivet efter kopian")))
    dialog = _open_dialog(window, qtbot)
    _select(dialog, backup)
    click(dialog, "Återställ")  # the scripted answer is no
    assert messages.asked
    assert window.store is store
    assert "Skrivet efter kopian" in _titles(store.path)


def test_create_now_adds_a_backup_to_the_list(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    dialog = _open_dialog(window, qtbot)
    assert dialog.table.rowCount() == 0
    click(dialog, "Skapa säkerhetskopia nu")
    assert len(list_backups(store.path)) == 1
    assert dialog.table.rowCount() == 1


def test_a_damaged_copy_is_marked_and_cannot_be_restored(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    make_backup(store)
    damaged = backup_dir(store.path) / f"{store.path.stem}-20261130-100000-skadad.db"
    damaged.write_bytes(b"skadad " * 500)
    dialog = _open_dialog(window, qtbot)
    assert dialog.table.rowCount() == 2
    _select(dialog, damaged)
    note = dialog.table.item(1, 2)
    assert note is not None and "kan inte återställas" in note.text()
    assert not button(dialog, "Återställ").isEnabled()


def test_an_open_draft_that_cannot_be_saved_stops_the_restore(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot
) -> None:
    from tests.ui.test_save_failures import LONG, _fill_the_disk

    backup = make_backup(store)
    store.create_draft(Draft(Metadata(title="Skrivet efter kopian")))
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    _fill_the_disk(store)
    step = next(s for s in editor.sections if s.spec.key == "bakgrund")
    editor.go_to_step(step)
    step.editor.text_edit.insertPlainText(LONG)
    dialog = _open_dialog(window, qtbot)
    _select(dialog, backup)
    messages.answers.append(True)  # yes, replace the database
    click(dialog, "Återställ")
    assert window.editor is editor  # refused: the edit could not be saved
    assert window.store is store
    assert any(
        "Ändringarna kunde inte sparas" in m or "återställningsfilen" in m for m in messages.told
    )
    assert "Skrivet efter kopian" in _titles(store.path)


def test_a_database_that_cannot_be_reopened_is_said_and_the_window_closes(
    window: MainWindow,
    store: Store,
    messages: ScriptedMessages,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from beslut.store import StoreUnavailableError

    backup = make_backup(store)

    def cannot(*args: object, **kwargs: object) -> Store:
        raise StoreUnavailableError("Databasen kan inte öppnas.", "test")

    monkeypatch.setattr(Store, "open", cannot)
    dialog = _open_dialog(window, qtbot)
    _select(dialog, backup)
    messages.answers.append(True)
    click(dialog, "Återställ")
    assert "Databasen kan inte öppnas." in messages.errors
    assert not window.isVisible()
