"""Findings where the user writes: the underline's tooltip says what and why, its context
menu offers the fix, and a click in the review selects without jumping away."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from beslut.model import Block, BlockKind, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep

TEXT = "Förvaltningen anser att erforderliga medel finns för föreliggande förslag."
WAIT = 20_000


def _open(window: MainWindow, store: Store) -> SectionStep:
    draft = store.load_draft(1)
    blocks = (Block.plain(BlockKind.PARAGRAPH, TEXT),)
    sections = tuple(
        Section(s.key, s.heading, blocks) if s.key == "bakgrund" else s for s in draft.sections
    )
    draft_id = store.create_draft(dataclasses.replace(draft, sections=sections))
    window.open_draft(draft_id)
    assert window.editor is not None
    step = next(s for s in window.editor.sections if s.spec.key == "bakgrund")
    assert isinstance(step, SectionStep)
    window.editor.go_to_step(step)
    return step


def _stiff_underlined(qtbot: QtBot, step: SectionStep) -> None:
    edit = step.editor.text_edit
    qtbot.waitUntil(
        lambda: "erforderliga" in [s.cursor.selectedText() for s in edit.extraSelections()],
        timeout=WAIT,
    )


def _point(step: SectionStep, word: str) -> QPoint:
    edit = step.editor.text_edit
    cursor = edit.document().find(word)
    cursor.setPosition(cursor.selectionStart() + 2)
    return edit.cursorRect(cursor).center()


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The findings' rows, under their parts' rows."""
    items = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        items += [group.child(j) for j in range(group.childCount())]
    return [item for item in items if item is not None]


def _saved_text(store: Store) -> str:
    with Store.open(store.path) as fresh:
        draft = fresh.load_draft(max(d.id for d in fresh.list_drafts()))
    section = draft.section("bakgrund")
    assert section is not None
    return section.blocks[0].text


def test_the_tooltip_of_an_underline_says_what_and_how_to_fix(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store)
    _stiff_underlined(qtbot, step)
    edit = step.editor.text_edit
    point = _point(step, "erforderliga")
    event = QHelpEvent(QEvent.Type.ToolTip, point, edit.viewport().mapToGlobal(point))
    QApplication.sendEvent(edit.viewport(), event)
    assert "”erforderliga” är stelt. Skriv hellre ”nödvändig”." in QToolTip.text()
    assert "Högerklicka för att rätta: Skriv ”nödvändiga”" in QToolTip.text()


def test_the_fix_is_in_the_context_menu_of_the_underline(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store)
    _stiff_underlined(qtbot, step)
    edit = step.editor.text_edit

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == "Rätta: Skriv ”nödvändiga”")
        menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, pick)
    top = edit.window()
    at = edit.viewport().mapTo(top, _point(step, "erforderliga"))
    QTest.mouseClick(top.windowHandle(), Qt.MouseButton.RightButton, pos=at)
    qtbot.waitUntil(lambda: "nödvändiga medel" in edit.toPlainText(), timeout=WAIT)
    assert window.autosaver.flush() is None
    assert (
        _saved_text(store)
        == "Förvaltningen anser att nödvändiga medel finns för föreliggande förslag."
    )


def test_a_click_in_the_review_selects_and_the_fix_button_follows(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store)
    editor = window.editor
    assert editor is not None
    _stiff_underlined(qtbot, step)
    editor.go_to_step(editor.review)
    review = editor.review
    tree = review.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=WAIT)
    items = _items(tree)
    stiff = next(i for i in items if "erforderliga" in i.text(0))
    other = next(i for i in items if "föreliggande" in i.text(0))  # found, no fix
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(stiff).center()
    )
    assert editor.current_step() is review  # still here, the fix within reach
    assert review.fix_button.text() == "&Rätta: Skriv ”nödvändiga”"
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(other).center()
    )
    assert review.fix_button.text() == "&Rätta automatiskt"  # never the stale label
    assert not review.fix_button.isEnabled()
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(stiff).center()
    )
    QTest.mouseClick(review.fix_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nödvändiga" in step.editor.text_edit.toPlainText(), timeout=WAIT)
    qtbot.waitUntil(lambda: review.fix_button.text() == "&Rätta automatiskt", timeout=WAIT)
    assert window.autosaver.flush() is None
    assert (
        _saved_text(store)
        == "Förvaltningen anser att nödvändiga medel finns för föreliggande förslag."
    )
    # "Visa i texten" goes to the place.
    QTest.mouseClick(
        tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tree.visualItemRect(_items(tree)[0]).center(),
    )
    QTest.mouseClick(review.show_button, Qt.MouseButton.LeftButton)
    assert editor.current_step() is not review
