"""Förslag till beslut as a numbered list: Enter starts the next point, Delete removes one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import click, type_text
from tests.ui.scripted import ScriptedMessages


def _stored_decisions(store: Store, window: MainWindow) -> tuple[str, ...]:
    assert window.autosaver.flush() is None
    fresh = Store.open(store.path)
    try:
        assert window.draft_id is not None
        return fresh.load_draft(window.draft_id).decisions
    finally:
        fresh.close()


def _open_decisions(window: MainWindow) -> None:
    """Open the example's decision points with the last one selected (clicked), so a new
    point goes at the end."""
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.decisions)
    points = editor.decisions.list
    last = points.visualItemRect(points.item(points.count() - 1)).center()
    QTest.mouseClick(points.viewport(), Qt.MouseButton.LeftButton, pos=last)


def test_enter_at_the_end_of_a_point_starts_the_next(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open_decisions(window)
    assert window.editor is not None
    step = window.editor.decisions
    before = step.list.values
    click(step, "Ny punkt")
    assert QApplication.focusWidget() is step.text
    type_text(step.text, "Beslutet justeras omedelbart.")
    QTest.keyClick(step.text, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is step.text
    type_text(step.text, "Nämnden lägger informationen till handlingarna.")
    assert _stored_decisions(store, window) == (
        *before,
        "Beslutet justeras omedelbart.",
        "Nämnden lägger informationen till handlingarna.",
    )


def test_enter_inside_a_point_splits_it_and_shift_enter_breaks_the_line(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open_decisions(window)
    assert window.editor is not None
    step = window.editor.decisions
    before = step.list.values
    click(step, "Ny punkt")
    type_text(step.text, "Första delen. Andra delen.")
    for _ in range(len("Andra delen.")):
        QTest.keyClick(step.text, Qt.Key.Key_Left)
    QTest.keyClick(step.text, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is step.text
    type_text(step.text, "Ny: ")
    QTest.keyClick(step.text, Qt.Key.Key_End)
    QTest.keyClick(step.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(step.text, "rad")
    assert _stored_decisions(store, window) == (
        *before,
        "Första delen.",
        "Ny: Andra delen.\nrad",
    )
    QTest.keyClick(step.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(step.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_decisions(store, window) == (*before, "Första delen. Andra delen.")


def test_enter_splits_at_the_cursor_after_an_emoji(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    """Qt counts an emoji as two positions; the split is still where the cursor is."""
    _open_decisions(window)
    assert window.editor is not None
    step = window.editor.decisions
    before = step.list.values
    click(step, "Ny punkt")
    type_text(step.text, "Mål 🎯 nått. Nästa steg.")
    for _ in range(len("Nästa steg.")):
        QTest.keyClick(step.text, Qt.Key.Key_Left)
    QTest.keyClick(step.text, Qt.Key.Key_Return)
    assert _stored_decisions(store, window) == (*before, "Mål 🎯 nått.", "Nästa steg.")


def test_delete_removes_the_selected_point_undoably(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open_decisions(window)
    assert window.editor is not None
    step = window.editor.decisions
    click(step, "Ny punkt")
    type_text(step.text, "Andra punkten.")
    points = _stored_decisions(store, window)
    assert len(points) >= 2
    first = step.list.visualItemRect(step.list.item(0)).center()
    QTest.mouseClick(step.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert QApplication.focusWidget() is step.list
    assert step.list.currentRow() == 0
    QTest.keyClick(step.list, Qt.Key.Key_Delete)
    assert _stored_decisions(store, window) == points[1:]
    assert QApplication.focusWidget() is step.list
    QTest.keyClick(step.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_decisions(store, window) == points


def test_delete_while_editing_a_point_deletes_text_only(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open_decisions(window)
    assert window.editor is not None
    step = window.editor.decisions
    click(step, "Ny punkt")
    type_text(step.text, "Punkt.")
    points = _stored_decisions(store, window)
    QTest.keyClick(step.text, Qt.Key.Key_Home)
    QTest.keyClick(step.text, Qt.Key.Key_Delete)
    assert _stored_decisions(store, window) == (*points[:-1], "unkt.")


def test_a_read_only_database_keeps_its_points(
    qtbot: QtBot, tmp_path: Path, messages: ScriptedMessages
) -> None:
    path = tmp_path / "läs.db"
    Store.open(path, seed=seed_example).close()
    with Store.open(path) as fresh:
        points = fresh.load_draft(1).decisions
    with Store.open(path, read_only=True) as store:
        qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, qsettings, messages=messages)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        _open_decisions(window)
        assert window.editor is not None
        step = window.editor.decisions
        assert QApplication.focusWidget() is step.list
        QTest.keyClick(step.list, Qt.Key.Key_Delete)
        QTest.mouseClick(step.text, Qt.MouseButton.LeftButton)
        QTest.keyClick(step.text, Qt.Key.Key_Return)
        assert step.list.values == points
        window.close()
    with Store.open(path) as fresh:
        assert fresh.load_draft(1).decisions == points
