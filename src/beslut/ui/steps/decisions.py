"""Step 2, Förslag till beslut: numbered decision points, reorderable, with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from beslut.checks.findings import Location
from beslut.doctypes import DocType
from beslut.i18n import _
from beslut.parts import DECISIONS, decisions_filled
from beslut.ui.steps.base import button_row, move_buttons
from beslut.ui.steps.listedit import ListStep, ReorderableList
from beslut.ui.steps.rich_items import RichItems
from beslut.ui.undo import route_undo

if TYPE_CHECKING:
    from beslut.ui.reuse import PhrasePicker, Reuse
    from beslut.workflow.phrases import Phrase


def _label(row: int, text: str) -> str:
    empty = _("(tom punkt)")
    return f"{row + 1}. {text or empty}"


class PointEdit(QPlainTextEdit):
    """The text of one point: Enter starts the next point, as in a numbered list in Word;
    Shift+Enter keeps a line break inside the point."""

    enter_pressed = Signal(int, int)  # the selection's start and end

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            cursor = self.textCursor()
            self.enter_pressed.emit(cursor.selectionStart(), cursor.selectionEnd())
            return
        super().keyPressEvent(event)


class DecisionsStep(ListStep):
    """The list of decision points and an editor for the selected one."""

    field = "decisions"
    part = DECISIONS

    def __init__(
        self, doctype: DocType, reuse: Reuse | None = None, parent: QWidget | None = None
    ) -> None:
        guidance = doctype.decision_guidance or _(
            "Skriv varje beslutspunkt som en egen mening, som om nämnden redan har beslutat."
        )
        super().__init__(doctype.decision_heading, guidance, parent)
        self.required = True
        self.doctype = doctype
        self.list: ReorderableList[str] = ReorderableList(self.undo_stack, _label)
        self.list.setAccessibleName(_("Beslutspunkter"))
        self.list.setItemDelegate(RichItems(self.list))  # a review's changes on the points
        self.text = PointEdit()
        self.text.setAccessibleName(_("Text för vald beslutspunkt"))
        self.text.setPlaceholderText(_("Till exempel: Idrottsnämnden godkänner förslaget."))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        route_undo(self.undo_stack, self.text)
        self.text_label = QLabel(_("&Text"))
        self.text_label.setBuddy(self.text)
        self.earlier: PhrasePicker | None = None
        self._build_layout(reuse)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.edited.connect(self._list_edited)
        self.text.textChanged.connect(self._text_edited)
        self.text.enter_pressed.connect(self.split)
        self.list.delete_pressed.connect(self._delete_pressed)
        self._showing = False

    def _build_layout(self, reuse: Reuse | None) -> None:
        standard = QToolButton()
        standard.setText(_("Infoga &standardformulering"))
        standard.setAccessibleName(_("Infoga standardformulering"))
        standard.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(standard)
        for wording in self.doctype.standard_decisions:
            action = QAction(wording, menu)
            action.triggered.connect(lambda _c=False, w=wording: self.add(w))
            menu.addAction(action)
        standard.setMenu(menu)
        standard.setEnabled(bool(self.doctype.standard_decisions))
        buttons = button_row(
            [
                (_("&Ny punkt"), "add", self.add, _("Lägg till en punkt")),
                (_("Ta &bort"), "remove", self.remove, _("Ta bort vald punkt")),
                *move_buttons(self.list.move_current),
            ],
            standard,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        if reuse is not None:
            self._build_earlier(reuse, layout)

    def _build_earlier(self, reuse: Reuse, layout: QVBoxLayout) -> None:
        """The search field "Tidigare beslut…" and its hits below the buttons."""
        from beslut.ui.reuse import SHORTCUT, PhrasePicker, shortcut_text

        search = reuse.search(DECISIONS, self)
        tip = _(
            "Sök bland punkterna i dina andra utkast och organisationens formuleringar "
            "({keys}); Enter infogar den valda som en ny punkt"
        ).format(keys=shortcut_text())
        self.earlier = picker = PhrasePicker(search, _("Tidigare beslut…"), tip, compact=True)
        picker.list.setMaximumHeight(150)
        label = QLabel(_("T&idigare beslut ({keys})").format(keys=shortcut_text()))
        label.setBuddy(picker.field)
        layout.addWidget(label)
        layout.addWidget(picker)
        picker.chosen.connect(self.take_earlier)
        shortcut = QShortcut(QKeySequence(SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(
            lambda: picker.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )

    def take_earlier(self, hit: Phrase) -> None:
        """Insert an earlier point (or the organisation's wording) as a new point after
        the current one: one undo step."""
        if self.text.isReadOnly():
            return
        self.add(hit.text)
        if self.earlier is not None:
            self.earlier.refresh()  # the point is the draft's own now: not offered again

    def add(self, text: str = "") -> None:
        """Add a decision point after the current one (or last) and start editing it."""
        row = self.list.currentRow()
        at = len(self.list.values) if row < 0 else row + 1
        items = (*self.list.values[:at], text, *self.list.values[at:])
        self.list.change(_("Ny punkt"), items, at)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def split(self, start: int, end: int) -> None:
        """Enter in a point: what follows the cursor (nothing, at the end) becomes a new
        point below, with the cursor at its start; one undo step. An empty point stays
        alone, so holding Enter does not fill the list with empty points."""
        row = self.list.currentRow()
        if self.text.isReadOnly() or not 0 <= row < len(self.list.values):
            return
        if not self.text.toPlainText().strip():
            return
        text = self.text.toPlainText()
        start, end = _index(text, start), _index(text, end)  # Qt counts UTF-16 units
        head, tail = text[:start].rstrip(), text[end:].lstrip()
        values = self.list.values
        items = (*values[:row], head, tail, *values[row + 1 :])
        self.list.change(_("Ny punkt"), items, row + 1)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_pressed(self) -> None:
        if not self.text.isReadOnly():  # a read-only database: the buttons are off too
            self.remove()

    def remove(self) -> None:
        self.list.remove_current(_("Ta bort punkt"))

    def _show_current(self, row: int) -> None:
        self._showing = True
        has_row = 0 <= row < len(self.list.values)
        self.text.setEnabled(has_row)
        self.text.setPlainText(self.list.values[row] if has_row else "")
        self.text_label.setText(
            _("&Text för punkt {n}").format(n=row + 1) if has_row else _("&Text")
        )
        self._showing = False

    def _list_edited(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.list.values) and self.text.toPlainText() != self.list.values[row]:
            self._show_current(row)  # an undo or redo changed the text under the editor
            self.text.moveCursor(QTextCursor.MoveOperation.End)
        self.changed.emit()

    def _text_edited(self) -> None:
        if not self._showing:
            self.list.replace_current(_("Skriv"), self.text.toPlainText(), "text")

    def is_filled(self) -> bool:
        return decisions_filled(self.list.values)

    def reveal(self, location: Location) -> None:
        """Select the point and, in its text, the characters ``location`` names."""
        super().reveal(location)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        if location.index is not None and location.start is not None:
            cursor = self.text.textCursor()
            cursor.setPosition(min(location.start, len(self.text.toPlainText())))
            end = location.end if location.end is not None else location.start
            cursor.setPosition(
                min(end, len(self.text.toPlainText())), QTextCursor.MoveMode.KeepAnchor
            )
            self.text.setTextCursor(cursor)

    def focus_first(self) -> None:
        (self.text if self.list.values else self.list).setFocus(Qt.FocusReason.OtherFocusReason)


def _index(text: str, position: int) -> int:
    """The index in ``text`` of Qt's cursor ``position``, which counts UTF-16 code units
    (a character outside the BMP, an emoji say, is two of them)."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", "ignore"))
