"""Zoom in the editor (Ctrl+plus, Ctrl+minus, Ctrl+0, remembered) and the word count in
the status bar, used as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.zoom import ZOOM_SETTING
from tests.ui.helpers import type_text
from tests.ui.rich_helpers import CONTROL, SHIFT, open_section

TEXT = [Block.plain("paragraph", "Ett två tre."), Block.plain("bullet", "EU-stöd 3,5 mkr")]


def _size(widget: QWidget) -> float:
    return widget.font().pointSizeF()


def _stored(path: Path, draft_id: int = 1) -> object:
    with Store.open(path) as fresh:
        return fresh.load_draft(draft_id)


def test_zoom_by_keys_is_remembered_and_leaves_the_draft_as_it_was(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    step = open_section(window, store, "bakgrund", TEXT)
    editor = window.editor
    assert editor is not None
    text, point = step.editor.text_edit, editor.decisions.text
    base, point_base = _size(text), _size(point)
    before = _stored(store.path)
    assert window.actions_by_name["zoom_in"].isEnabled()

    with qtbot.assertNotEmitted(editor.changed):  # no edit to save
        QTest.keyClick(text, Qt.Key.Key_Plus, CONTROL)
    assert _size(text) == pytest.approx(base * 1.1)
    QTest.keySequence(text, QKeySequence("Ctrl+="))  # the key beside the backspace, too
    assert _size(text) == pytest.approx(base * 1.2)
    assert _size(point) == pytest.approx(point_base * 1.2)  # the decision point's text
    QTest.keyClick(text, Qt.Key.Key_Minus, CONTROL)
    assert _size(text) == pytest.approx(base * 1.1)
    for other in editor.sections:  # every part, not only the one shown
        assert _size(other.editor.text_edit) == pytest.approx(base * 1.1)

    assert editor.collect() == before  # the text's formats are not the zoom's
    assert window.autosaver.flush() is None
    assert _stored(store.path) == before
    with Store.open(store.path) as fresh:
        assert fresh.get_setting(ZOOM_SETTING) == 110
    window.close()

    with Store.open(store.path) as again:  # the next start, on the same database
        qsettings = QSettings(str(tmp_path / "next.ini"), QSettings.Format.IniFormat)
        second = MainWindow(again, qsettings)
        qtbot.addWidget(second)
        second.show()
        assert not second.actions_by_name["zoom_in"].isEnabled()  # nothing to zoom in the list
        second.open_draft(1)
        assert second.editor is not None
        second_text = second.editor.sections[0].editor.text_edit
        assert _size(second_text) == pytest.approx(base * 1.1)
        second.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is second)
        second.editor.go_to_step(second.editor.sections[0])
        QTest.keyClick(second.editor.sections[0].editor.text_edit, Qt.Key.Key_0, CONTROL)
        assert _size(second_text) == pytest.approx(base)
        assert again.get_setting(ZOOM_SETTING) == 100
        second.close()


def test_zoom_stops_at_its_bounds(window: MainWindow, store: Store) -> None:
    step = open_section(window, store, "bakgrund", TEXT)
    text = step.editor.text_edit
    base = _size(text)
    for _ in range(15):
        QTest.keyClick(text, Qt.Key.Key_Plus, CONTROL)
    assert _size(text) == pytest.approx(base * 2.0)
    for _ in range(15):
        QTest.keyClick(text, Qt.Key.Key_Minus, CONTROL)
    assert _size(text) == pytest.approx(base * 0.8)


def _label(window: MainWindow) -> QLabel:
    label = window.statusBar().findChild(QLabel, "wordCount")
    assert isinstance(label, QLabel)
    return label


def test_the_status_bar_counts_the_draft_the_part_and_the_selection(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(window, store, "bakgrund", TEXT)
    label = _label(window)
    assert label.isVisible()
    part = f"{step.title}: 6 ord"  # Ett två tre. / EU-stöd 3,5 mkr
    qtbot.waitUntil(lambda: part in label.text())
    assert "Markerat" not in label.text()
    total = int(label.text().split(" ord")[0].replace("\u00a0", ""))

    text = step.editor.text_edit
    QTest.keyClick(text, Qt.Key.Key_End, CONTROL)
    type_text(text, " och tjugo öre")
    qtbot.waitUntil(lambda: f"{step.title}: 9 ord" in label.text())
    assert label.text().startswith(f"{total + 3} ord".replace("000", "\u00a0000"))

    QTest.keyClick(text, Qt.Key.Key_Home, CONTROL)
    QTest.keyClick(text, Qt.Key.Key_Right, CONTROL | SHIFT)
    QTest.keyClick(text, Qt.Key.Key_Right, CONTROL | SHIFT)
    assert label.text().endswith(" · Markerat: 2 ord")
    QTest.keyClick(text, Qt.Key.Key_Right)  # the selection gone, its count too
    assert "Markerat" not in label.text()

    window.back_to_list()
    assert not label.isVisible()


def test_ctrl_wheel_over_the_text_zooms(window: MainWindow, store: Store) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    step = open_section(window, store, "bakgrund", TEXT)
    text = step.editor.text_edit
    base = _size(text)

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        at = QPointF(text.viewport().rect().center())
        event = QWheelEvent(at, QPointF(text.viewport().mapToGlobal(at.toPoint())), QPoint(),
                            QPoint(0, delta), Qt.MouseButton.NoButton, modifiers,
                            Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
        QApplication.sendEvent(text.viewport(), event)

    wheel(120, CONTROL)
    assert _size(text) == pytest.approx(base * 1.1)
    wheel(-120, CONTROL)
    wheel(-120, CONTROL)
    assert _size(text) == pytest.approx(base * 0.9)
    wheel(-120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, as before
    assert _size(text) == pytest.approx(base * 0.9)
