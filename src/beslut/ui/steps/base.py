"""What every step of the draft editor offers the editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from beslut.model.draft import Draft


class Step(QWidget):
    """One part of the TU: it shows its piece of the draft and writes it back.

    ``changed`` is emitted on every user edit. ``apply`` is called after a pause (by
    autosave) and must be cheap enough for that; ``is_filled`` drives the step list.
    """

    changed = Signal()

    def __init__(self, title: str, guidance: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.guidance = guidance
        self.required = False
        self.undo_stack = QUndoStack(self)

    def load(self, draft: Draft) -> None:
        """Show this step's part of ``draft`` (no ``changed``, no undo history)."""
        raise NotImplementedError

    def apply(self, draft: Draft) -> Draft:
        """``draft`` with this step's part replaced by what the user has entered."""
        raise NotImplementedError

    def is_filled(self) -> bool:
        """True when the user has entered this part."""
        raise NotImplementedError

    def focus_first(self) -> None:
        """Put the keyboard focus where the user starts typing."""
        self.focusNextChild()
