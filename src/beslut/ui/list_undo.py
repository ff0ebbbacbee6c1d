"""Undo in the draft list: a draft moved to the trash comes back with Ctrl+Z."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QLineEdit

from beslut.i18n import _

if TYPE_CHECKING:
    from beslut.ui.list_actions import ListActions


class TrashCommand(QUndoCommand):
    """A draft moved to the trash (already, when pushed); undo takes it back."""

    def __init__(self, actions: ListActions, draft_id: int) -> None:
        super().__init__(_("Flytta till papperskorgen"))
        self._actions, self._draft_id = actions, draft_id
        self._done = True  # the move was made before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._actions.set_trashed(self._draft_id, True)

    def undo(self) -> None:
        self._actions.set_trashed(self._draft_id, False)


class UndoThrough(QObject):
    """On a line edit (the list's search field): Ctrl+Z / Ctrl+Y with nothing of its own
    to undo goes on to the window's Ångra / Gör om, which QLineEdit would swallow. After
    the last draft went to the trash the focus is there, and Ctrl+Z must bring it back."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QLineEdit):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo):
            own = watched.isUndoAvailable()
        elif event.matches(QKeySequence.StandardKey.Redo):
            own = watched.isRedoAvailable()
        else:
            return False
        if own:
            return False
        event.ignore()  # not taken by the field: the window's shortcut gets it
        return True
