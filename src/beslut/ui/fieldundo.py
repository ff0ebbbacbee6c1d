"""Undo in a form: a change to a field the user is not in is shown before it is undone."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from beslut.ui.undo import SnapshotCommand


class FieldUndoStack(QUndoStack):
    """A form's undo stack whose commands carry the field they changed (``merge_key``).

    Ctrl+Z (Ctrl+Y) acts on the focused field: when the change to undo (redo) is in
    another field, the key first moves the focus there, and only the next press undoes
    it, so no text changes in a field the user is not looking at.
    """

    def __init__(
        self, widget_for: Callable[[Hashable], QWidget | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._widget_for = widget_for

    def undo(self) -> None:
        if not self._shown_elsewhere(self.index() - 1):
            super().undo()

    def redo(self) -> None:
        if not self._shown_elsewhere(self.index()):
            super().redo()

    def _shown_elsewhere(self, index: int) -> bool:
        """Move the focus to the field command ``index`` changes, if it is not there;
        True when it moved."""
        if not 0 <= index < self.count():
            return False
        command = self.command(index)
        if not isinstance(command, SnapshotCommand) or command.merge_key is None:
            return False
        widget = self._widget_for(command.merge_key)
        focus = QApplication.focusWidget()
        if widget is None or focus is widget or (focus and widget.isAncestorOf(focus)):
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
