"""Step 1, Uppgifter: the TU's metadata in a form."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import N_, _
from beslut.model.draft import Draft, Metadata, Person, Status
from beslut.settings import Settings
from beslut.ui.qlocale import ui_locale
from beslut.ui.steps.base import Step

_NO_DATE = QDate(2000, 1, 1)
_GUIDANCE = N_(
    "Fyll i uppgifterna som hamnar i sidhuvudet: ärendemening, nämnd, sammanträdesdatum och "
    "diarienummer. Ärendemeningen ska säga vad ärendet gäller, till exempel ”Avgiftsfri "
    "simskola för barn i årskurs 1–3”. Dela en lång rubrik: kärnan i rubriken, detaljerna "
    "i underrubriken.\n\nDina egna uppgifter fylls i från inställningarna."
)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setLocale(ui_locale())  # month names and the calendar in the user's language
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(_("Inget datum"))
    edit.setAccessibleName(name)
    return edit


class MetadataStep(Step):
    """Ärendemening, nämnd, dates, Dnr, sender and handläggare, status."""

    def __init__(
        self,
        settings: Settings,
        dnr_matches: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Uppgifter"), _(_GUIDANCE), parent)
        self.required = True
        self.settings = settings
        self.dnr_matches = dnr_matches
        self.title_edit = self._line(_("Ärendemening"))
        self.subtitle = QPlainTextEdit()
        self.subtitle.setAccessibleName(_("Underrubrik"))
        self.subtitle.setFixedHeight(52)
        self.subtitle.setTabChangesFocus(True)
        self.namnd = QComboBox()
        self.namnd.setEditable(True)
        self.namnd.setAccessibleName(_("Nämnd"))
        self.namnd.addItems(list(settings.namnder))
        self.meeting = _date_edit(_("Sammanträdesdatum"))
        self.dnr = self._line(_("Dnr"))
        self.dnr.setPlaceholderText(_("till exempel KS 2026/123"))
        self.dnr_hint = QLabel()
        self.dnr_hint.setObjectName("hint")
        self.dnr_hint.setWordWrap(True)
        self.date = _date_edit(_("Datum för tjänsteutlåtandet"))
        self.forvaltning = self._line(_("Förvaltning"))
        self.avdelning = self._line(_("Avdelning"))
        self.handlaggare = self._line(_("Handläggare"))
        self.telefon = self._line(_("Telefon"))
        self.epost = self._line(_("E-post"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for status in Status:
            self.status.addItem(status.label, status.value)
        self._build_layout()
        self._connect()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(_("&Ärendemening"), self.title_edit)
        form.addRow(_("&Underrubrik"), self.subtitle)
        form.addRow(_("&Nämnd"), self.namnd)
        form.addRow(_("&Sammanträde"), self.meeting)
        form.addRow(_("&Dnr"), self.dnr)
        form.addRow("", self.dnr_hint)
        form.addRow(_("Da&tum"), self.date)
        form.addRow(_("&Förvaltning"), self.forvaltning)
        form.addRow(_("&Avdelning"), self.avdelning)
        form.addRow(_("&Handläggare"), self.handlaggare)
        form.addRow(_("Te&lefon"), self.telefon)
        form.addRow(_("&E-post"), self.epost)
        form.addRow(_("St&atus"), self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def _connect(self) -> None:
        for edit in (
            self.title_edit,
            self.dnr,
            self.forvaltning,
            self.avdelning,
            self.handlaggare,
            self.telefon,
            self.epost,
        ):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.subtitle.textChanged.connect(self._subtitle_changed)
        self.namnd.currentTextChanged.connect(lambda _t: self._emit_unless_loading())
        self.meeting.dateChanged.connect(lambda _d: self._emit_unless_loading())
        self.date.dateChanged.connect(lambda _d: self._emit_unless_loading())
        self.status.currentIndexChanged.connect(lambda _i: self._emit_unless_loading())
        self.dnr.textChanged.connect(self._check_dnr)
        self._loading = False

    def _emit_unless_loading(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _subtitle_changed(self) -> None:
        self._emit_unless_loading()

    def _check_dnr(self, text: str) -> None:
        ok = not text.strip() or self.dnr_matches(text)
        self.dnr_hint.setText(
            "" if ok else _("Diarienumret har inte den form som organisationen har angett.")
        )
        self.dnr_hint.setVisible(not ok)

    def load(self, draft: Draft) -> None:
        self._loading = True
        meta = draft.meta
        self.title_edit.setText(meta.title)
        self.subtitle.setPlainText(meta.subtitle)
        self.namnd.setCurrentText(meta.namnd)
        self.meeting.setDate(_qdate(meta.meeting_date))
        self.dnr.setText(meta.dnr)
        self.date.setDate(_qdate(meta.date))
        self.forvaltning.setText(meta.forvaltning)
        self.avdelning.setText(meta.avdelning)
        self.handlaggare.setText(meta.handlaggare.name)
        self.telefon.setText(meta.handlaggare.telefon)
        self.epost.setText(meta.handlaggare.epost)
        self.status.setCurrentIndex(max(0, self.status.findData(meta.status.value)))
        self._loading = False

    def apply(self, draft: Draft) -> Draft:
        meta = Metadata(
            title=self.title_edit.text(),
            subtitle=self.subtitle.toPlainText(),
            doctype=draft.meta.doctype,
            namnd=self.namnd.currentText(),
            meeting_date=_pydate(self.meeting.date()),
            dnr=self.dnr.text(),
            date=_pydate(self.date.date()),
            forvaltning=self.forvaltning.text(),
            avdelning=self.avdelning.text(),
            handlaggare=Person(self.handlaggare.text(), self.telefon.text(), self.epost.text()),
            status=Status(self.status.currentData()),
        )
        return dataclasses.replace(draft, meta=meta)

    def is_filled(self) -> bool:
        # The model's definition, the one the granskning uses too.
        return Metadata(
            title=self.title_edit.text(), namnd=self.namnd.currentText(), dnr=self.dnr.text()
        ).is_filled

    def focus_first(self) -> None:
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, field: str) -> None:
        """Put the focus on the field a finding names (title, dnr, meeting_date, ...)."""
        widgets: dict[str, QWidget] = {
            "title": self.title_edit,
            "subtitle": self.subtitle,
            "namnd": self.namnd,
            "meeting_date": self.meeting,
            "dnr": self.dnr,
            "date": self.date,
        }
        widgets.get(field, self.title_edit).setFocus(Qt.FocusReason.OtherFocusReason)


def _qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else _NO_DATE


def _pydate(value: QDate) -> dt.date | None:
    if value == _NO_DATE or not value.isValid():
        return None
    return dt.date(value.year(), value.month(), value.day())
