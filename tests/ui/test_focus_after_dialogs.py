"""After a dialog closes, the keys work at once: the focus is back where it was (or on
the current step's first field), tested with the app's real dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind, Draft, Metadata
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.messages import Messages
from beslut.ui.steps.section import SectionStep
from tests.richdraft import rich_draft
from tests.ui.dialogs import Answer, answering, click_yes, press, type_and_press_return
from tests.ui.helpers import click
from tests.ui.rich_helpers import ALT, CONTROL, open_section


@pytest.fixture
def real_window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    """The main window with the app's real dialogs (Messages, not a script)."""
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, qsettings, messages=Messages())
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _text(store: Store, key: str, draft_id: int = 1) -> str:
    with Store.open(store.path) as fresh:
        section = fresh.load_draft(draft_id).section(key)
    return section.text if section is not None else ""


def _focus(qtbot: QtBot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


# The window's actions that open a dialog over the editor, and how the user closes it.
DIALOGS: dict[str, tuple[Callable[[MainWindow], None], tuple[Answer, ...]]] = {
    "Om beslut": (lambda w: w.act_about.trigger(), (press(Qt.Key.Key_Return),)),
    "Inställningar": (lambda w: w.act_settings.trigger(), (press(Qt.Key.Key_Escape),)),
    "Spara version": (lambda w: w.act_version.trigger(), (type_and_press_return("Till KC"),)),
    "Exportera": (lambda w: w.act_export.trigger(), ()),  # every question cancelled
    "Öppna fil": (lambda w: w.act_open_file.trigger(), (press(Qt.Key.Key_Escape),)),
    "Skicka för granskning": (lambda w: w.act_send_review.trigger(), ()),
    "Versioner": (lambda w: w.act_versions.trigger(), (press(Qt.Key.Key_Escape),)),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_after_a_dialog_the_focus_is_back_and_ctrl_z_undoes(
    qtbot: QtBot, real_window: MainWindow, store: Store, name: str
) -> None:
    step = open_section(real_window, store, "bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text"),))
    edit = step.editor.text_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, "Q")
    assert real_window.autosaver.flush() is None
    assert _text(store, "bakgrund") == "TextQ"
    trigger, answers = DIALOGS[name]
    with answering(*answers) as titles:
        trigger(real_window)
        qtbot.waitUntil(lambda: bool(titles) and QApplication.activeModalWidget() is None)
    focus = _focus(qtbot)
    assert focus is edit
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)
    assert real_window.autosaver.flush() is None
    assert _text(store, "bakgrund") == "Text"


def test_after_removing_an_own_part_ctrl_z_brings_it_back(
    qtbot: QtBot, real_window: MainWindow, store: Store
) -> None:
    draft_id = store.create_draft(rich_draft())
    real_window.open_draft(draft_id)
    editor = real_window.editor
    assert editor is not None
    own = editor.step_for("ekonomiska_konsekvenser")
    assert isinstance(own, SectionStep)
    editor.go_to_step(own)
    with answering(click_yes) as titles:
        click(own, "Ta bort avsnittet")
        qtbot.waitUntil(lambda: bool(titles) and QApplication.activeModalWidget() is None)
    assert editor.step_for("ekonomiska_konsekvenser") is None
    focus = _focus(qtbot)  # "Ctrl+Z ångrar", the question said
    assert focus is editor.step_list
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)
    assert real_window.autosaver.flush() is None
    assert "Ventilation" in _text(store, "ekonomiska_konsekvenser", draft_id)


def test_after_choosing_the_kind_of_a_new_draft_its_first_field_has_the_focus(
    qtbot: QtBot, real_window: MainWindow, store: Store
) -> None:
    real_window.list_page.focus_list()
    with answering(press(Qt.Key.Key_Return)) as titles:
        QTest.keyClick(real_window.list_page.table, Qt.Key.Key_N, CONTROL)
        qtbot.waitUntil(lambda: bool(titles) and QApplication.activeModalWidget() is None)
    editor = real_window.editor
    assert editor is not None
    focus = _focus(qtbot)
    assert focus.window() is real_window and editor.isAncestorOf(focus)
    QTest.keyClick(focus, Qt.Key.Key_Left, ALT)  # Alla utkast
    assert real_window.pages.currentWidget() is real_window.list_page


def test_after_an_export_and_its_message_ctrl_z_undoes_in_the_text(
    qtbot: QtBot, real_window: MainWindow, store: Store, tmp_path: Path
) -> None:
    step = open_section(real_window, store, "bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text"),))
    edit = step.editor.text_edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, "Q")
    target = tmp_path / "tu.docx"
    # Where to save it, typed in the file dialog; "Exporten är klar" closed with Escape.
    with answering(type_and_press_return(str(target)), press(Qt.Key.Key_Escape)) as titles:
        QTest.keyClick(edit, Qt.Key.Key_E, CONTROL)
        qtbot.waitUntil(lambda: target.exists() and len(titles) >= 2, timeout=20000)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert titles[-1] == "Exporten är klar"
    focus = _focus(qtbot)
    assert focus is edit
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)
    assert real_window.autosaver.flush() is None
    assert _text(store, "bakgrund") == "Text"


def test_after_the_import_preview_is_cancelled_ctrl_z_in_the_list_still_undoes(
    qtbot: QtBot, real_window: MainWindow, store: Store, tmp_path: Path
) -> None:
    other = store.create_draft(Draft(Metadata(title="Ny simhall")))
    real_window.refresh_list()
    table = real_window.list_page.table
    table.setFocus()
    real_window.list_page.select_draft(1)
    with answering(press(Qt.Key.Key_Return)) as titles:  # Flytta till papperskorgen
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert titles and _ids(store) == [other]
    document = tmp_path / "yttrande.txt"
    document.write_text("Yttrande över remiss\n\nBakgrund\n\nText.\n", encoding="utf-8")
    with answering(type_and_press_return(str(document)), press(Qt.Key.Key_Escape)) as titles:
        real_window.act_import.trigger()  # the file dialog, then the preview: Avbryt
        qtbot.waitUntil(lambda: len(titles) == 2 and QApplication.activeModalWidget() is None)
    assert _ids(store) == [other]  # nothing imported
    focus = _focus(qtbot)
    assert focus is table
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)
    assert sorted(_ids(store)) == [1, other]


def _ids(store: Store) -> list[int]:
    with Store.open(store.path) as fresh:
        return [d.id for d in fresh.list_drafts()]
