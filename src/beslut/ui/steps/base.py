"""What every step of the draft editor offers the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from beslut.checks.findings import Location
from beslut.i18n import _
from beslut.model.draft import Draft
from beslut.ui.icons import icon

# (text with & for the mnemonic, icon name, slot, tooltip)
ButtonSpec = tuple[str, str, Callable[[], object], str]


class Step(QWidget):
    """One step of the editor: a title, guidance, where the focus starts, and how to show
    a place in it (the editor's jump from a finding).

    ``part`` is the draft part the step shows (beslut.parts: META, DECISIONS, a section's
    key, ...), None for a step that shows no part of the draft (the review step).
    """

    changed = Signal()
    part: str | None = None

    def __init__(self, title: str, guidance: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.guidance = guidance
        self.required = False
        self.undo_stack = QUndoStack(self)

    def reveal(self, location: Location) -> None:
        """Show the place ``location`` points at, selected where that can be done."""
        self.focus_first()

    def focus_first(self) -> None:
        """Put the keyboard focus where the user starts typing."""
        self.focusNextChild()

    def set_read_only(self, read_only: bool) -> None:
        """Let the user read but not change this part (a read-only database)."""
        edits: list[QLineEdit | QTextEdit | QPlainTextEdit] = [
            *self.findChildren(QLineEdit),
            *self.findChildren(QTextEdit),
            *self.findChildren(QPlainTextEdit),
        ]
        for edit in edits:
            edit.setReadOnly(read_only)
            edit.style().unpolish(edit)  # the style sheet greys read-only fields
            edit.style().polish(edit)
        for widget in (
            self.findChildren(QAbstractButton)
            + self.findChildren(QComboBox)
            + self.findChildren(QDateEdit)
        ):
            widget.setEnabled(not read_only)
        for action in self.findChildren(QAction):
            action.setEnabled(not read_only)
        for view in self.findChildren(QAbstractItemView):
            view.setDragEnabled(not read_only)
            view.setAcceptDrops(not read_only)


class DraftStep(Step):
    """A step that edits its part of the draft; every subclass implements all of these.

    ``changed`` is emitted on every user edit. ``apply`` is called after a pause (by
    autosave) and must be cheap enough for that; ``is_filled`` drives the step list.
    """

    def load(self, draft: Draft) -> None:
        """Show this step's part of ``draft`` (no ``changed``, no undo history)."""
        raise NotImplementedError

    def apply(self, draft: Draft) -> Draft:
        """``draft`` with this step's part replaced by what the user has entered."""
        raise NotImplementedError

    def is_filled(self) -> bool:
        """True when the user has entered this part."""
        raise NotImplementedError

    def take_from(self, draft: Draft, label: str) -> tuple[Callable[[], None], Callable[[], None]]:
        """Show this step's part of ``draft`` as one undoable edit (a one-click fix);
        returns what undoes and what redoes it."""
        raise NotImplementedError


def button_row(specs: list[ButtonSpec], *extra: QWidget) -> QHBoxLayout:
    """A row of icon buttons (each named for screen readers), then ``extra``, then space."""
    row = QHBoxLayout()
    for text, icon_name, slot, tip in specs:
        button = QPushButton(icon(icon_name), text)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(_without_arguments(slot))
        row.addWidget(button)
    for widget in extra:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def move_buttons(move: Callable[[int], None]) -> list[ButtonSpec]:
    """The Upp / Ned buttons of a reorderable list."""
    return [
        (_("Upp"), "up", lambda: move(-1), _("Flytta upp (Alt+Upp)")),
        (_("Ned"), "down", lambda: move(1), _("Flytta ned (Alt+Ned)")),
    ]


def _without_arguments(slot: Callable[[], object]) -> Callable[[bool], None]:
    """A slot for clicked(bool) that calls ``slot()``: `checked` never reaches it."""

    def clicked(_checked: bool = False) -> None:
        slot()

    return clicked
