"""Step 1, Uppgifter: the TU's metadata in a form."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from beslut.checks.findings import Location
from beslut.checks.pattern import PatternTooSlow
from beslut.i18n import N_, _
from beslut.model.draft import Draft, Metadata, Person, Status
from beslut.parts import META
from beslut.settings import Settings
from beslut.ui.datefield import NO_DATE, DateField
from beslut.ui.fieldundo import FieldUndoStack
from beslut.ui.steps.base import DraftStep
from beslut.ui.undo import SnapshotCommand, route_undo

_GUIDANCE = N_(
    "Fyll i uppgifterna som hamnar i sidhuvudet: ärendemening, nämnd, sammanträdesdatum och "
    "diarienummer. Ärendemeningen ska säga vad ärendet gäller, till exempel ”Avgiftsfri "
    "simskola för barn i årskurs 1–3”. Dela en lång rubrik: kärnan i rubriken, detaljerna "
    "i underrubriken.\n\nDina egna uppgifter fylls i från inställningarna."
)


# The languages a draft can be written in (model.draft.LANGUAGES), as the form names them.
_LANGUAGE_NAMES = (("sv", N_("Svenska")), ("en", N_("Engelska")))


class MetadataStep(DraftStep):
    part = META

    """Ärendemening, nämnd, dates, Dnr, sender and handläggare, status."""

    def __init__(
        self,
        settings: Settings,
        dnr_matches: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Uppgifter"), _(_GUIDANCE), parent)
        self.undo_stack.deleteLater()
        self.undo_stack = FieldUndoStack(self._field_widget, self)
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
        self.meeting = DateField(_("Sammanträdesdatum"))
        self.dnr = self._line(_("Dnr"))
        self.dnr.setPlaceholderText(_("till exempel KS 2026/123"))
        self.dnr_hint = QLabel()
        self.dnr_hint.setObjectName("hint")
        self.dnr_hint.setWordWrap(True)
        self.date = DateField(_("Datum för tjänsteutlåtandet"))
        self.meeting_hint, self.date_hint = _hint(), _hint()
        self.forvaltning = self._line(_("Förvaltning"))
        self.avdelning = self._line(_("Avdelning"))
        self.handlaggare = self._line(_("Handläggare"))
        self.telefon = self._line(_("Telefon"))
        self.epost = self._line(_("E-post"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Språk"))
        self.language.setToolTip(_("Dokumentets språk: stavningen kontrolleras på svenska"))
        for code, name in _LANGUAGE_NAMES:
            self.language.addItem(_(name), code)
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
        form.addRow("", self.meeting_hint)
        form.addRow(_("&Dnr"), self.dnr)
        form.addRow("", self.dnr_hint)
        form.addRow(_("Da&tum"), self.date)
        form.addRow("", self.date_hint)
        form.addRow(_("&Förvaltning"), self.forvaltning)
        form.addRow(_("&Avdelning"), self.avdelning)
        form.addRow(_("&Handläggare"), self.handlaggare)
        form.addRow(_("Te&lefon"), self.telefon)
        form.addRow(_("&E-post"), self.epost)
        form.addRow(_("St&atus"), self.status)
        form.addRow(_("S&pråk"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def _line_fields(self) -> dict[str, QLineEdit]:
        return {
            "title": self.title_edit,
            "dnr": self.dnr,
            "forvaltning": self.forvaltning,
            "avdelning": self.avdelning,
            "handlaggare": self.handlaggare,
            "telefon": self.telefon,
            "epost": self.epost,
        }

    def _widgets(self) -> dict[str, QWidget]:
        """The widget of each field the step shows, by the field's name."""
        return {
            **self._line_fields(),
            "subtitle": self.subtitle,
            "namnd": self.namnd,
            "meeting_date": self.meeting,
            "date": self.date,
            "status": self.status,
            "language": self.language,
        }

    def _field_widget(self, field: Hashable) -> QWidget | None:
        """The widget that shows ``field`` (an undo command's merge key)."""
        return self._widgets().get(field) if isinstance(field, str) else None

    def change_widgets(self) -> dict[str, tuple[QWidget, ...]]:
        """The widgets that show each metadata field as a review's changes name it
        (review.changes: title, subtitle, META_FIELDS; the doctype has none here). The
        handläggare is one field there: its name, telefon and e-post here."""
        from beslut.review.changes import META_FIELDS  # only with a review open

        widgets = self._widgets()
        named = ("title", "subtitle", *META_FIELDS)
        out: dict[str, tuple[QWidget, ...]] = {n: (widgets[n],) for n in named if n in widgets}
        out["handlaggare"] = (self.handlaggare, self.telefon, self.epost)
        return out

    def _connect(self) -> None:
        self._loading = False
        self._doctype = Metadata().doctype
        self._shown = Metadata()
        for field, edit in self._line_fields().items():
            edit.textEdited.connect(lambda _text, f=field: self._edited(f))
        self.subtitle.textChanged.connect(lambda: self._edited("subtitle"))
        self.namnd.currentTextChanged.connect(lambda _text: self._edited("namnd"))
        self.meeting.dateChanged.connect(lambda _date: self._edited("meeting_date"))
        self.date.dateChanged.connect(lambda _date: self._edited("date"))
        self.status.currentIndexChanged.connect(lambda _index: self._edited("status"))
        self.language.currentIndexChanged.connect(lambda _index: self._edited("language"))
        self.dnr.textChanged.connect(self._check_dnr)
        for date_field, hint in ((self.meeting, self.meeting_hint), (self.date, self.date_hint)):
            date_field.not_understood.connect(lambda text, h=hint: _not_a_date(h, text))
            date_field.dateChanged.connect(lambda _date, h=hint: h.hide())
        # Every field's Ctrl+Z goes to the step's stack, so lists and dates undo too.
        line = self.namnd.lineEdit()
        route_undo(
            self.undo_stack,
            *self._line_fields().values(),
            self.subtitle,
            self.namnd,
            *((line,) if line is not None else ()),
            self.meeting,
            self.date,
            self.status,
            self.language,
        )

    def _edited(self, field: str) -> None:
        """The user changed ``field``: one undo step (typing in one field merges)."""
        if self._loading:
            return
        before, after = self._shown, self._read(self._doctype)
        if after == before:
            return
        self._shown = after
        self.undo_stack.push(
            SnapshotCommand(_("Ändra uppgifter"), before, after, self._show, field, applied=True)
        )
        self.changed.emit()

    def _show(self, meta: Metadata) -> None:
        """Put ``meta`` in the form (undo, redo, a fix), then report the change."""
        self._fill(meta)
        self.changed.emit()

    def _fill(self, meta: Metadata) -> None:
        self._loading = True
        for edit, value in (
            (self.title_edit, meta.title),
            (self.dnr, meta.dnr),
            (self.forvaltning, meta.forvaltning),
            (self.avdelning, meta.avdelning),
            (self.handlaggare, meta.handlaggare.name),
            (self.telefon, meta.handlaggare.telefon),
            (self.epost, meta.handlaggare.epost),
        ):
            if edit.text() != value:
                edit.setText(value)
        if self.subtitle.toPlainText() != meta.subtitle:
            self.subtitle.setPlainText(meta.subtitle)
        if self.namnd.currentText() != meta.namnd:
            self.namnd.setCurrentText(meta.namnd)
        self.meeting.setDate(_qdate(meta.meeting_date))
        self.date.setDate(_qdate(meta.date))
        self.status.setCurrentIndex(max(0, self.status.findData(meta.status.value)))
        self.language.setCurrentIndex(max(0, self.language.findData(meta.language)))
        self._loading = False
        self._doctype = meta.doctype
        self._shown = self._read(meta.doctype)

    def _check_dnr(self, text: str) -> None:
        # At most pattern.TIMEOUT on this (GUI) thread: a slow pattern says so instead.
        hint = _("Diarienumret har inte den form som organisationen har angett.")
        try:
            ok = not text.strip() or self.dnr_matches(text)
        except PatternTooSlow as exc:
            ok, hint = False, exc.user_message
        self.dnr_hint.setText("" if ok else hint)
        self.dnr_hint.setVisible(not ok)

    def load(self, draft: Draft) -> None:
        self._fill(draft.meta)
        self.undo_stack.clear()

    def _read(self, doctype: str) -> Metadata:
        return Metadata(
            title=self.title_edit.text(),
            subtitle=self.subtitle.toPlainText(),
            doctype=doctype,
            namnd=self.namnd.currentText(),
            meeting_date=_pydate(self.meeting.date()),
            dnr=self.dnr.text(),
            date=_pydate(self.date.date()),
            forvaltning=self.forvaltning.text(),
            avdelning=self.avdelning.text(),
            handlaggare=Person(self.handlaggare.text(), self.telefon.text(), self.epost.text()),
            status=Status(self.status.currentData()),
            language=str(self.language.currentData()),
        )

    def apply(self, draft: Draft) -> Draft:
        return dataclasses.replace(draft, meta=self._read(draft.meta.doctype))

    def take_from(self, draft: Draft, label: str) -> tuple[Callable[[], None], Callable[[], None]]:
        self.undo_stack.push(SnapshotCommand(label, self._shown, draft.meta, self._show))
        return self.undo_stack.undo, self.undo_stack.redo

    def reveal(self, location: Location) -> None:
        self.focus_field(location.field)

    def set_title(self, title: str) -> None:
        """Change the ärendemening as an edit of the user's (undoable, saved)."""
        self.title_edit.setText(title)
        self._edited("title")

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


def _hint() -> QLabel:
    """A line under a date field that says why typed text was not taken."""
    hint = QLabel()
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    hint.hide()
    return hint


def _not_a_date(hint: QLabel, text: str) -> None:
    hint.setText(
        _("”{text}” är inget datum. Skriv till exempel 2027-01-14 eller 14/1 2027.").format(
            text=text
        )
    )
    hint.show()


def _qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _pydate(value: QDate) -> dt.date | None:
    if value == NO_DATE or not value.isValid():
        return None
    return dt.date(value.year(), value.month(), value.day())
