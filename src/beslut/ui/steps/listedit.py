"""A reorderable list with undo: the shared part of the decisions and bilagor steps."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from beslut.checks.findings import Location
from beslut.i18n import _
from beslut.model.draft import Draft
from beslut.ui.steps.base import DraftStep
from beslut.ui.undo import SnapshotCommand

T = TypeVar("T")
ORIGINAL_ROW = Qt.ItemDataRole.UserRole + 10


class ReorderableList(QListWidget, Generic[T]):
    """Items of type T shown one per row; drag, Alt+Up/Down and buttons reorder them.

    The tuple ``values`` is the truth; every change goes through ``change`` and the undo
    stack, and the list is redrawn from the tuple.
    """

    edited = Signal()
    delete_pressed = Signal()  # Delete on the selected item (the step decides what follows)
    files_dropped = Signal(list)  # local paths dropped from the file manager

    def __init__(
        self, stack: QUndoStack, label: Callable[[int, T], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.values: tuple[T, ...] = ()
        self._stack = stack
        self._label = label
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(2)
        self.model().rowsMoved.connect(self._dropped)

    def set_values(self, items: tuple[T, ...], current: int | None = None) -> None:
        """Show ``items`` without touching the undo history."""
        self.values = tuple(items)
        self.blockSignals(True)
        self.clear()
        for row, item in enumerate(self.values):
            widget_item = QListWidgetItem(self._label(row, item))
            widget_item.setData(ORIGINAL_ROW, row)
            self.addItem(widget_item)
        self.blockSignals(False)
        if self.values:
            row = len(self.values) - 1 if current is None else current
            self.setCurrentRow(max(0, min(row, len(self.values) - 1)))
        self.currentRowChanged.emit(self.currentRow())

    def relabel(self) -> None:
        """Redraw the labels after an item changed in place."""
        for row, item in enumerate(self.values):
            self.item(row).setText(self._label(row, item))

    def change(
        self,
        text: str,
        after: tuple[T, ...],
        current: int | None,
        merge_key: Hashable | None = None,
    ) -> None:
        """Replace the items, undoably; ``current`` is the row to select afterwards."""
        before, before_row = self.values, self.currentRow()

        def apply(state: tuple[tuple[T, ...], int | None]) -> None:
            items, row = state
            if merge_key is not None and len(items) == len(self.values):
                self.values = items  # a text edit: keep the widgets, only relabel
                self.relabel()
            else:
                self.set_values(items, row)
            self.edited.emit()

        self._stack.push(
            SnapshotCommand(text, (before, before_row), (after, current), apply, merge_key)
        )

    def replace_current(self, text: str, value: T, key: Hashable) -> None:
        """Put ``value`` in place of the current item; edits with the same ``key`` (a field
        of this item) merge into one undo step."""
        row = self.currentRow()
        if not 0 <= row < len(self.values):
            return
        values = (*self.values[:row], value, *self.values[row + 1 :])
        self.change(text, values, row, merge_key=(key, row))

    def current(self) -> T | None:
        """The current item, or None."""
        row = self.currentRow()
        return self.values[row] if 0 <= row < len(self.values) else None

    def move_current(self, offset: int) -> None:
        """Move the current item up (-1) or down (+1)."""
        row = self.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < len(self.values):
            return
        items = list(self.values)
        items[row], items[target] = items[target], items[row]
        self.change(_("Flytta"), tuple(items), target)

    def remove_current(self, text: str) -> None:
        row = self.currentRow()
        if row < 0:
            return
        self.change(text, self.values[:row] + self.values[row + 1 :], row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete and self.currentRow() >= 0:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return
        super().dropEvent(event)

    def _dropped(self, *_args: object) -> None:
        order = [int(self.item(r).data(ORIGINAL_ROW)) for r in range(self.count())]
        if order == list(range(len(self.values))):
            return
        moved_to = self.currentRow()
        after = tuple(self.values[i] for i in order)
        # Redraw after the drop has finished, not inside the model's move signal.
        QTimer.singleShot(0, lambda: self.change(_("Flytta"), after, moved_to))


class ListStep(DraftStep):
    """A step that edits one tuple field of the draft (``field``) through ``self.list``."""

    field = ""
    list: ReorderableList[Any]

    def load(self, draft: Draft) -> None:
        self.list.set_values(getattr(draft, self.field), 0)
        self.undo_stack.clear()

    def apply(self, draft: Draft) -> Draft:
        changes: dict[str, Any] = {self.field: self.list.values}
        return dataclasses.replace(draft, **changes)

    def take_from(self, draft: Draft, label: str) -> tuple[Callable[[], None], Callable[[], None]]:
        self.list.change(label, tuple(getattr(draft, self.field)), self.list.currentRow())
        return self.undo_stack.undo, self.undo_stack.redo

    def reveal(self, location: Location) -> None:
        """Select the item ``location`` names (a point, a bilaga)."""
        if location.index is not None and 0 <= location.index < self.list.count():
            self.list.setCurrentRow(location.index)
        self.focus_first()
