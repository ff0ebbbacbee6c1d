"""Ctrl+Z then Ctrl+Y after typing under a table gives back exactly what undo took."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from beslut.model.draft import BlockKind
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import type_text
from tests.ui.rich_helpers import CONTROL, SHIFT, key, open_section, put_cursor, stored_section
from tests.ui.scripted import ScriptedMessages

P = BlockKind.PARAGRAPH


def _insert_table(step: SectionStep, messages: ScriptedMessages, size: str) -> None:
    """Tabell > Infoga tabell… in the toolbar, answering ``size``."""
    button = next(
        b for b in step.editor.findChildren(QToolButton) if b.accessibleName() == "Tabell"
    )
    menu = button.menu()
    assert menu is not None
    messages.texts.append(size)
    next(a for a in menu.actions() if a.text() == "Infoga tabell…").trigger()


def test_redo_after_undo_under_a_table_brings_the_text_back(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", ())
    edit = step.editor.text_edit
    put_cursor(step, 0, 0)
    _insert_table(step, messages, "2 x 2")
    type_text(edit, "Post")
    key(step, Qt.Key.Key_End, CONTROL)
    assert edit.textCursor().currentTable() is None
    type_text(edit, "Summan betalas i mars.")
    typed = stored_section(window, store, "bakgrund").blocks
    assert [b.kind for b in typed] == [BlockKind.TABLE, P]
    key(step, Qt.Key.Key_Z, CONTROL)
    assert QApplication.focusWidget() is edit
    undone = stored_section(window, store, "bakgrund").blocks
    assert [b.kind for b in undone] == [BlockKind.TABLE]
    key(step, Qt.Key.Key_Y, CONTROL)
    assert QApplication.focusWidget() is edit
    assert stored_section(window, store, "bakgrund").blocks == typed
    key(step, Qt.Key.Key_Z, CONTROL)  # and again: undo, redo with Ctrl+Shift+Z
    key(step, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert stored_section(window, store, "bakgrund").blocks == typed


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_redo_under_a_table_on_x11() -> None:
    """The test above on X11 (Xvfb), where Ctrl+Y is not Qt's standard redo key, so the
    editor, not QTextEdit, must take it (the offscreen platform counts it as standard)."""
    test = f"{Path(__file__)}::test_redo_after_undo_under_a_table_brings_the_text_back"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "pytest",
         "-q", "-p", "no:cacheprovider", test],
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        cwd=Path(__file__).parents[2],
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
