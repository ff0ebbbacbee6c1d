"""Undo for structural edits: a command that swaps between two immutable snapshots."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

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
    ) -> None:
        super().__init__(text)
        self.before, self.after, self._apply = before, after, apply
        self.merge_key = merge_key

    def redo(self) -> None:
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
