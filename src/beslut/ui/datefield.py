"""A date field that may be empty: dates typed as Swedes write them, a calendar on today."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QLineEdit, QWidget

from beslut import clock
from beslut.datetext import parse_typed_date
from beslut.i18n import _
from beslut.ui.qlocale import ui_locale

# The field's minimum stands for "no date" (shown as "Inget datum").
NO_DATE = QDate(2000, 1, 1)
# What may still grow into a date while it is typed: digits, separators, month names.
_TYPING = re.compile(r"[\w\s./-]*")
_State = QValidator.State
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class DateField(QDateEdit):
    """A QDateEdit whose minimum means "no date".

    Typed text is read when the field is left (or on Enter) by the core's
    ``parse_typed_date``, so "2027-01-14", "14/1 2027" or "20270114" all work in an
    empty field, where Qt's own sections would garble them; emptying the text clears the
    date. Text that names no date emits ``not_understood`` and the field keeps its date.
    The calendar of an empty field opens on today's month, not on the minimum's.
    """

    not_understood = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setLocale(ui_locale())  # month names and the calendar in the user's language
        self.setDisplayFormat("d MMMM yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(_("Inget datum"))
        self.setKeyboardTracking(False)  # read the text when it is complete
        self.setAccessibleName(name)
        self.setToolTip(_("Skriv till exempel 2027-01-14 eller 14/1 2027."))
        inner = self.findChild(QLineEdit)  # the text box a screen reader lands in
        if inner is not None:
            inner.setAccessibleName(name)
        calendar = self.calendarWidget()
        # As wide as seven day names need ("mån", not "m…"), whatever the field's width.
        calendar.setMinimumWidth(calendar.fontMetrics().horizontalAdvance(" tors ") * 8)
        calendar.window().installEventFilter(self)

    def is_empty(self) -> bool:
        return self.date() == NO_DATE

    def _typed(self, text: str) -> dt.date | None:
        return parse_typed_date(text, clock.today())

    def _is_blank(self, text: str) -> bool:
        return not text.strip() or text == self.specialValueText()

    def validate(self, text: str, pos: int) -> tuple[_State, str, int]:
        if self._is_blank(text) or self._typed(text) is not None:
            return _State.Acceptable, text, pos
        state, fixed, fixed_pos = super().validate(text, pos)
        if state == _State.Acceptable:
            return state, fixed, fixed_pos
        # Anything that may still grow into a date stays as typed, to be read when done.
        return (_State.Intermediate if _TYPING.fullmatch(text) else state), text, pos

    def fixup(self, text: str) -> str:
        if not self._is_blank(text) and self._typed(text) is None:
            self.not_understood.emit(text)
        return super().fixup(text)

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self._is_blank(text):
            return QDateTime(NO_DATE, self.time())
        typed = self._typed(text)
        if typed is None:
            return super().dateTimeFromText(text)
        return QDateTime(QDate(typed.year, typed.month, typed.day), self.time())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        typing = bool(text) and text.isprintable() and not _COMMAND & event.modifiers()
        if not typing and event.key() not in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            super().keyPressEvent(event)  # arrows, Tab between sections, the calendar key
            return
        line = self.lineEdit()
        if line.text() == self.specialValueText():
            line.clear()  # "Inget datum" is a placeholder: typing replaces it
        # Plain line-edit typing: QDateEdit's own would jump sections at "/" or " ", and
        # re-read the half-typed text whenever the cursor crosses into another section
        # (garbling it). The text is read when the field is left or on Enter.
        line.blockSignals(True)
        try:
            QAbstractSpinBox.keyPressEvent(self, event)
        finally:
            line.blockSignals(False)
        line.textChanged.emit(line.text())  # marks the text as to be read

    def stepBy(self, steps: int) -> None:
        if self.is_empty():  # up or down in an empty field starts from today
            today = clock.today()
            self.setDate(QDate(today.year, today.month, today.day))
            return
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.is_empty():
            today = clock.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return False
