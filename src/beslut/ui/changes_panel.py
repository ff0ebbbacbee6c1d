"""The changes panel below the draft's text: a received review's proposed changes, one a
row (number, where, kind, old → new, author), with Godta / Avvisa for the chosen change
and for all of them. It only shows and asks; deciding is the controller's
(changes_flow.py), through the core's workflow/changes.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _
from beslut.review.changes import Kind

if TYPE_CHECKING:
    from beslut.review import Change

_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 40
_SHORT = 120


def short(text: str, limit: int = _SHORT) -> str:
    """``text`` on one line, cut with … after ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def old_to_new(change: Change) -> str:
    """What the change does to the text, "”gammalt” → ”nytt”" (one side when the other
    is empty); a moved block's text once, "↕ ”text”"."""
    if change.kind is Kind.MOVE_BLOCK:
        return f"↕ ”{short(change.old)}”"
    if not change.old:
        return f"+ ”{short(change.new)}”"
    if not change.new:
        return f"− ”{short(change.old)}”"
    return f"”{short(change.old)}” → ”{short(change.new)}”"


class _UndoKeys(QObject):
    """Ctrl+Z in the panel takes the last decision back (before the window's Ångra,
    which would undo typing in the current step)."""

    def __init__(self, undo: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._undo = undo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if not event.matches(QKeySequence.StandardKey.Undo):
            return False
        if event.type() == QEvent.Type.KeyPress:
            self._undo()
        event.accept()
        return True


class ChangesPanel(QFrame):
    """The proposed changes of the open draft's pending review.

    ``decide_requested(numbers, accept)``: ``numbers`` a list of change numbers, or
    None for all; ``undo_requested``: Ctrl+Z while the panel has the focus.
    """

    decide_requested = Signal(object, bool)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.setAccessibleName(_("Föreslagna ändringar"))
        self.heading = QLabel()
        self.heading.setObjectName("stepHeading")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Föreslagna ändringar"))
        self.tree.setHeaderLabels([_("Nr"), _("Var"), _("Ändring"), _("Av"), _("Text")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setMinimumHeight(110)
        self.accept_button = self._button(_("&Godta"), _("Godta den valda ändringen"))
        self.reject_button = self._button(_("Avv&isa"), _("Avvisa den valda ändringen"))
        self.accept_all = self._button(_("Godta a&lla"), _("Godta alla ändringar"))
        self.reject_all = self._button(_("Avvi&sa alla"), _("Avvisa alla ändringar"))
        self.accept_button.clicked.connect(lambda _c=False: self._decide_chosen(True))
        self.reject_button.clicked.connect(lambda _c=False: self._decide_chosen(False))
        self.accept_all.clicked.connect(lambda _c=False: self._decide_all(True))
        self.reject_all.clicked.connect(lambda _c=False: self._decide_all(False))
        self.tree.currentItemChanged.connect(lambda _item, _previous: self._enable())
        self.tree.itemActivated.connect(lambda _item, _column: self.chosen_activated())
        keys = _UndoKeys(self.undo_requested.emit, self)
        for widget in (self.tree, *self._buttons()):
            widget.installEventFilter(keys)
        self.activated: Callable[[Change], None] | None = None  # show it in the text
        self._changes: list[Change] = []
        self._busy = False
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.accept_all, self.reject_all):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.accept_button, self.reject_button, self.accept_all, self.reject_all)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoDefault(False)
        return button

    def show_changes(
        self, changes: Sequence[Change], where: Callable[[Change], str], reviewer: str
    ) -> None:
        """List ``changes`` (``where`` names each one's place), the chosen row kept."""
        current = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(current) if current is not None else 0
        self._changes = list(changes)
        self.heading.setText(
            _("Ändringar från {name}: {n} kvar").format(name=reviewer, n=len(changes))
        )
        self.tree.blockSignals(True)  # no button disabled meanwhile: it would lose the focus
        self.tree.clear()
        for change in changes:
            cells = [
                str(change.number),
                where(change),
                change.kind.label,
                change.author,
                old_to_new(change),
            ]
            item = QTreeWidgetItem(cells)
            item.setData(0, _NUMBER_ROLE, change.number)
            item.setToolTip(4, f"{change.old}\n→\n{change.new}")
            self.tree.addTopLevelItem(item)
        for column in (0, 1, 2, 3):
            self.tree.resizeColumnToContents(column)
        again = self.tree.topLevelItem(min(max(row, 0), len(changes) - 1)) if changes else None
        if again is not None:
            self.tree.setCurrentItem(again)
        self.tree.blockSignals(False)
        self._enable()

    def set_busy(self, busy: bool) -> None:
        """While a decision is on its way, no other is asked for (the buttons stay
        enabled: disabling the one just clicked would move the focus away)."""
        self._busy = busy

    def _enable(self) -> None:
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(self.chosen() is not None)
        for button in (self.accept_all, self.reject_all):
            button.setEnabled(bool(self._changes))

    def chosen(self) -> Change | None:
        """The change chosen in the list."""
        item = self.tree.currentItem()
        if item is None:
            return None
        number = item.data(0, _NUMBER_ROLE)
        return next((c for c in self._changes if c.number == number), None)

    def choose(self, number: int) -> None:
        """Choose change ``number`` in the list."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, _NUMBER_ROLE) == number:
                self.tree.setCurrentItem(item)

    def chosen_activated(self) -> None:
        """Return (or a double-click) on a change: show it in the text."""
        change = self.chosen()
        if change is not None and self.activated is not None:
            self.activated(change)

    def _decide_all(self, accept: bool) -> None:
        if not self._busy:
            self.decide_requested.emit(None, accept)

    def _decide_chosen(self, accept: bool) -> None:
        change = self.chosen()
        if change is not None and not self._busy:
            self.decide_requested.emit([change.number], accept)
