"""Undo for structural edits: a command that swaps between two immutable snapshots."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

T = TypeVar("T")


class SnapshotCommand(QUndoCommand, Generic[T]):
    """Set a value to ``after`` on redo and back to ``before`` on undo.

    Commands with the same ``merge_key`` that follow each other merge into one, so
    typing in one field is undone as a whole rather than a character at a time.
    """

    def __init__(
        self,
        text: str,
        before: T,
        after: T,
        apply: Callable[[T], None],
        merge_key: Hashable | None = None,
        *,
        applied: bool = False,
    ) -> None:
        super().__init__(text)
        self.before, self.after, self._apply = before, after, apply
        self.merge_key = merge_key
        self._skip_redo = applied  # the widgets show ``after`` already (the user's edit)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SnapshotCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class ProxyCommand(QUndoCommand):
    """An entry in one stack that undoes and redoes an edit kept in another history (a
    one-click fix, done in the step it changed, listed where the user clicked it)."""

    def __init__(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo, self._redo = undo, redo
        self._skip_redo = True  # pushed after the edit was made

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


# Set on a text field whose Ctrl+Z belongs to its step's stack (see route_undo).
STEP_UNDO = "beslutStepUndo"


class UndoKeys(QObject):
    """Sends Ctrl+Z / Ctrl+Y in a field to a step's undo stack instead of the field's."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo):
            action = self._stack.undo
        elif event.matches(QKeySequence.StandardKey.Redo):
            action = self._stack.redo
        else:
            return False
        if event.type() == QEvent.Type.KeyPress:
            action()
        event.accept()
        return True


def route_undo(stack: QUndoStack, *widgets: QWidget) -> None:
    """Give Ctrl+Z / Ctrl+Y (and Redigera > Ångra) in ``widgets`` to ``stack``."""
    for widget in widgets:
        widget.installEventFilter(UndoKeys(stack, widget))
        widget.setProperty(STEP_UNDO, True)


def routed_stack() -> QUndoStack | None:
    """The stack route_undo gave the focused widget (Redigera > Ångra goes there too)."""
    focus = QApplication.focusWidget()
    keys = focus.findChild(UndoKeys) if focus is not None else None
    return keys._stack if isinstance(keys, UndoKeys) else None


def own_undo_widget() -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    """The focused text field when it keeps its own undo history (not a step's)."""
    focus = QApplication.focusWidget()
    if not isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit):
        return None
    if focus.property(STEP_UNDO):
        return None
    if not isinstance(focus, QLineEdit) and not focus.isUndoRedoEnabled():
        return None
    return focus


def undo_in_focus(*, redo: bool) -> bool:
    """Undo (or redo) in the focused text field, if it has its own history with
    something to undo (redo); True then."""
    widget = own_undo_widget()
    if widget is None or not can_undo(widget, redo=redo):
        return False
    widget.redo() if redo else widget.undo()
    return True


def can_undo(widget: QLineEdit | QTextEdit | QPlainTextEdit, *, redo: bool = False) -> bool:
    """True when the field's own history has something to undo (redo)."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    doc = widget.document()
    return doc.isRedoAvailable() if redo else doc.isUndoAvailable()
