"""Ta bort in the draft list: asked first, and Ctrl+Z brings the draft back, as a user
does it with Delete and Ctrl+Z; checked in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.model.draft import Draft, Metadata
from beslut.store import Store
from beslut.ui.draft_list import ID_ROLE
from beslut.ui.main_window import MainWindow
from beslut.ui.messages import Messages
from tests.ui.dialogs import answering, click_button, press
from tests.ui.helpers import type_text
from tests.ui.rich_helpers import CONTROL
from tests.ui.scripted import ScriptedMessages

TITLE = "Avgiftsfri simskola för barn i årskurs 1–3 från 2028"  # the seeded example


def _listed(store: Store) -> tuple[list[int], list[int]]:
    """The drafts in the list and in the trash, read from a fresh connection."""
    with Store.open(store.path) as fresh:
        return [d.id for d in fresh.list_drafts()], [d.id for d in fresh.list_drafts(trash=True)]


def _with_another_draft(window: MainWindow, store: Store) -> int:
    """A second draft, listed first (the newest), so the list stays after a delete."""
    other = store.create_draft(Draft(Metadata(title="Ny simhall")))
    window.refresh_list()
    return other


def _click_draft(window: MainWindow, draft_id: int) -> None:
    table = window.list_page.table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == draft_id)
    rect = table.visualRect(model.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is table
    assert window.list_page.selected_id() == draft_id


def test_delete_asks_then_trashes_and_ctrl_z_brings_the_draft_back(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    other = _with_another_draft(window, store)
    window.activateWindow()
    _click_draft(window, 1)
    table = window.list_page.table
    QTest.keyClick(table, Qt.Key.Key_Delete)  # answered Avbryt
    assert TITLE in messages.asked[-1] and "papperskorgen" in messages.asked[-1]
    assert messages.confirm_actions == ["Flytta till papperskorgen"]
    assert _listed(store) == ([other, 1], [])
    messages.answers.append(True)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert _listed(store) == ([other], [1])
    assert QApplication.focusWidget() is table
    QTest.keyClick(table, Qt.Key.Key_Z, CONTROL)
    assert _listed(store) == ([other, 1], [])
    assert window.list_page.selected_id() == 1  # back, and selected
    QTest.keyClick(table, Qt.Key.Key_Y, CONTROL)  # Gör om
    assert _listed(store) == ([other], [1])
    window.act_undo.trigger()  # Redigera > Ångra
    assert _listed(store) == ([other, 1], [])


def test_the_real_question_offers_flytta_till_papperskorgen_and_avbryt(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, qsettings, messages=Messages())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    other = _with_another_draft(window, store)
    _click_draft(window, 1)
    table = window.list_page.table
    with answering(click_button("Avbryt")) as titles:
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert titles == ["Ta bort utkast"]
    assert _listed(store) == ([other, 1], [])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # back where it was
    with answering(press(Qt.Key.Key_Return)) as titles:  # the default: move it
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert titles == ["Ta bort utkast"]
    assert _listed(store) == ([other], [1])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    QTest.keyClick(table, Qt.Key.Key_Z, CONTROL)
    assert _listed(store) == ([other, 1], [])


def test_after_the_last_draft_went_to_the_trash_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    window.activateWindow()
    _click_draft(window, 1)
    messages.answers.append(True)
    QTest.keyClick(window.list_page.table, Qt.Key.Key_Delete)
    assert _listed(store) == ([], [1])
    focus = QApplication.focusWidget()  # the search field: the empty list has none
    assert focus is not None and not window.list_page.table.isVisible()
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)
    assert _listed(store) == ([1], [])
    type_text(window.list_page.search, "bad")  # the field's own typing still undoes
    with qtbot.waitSignal(window.list_page.search_changed):  # the search, run after a pause
        QTest.keyClick(window.list_page.search, Qt.Key.Key_Z, CONTROL)
    assert window.list_page.search.text() == ""
    assert _listed(store) == ([1], [])
