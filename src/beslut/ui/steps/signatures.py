"""Step Underskrifter: who signs the TU (name and title), in order."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import N_, _
from beslut.model.draft import Signatory
from beslut.model.text import clean_line
from beslut.parts import SIGNATURES
from beslut.ui.steps.base import button_row, move_buttons
from beslut.ui.steps.listedit import ListStep, ReorderableList
from beslut.ui.undo import route_undo

_GUIDANCE = N_(
    "Tjänsteutlåtandet undertecknas av förvaltningschefen och oftast av avdelningschefen. "
    "Skriv namn och titel för var och en, i den ordning de ska stå."
)


def _label(row: int, person: Signatory) -> str:
    name = person.name or _("(namn saknas)")
    return f"{name}, {person.title}" if person.title else name


class SignaturesStep(ListStep):
    """The signatories as a list with name and title fields for the selected one."""

    field = "signatories"
    part = SIGNATURES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Underskrifter"), _(_GUIDANCE), parent)
        self.list: ReorderableList[Signatory] = ReorderableList(self.undo_stack, _label)
        self.list.setAccessibleName(_("Underskrifter"))
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Namn"))
        self.role = QLineEdit()
        self.role.setAccessibleName(_("Titel"))
        self.role.setPlaceholderText(_("till exempel Förvaltningschef"))
        route_undo(self.undo_stack, self.name, self.role)
        form = QFormLayout()
        form.addRow(_("&Namn"), self.name)
        form.addRow(_("&Titel"), self.role)
        buttons = button_row(
            [
                (_("&Lägg till"), "add", self.add, _("Lägg till en person som skriver under")),
                (
                    _("Ta &bort"),
                    "remove",
                    lambda: self.list.remove_current(_("Ta bort")),
                    _("Ta bort vald person"),
                ),
                *move_buttons(self.list.move_current),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.edited.connect(self._list_edited)
        self.name.textEdited.connect(lambda text: self._edited("name", text))
        self.role.textEdited.connect(lambda text: self._edited("title", text))

    def add(self) -> None:
        items = (*self.list.values, Signatory(""))
        self.list.change(_("Lägg till"), items, len(items) - 1)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_current(self, row: int) -> None:
        has_row = 0 <= row < len(self.list.values)
        person = self.list.values[row] if has_row else Signatory("")
        for edit, value in ((self.name, person.name), (self.role, person.title)):
            edit.setEnabled(has_row)
            if clean_line(edit.text()) != value:
                edit.setText(value)

    def _list_edited(self) -> None:
        self._show_current(self.list.currentRow())
        self.changed.emit()

    def _edited(self, field: str, text: str) -> None:
        current = self.list.current()
        if current is not None:
            value = dataclasses.replace(current, **{field: text})
            self.list.replace_current(_("Skriv"), value, field)

    def is_filled(self) -> bool:
        return any(person.name for person in self.list.values)
