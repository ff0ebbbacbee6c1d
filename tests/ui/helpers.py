"""Helpers for GUI tests: typing any text (å, ä, ö included) as real key events."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from beslut.ui.changes_flow import ChangesController
    from beslut.ui.main_window import MainWindow
    from tests.ui.scripted import ScriptedMessages


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character.

    QTest.keyClicks aborts the process on non-ASCII characters (qasciikey.cpp), so each
    character goes as a key event with its text and no key code.
    """
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def button(parent: QWidget, name: str) -> QAbstractButton:
    """The one visible button under ``parent`` whose accessible name is ``name``."""
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if b.accessibleName() == name and b.isVisibleTo(parent)
    ]
    assert len(found) == 1, f"{len(found)} buttons named {name!r}"
    return found[0]


def click(parent: QWidget, name: str) -> None:
    """Click the button named ``name`` with the mouse, as a user does."""
    QTest.mouseClick(button(parent, name), Qt.MouseButton.LeftButton)


def receive_review(window: MainWindow, messages: ScriptedMessages, path: Path,
                   qtbot: QtBot) -> ChangesController:  # fmt: skip
    """Ta emot granskad version… of ``path`` as a user does (the menu's action, the file
    chosen in the dialog), in the open draft; its changes controller once the panel
    shows the changes."""
    from beslut.ui.changes_flow import ChangesController

    messages.opened.append([path])
    window.act_receive_review.trigger()
    editor = window.editor
    assert editor is not None
    controller = editor.findChild(ChangesController)
    assert isinstance(controller, ChangesController), messages.everything
    qtbot.waitUntil(lambda: controller.shown is not None and controller.panel.isVisible())
    return controller
