"""Undo and redo cover every edit: list choices, dates, one-click fixes, not only typing."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.review import FINDING_ROLE
from tests.ui.helpers import button


def _stored(store: Store, window: MainWindow) -> Store:
    assert window.autosaver.flush() is None
    return Store.open(store.path)


def test_lists_and_dates_undo_with_ctrl_z(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    meta = editor.metadata
    editor.go_to_step(meta)
    before = store.load_draft(1).meta
    for widget in (meta.status, meta.meeting, meta.date):
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Down if widget is meta.status else Qt.Key.Key_Up)
    changed = _stored(store, window).load_draft(1).meta
    assert changed.status != before.status
    assert changed.meeting_date != before.meeting_date
    assert changed.date != before.date
    # Each Ctrl+Z undoes the focused field's change; one for another field first moves
    # the focus there (the date, then to the meeting date and undo, to the status and undo).
    for focus_after in (meta.date, meta.meeting, meta.meeting, meta.status, meta.status):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
        assert QApplication.focusWidget() is focus_after
    undone = _stored(store, window).load_draft(1).meta
    assert (undone.status, undone.meeting_date, undone.date) == (
        before.status,
        before.meeting_date,
        before.date,
    )
    window.act_redo.trigger()  # Redigera > Gör om, with the focus still in the form
    assert _stored(store, window).load_draft(1).meta.status == changed.status


def test_the_namnd_list_undoes(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.settings = dataclasses.replace(
        window.settings, namnder=("Idrottsnämnden", "Kulturnämnden")
    )
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    combo = editor.metadata.namnd
    before = combo.currentText()
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() != before
    assert _stored(store, window).load_draft(1).meta.namnd == combo.currentText()
    window.act_undo.trigger()
    assert combo.currentText() == before
    assert _stored(store, window).load_draft(1).meta.namnd == before


def test_a_one_click_fix_undoes(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    draft = store.load_draft(1)
    spaced = "Simskolan  börjar i augusti."
    sections = tuple(
        dataclasses.replace(s, blocks=(Block.plain(BlockKind.PARAGRAPH, spaced),))
        if s.key == "bakgrund"
        else s
        for s in draft.sections
    )
    store.save_draft(1, dataclasses.replace(draft, sections=sections))
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    with qtbot.waitSignal(editor.report_ready, timeout=5000):
        editor.run_checks()
    tree = editor.review.tree
    items = QTreeWidgetItemIterator(tree)
    item = None
    while items.value() is not None:
        finding = items.value().data(0, FINDING_ROLE)
        if finding is not None and finding.rule == "spacing.double":
            item = items.value()
        items += 1
    assert item is not None
    tree.setCurrentItem(item)
    QTest.mouseClick(
        button(editor.review, "Rätta vald anmärkning automatiskt"), Qt.MouseButton.LeftButton
    )

    def bakgrund(s: Store) -> str:
        section = s.load_draft(1).section("bakgrund")
        assert section is not None
        return section.text

    assert bakgrund(_stored(store, window)) == "Simskolan börjar i augusti."
    window.act_undo.trigger()  # on the review step, where the fix was clicked
    assert bakgrund(_stored(store, window)) == spaced
    window.act_redo.trigger()
    assert bakgrund(_stored(store, window)) == "Simskolan börjar i augusti."
