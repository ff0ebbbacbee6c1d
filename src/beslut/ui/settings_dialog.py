"""The settings dialog, built from the settings' own declarations (beslut.settings.OPTIONS):
a setting added there appears here with its label, group and kind of field."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from beslut.checks.rules import ALL_RULES
from beslut.i18n import LANGUAGES, N_, _, current_language, translate
from beslut.settings import GROUPS, OPTIONS, Option, Settings, label
from beslut.ui.messages import Messages

# Shown in the newly chosen language, so the user can read it whichever it is.
_LANGUAGE_AT_RESTART = N_("Språket byts nästa gång du startar beslut.")


class SettingsDialog(QDialog):
    """Edit every setting; OK is refused while the Dnr pattern is not a valid expression."""

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, messages: Messages | None = None
    ) -> None:
        super().__init__(parent)
        self.messages = messages or Messages()
        self.setWindowTitle(_("Inställningar"))
        self.setMinimumWidth(560)
        self._settings = settings
        self.edits: dict[str, QLineEdit] = {}
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        for group, title in GROUPS.items():
            box = QGroupBox(_(title))
            form = QFormLayout(box)
            for option in (o for o in OPTIONS if o.group == group):
                self._add(form, option, getattr(settings, option.name))
            layout.addWidget(box)
        self.problem = QLabel()
        self.problem.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    # --- one field per kind ------------------------------------------------------------

    def _add(self, form: QFormLayout, option: Option, value: Any) -> None:
        name = option.name
        if option.kind in ("text", "folder"):
            edit = QLineEdit(str(value))
            edit.setAccessibleName(label(name))
            if option.placeholder:
                edit.setPlaceholderText(_(option.placeholder))
            self.edits[name] = edit
            self.fields[name] = edit
            form.addRow(label(name), self._folder_row(edit) if option.kind == "folder" else edit)
        elif option.kind == "lines":
            lines = QPlainTextEdit("\n".join(value))
            lines.setAccessibleName(label(name))
            lines.setTabChangesFocus(True)
            lines.setFixedHeight(110)
            self.fields[name] = lines
            form.addRow(label(name), lines)
        elif option.kind == "int":
            spin = QSpinBox()
            spin.setRange(1, 2000)
            spin.setValue(int(value))
            spin.setAccessibleName(label(name))
            self.fields[name] = spin
            form.addRow(label(name), spin)
        elif option.kind == "language":
            self._add_language(form, name, str(value))
        elif option.kind == "rules":
            form.addRow(self._rules(name, tuple(value)))

    def _folder_row(self, edit: QLineEdit) -> QHBoxLayout:
        browse = QPushButton(_("Välj…"))
        browse.setAccessibleName(_("Välj mallmapp"))
        browse.clicked.connect(lambda _checked=False: self._choose_folder(edit))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        return row

    def _add_language(self, form: QFormLayout, name: str, value: str) -> None:
        self.language = QComboBox()
        self.language.setAccessibleName(label(name))
        for code, language in LANGUAGES.items():  # each language named in itself
            self.language.addItem(language, code)
        self.language.setCurrentIndex(max(0, self.language.findData(value)))
        self.fields[name] = self.language
        form.addRow(label(name), self.language)
        self.language_hint = QLabel()
        self.language_hint.setObjectName("hint")
        self.language_hint.setWordWrap(True)
        form.addRow("", self.language_hint)
        self.language.currentIndexChanged.connect(lambda _index: self._language_changed())
        self._language_changed()

    def _rules(self, name: str, disabled: tuple[str, ...]) -> QListWidget:
        self.rules = QListWidget()
        self.rules.setAccessibleName(_("Granskningsregler"))
        self.rules.setFixedHeight(150)
        for rule in ALL_RULES:
            item = QListWidgetItem(_(rule.title))
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            off = rule.id in disabled
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
            self.rules.addItem(item)
        self.fields[name] = self.rules
        return self.rules

    # --- reading back ------------------------------------------------------------------

    def _value(self, option: Option) -> Any:
        widget = self.fields[option.name]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return tuple(line.strip() for line in widget.toPlainText().splitlines() if line.strip())
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QListWidget)
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (widget.item(row) for row in range(widget.count()))
            if item.checkState() == Qt.CheckState.Unchecked
        )

    def result_settings(self) -> Settings:
        """The settings as entered."""
        values = {option.name: self._value(option) for option in OPTIONS}
        return dataclasses.replace(self._settings, **values)

    def _language_changed(self) -> None:
        """Say, in the language chosen, that the switch happens at the next start."""
        chosen = str(self.language.currentData())
        pending = chosen != current_language()
        self.language_hint.setText(translate(_LANGUAGE_AT_RESTART, chosen) if pending else "")
        self.language_hint.setVisible(pending)

    def _choose_folder(self, edit: QLineEdit) -> None:
        folder = self.messages.folder(self, _("Välj mallmapp"))
        if folder is not None:
            edit.setText(str(folder))

    def accept(self) -> None:
        """Refuse an own Dnr pattern the granskning could not use, saying why (the core
        decides: an invalid pattern, or one that backtracks without bound). A broken
        checks.toml in the template folder is the organisation's: it does not stop saving."""
        from beslut.checks import CheckConfig, ChecksConfigError

        pattern = self.edits["dnr_pattern"].text().strip()
        try:
            if pattern:
                CheckConfig().with_dnr_pattern(pattern)
        except ChecksConfigError as exc:
            self.problem.setText(exc.user_message)
            self.edits["dnr_pattern"].setFocus()
            return
        super().accept()
