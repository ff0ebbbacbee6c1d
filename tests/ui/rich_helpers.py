"""Helpers for the GUI tests of the richer text: a section step with given blocks, the
cursor put in its text, and the section read back from the database."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from beslut.model.draft import Block, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_section(
    window: MainWindow, store: Store, key: str, blocks: Sequence[Block], draft_id: int = 1
) -> SectionStep:
    """Open draft ``draft_id`` with ``blocks`` as part ``key`` and show that step, its
    text focused."""
    draft = store.load_draft(draft_id)
    sections = tuple(
        dataclasses.replace(s, blocks=tuple(blocks)) if s.key == key else s for s in draft.sections
    )
    store.save_draft(draft_id, dataclasses.replace(draft, sections=sections))
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    step = editor.step_for(key)
    assert isinstance(step, SectionStep)
    window.activateWindow()
    editor.go_to_step(step)
    QApplication.processEvents()
    return step


def put_cursor(step: SectionStep, block: int, offset: int = 0, to: int | None = None) -> None:
    """The cursor in Qt block ``block`` at ``offset`` (selecting up to ``to``), as a click
    there would put it."""
    edit = step.editor.text_edit
    target = edit.document().findBlockByNumber(block)
    cursor = QTextCursor(target)
    cursor.setPosition(target.position() + offset)
    if to is not None:
        cursor.setPosition(target.position() + to, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()


def key(
    step: SectionStep, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press ``key`` in the step's text."""
    QTest.keyClick(step.editor.text_edit, key, modifiers)


def stored_section(window: MainWindow, store: Store, key: str, draft_id: int = 1) -> Section:
    """Part ``key`` as the database holds it after the autosave is flushed, read with a
    fresh Store."""
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        section = fresh.load_draft(draft_id).section(key)
    assert section is not None
    return section
