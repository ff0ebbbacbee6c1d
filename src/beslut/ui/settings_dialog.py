"""The settings dialog: the user's profile, the template folder, language, Dnr pattern."""

from __future__ import annotations

import dataclasses

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
    QVBoxLayout,
    QWidget,
)

from beslut.checks.rules import ALL_RULES
from beslut.i18n import LANGUAGES, N_, _, current_language, translate
from beslut.settings import Settings, label
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
        profile = QGroupBox(_("Dina uppgifter"))
        profile_form = QFormLayout(profile)
        for name in ("name", "telefon", "epost", "forvaltning", "avdelning"):
            self.edits[name] = self._line(name, getattr(settings, name))
            profile_form.addRow(label(name), self.edits[name])
        org = QGroupBox(_("Organisationen"))
        org_form = QFormLayout(org)
        for name in ("adress", "besoksadress", "vaxel", "webb"):
            self.edits[name] = self._line(name, getattr(settings, name))
            org_form.addRow(label(name), self.edits[name])
        self.edits["template_dir"] = self._line("template_dir", settings.template_dir)
        self.edits["template_dir"].setPlaceholderText(_("Mallarna som följer med beslut"))
        browse = QPushButton(_("Välj…"))
        browse.setAccessibleName(_("Välj mallmapp"))
        browse.clicked.connect(lambda _checked=False: self._choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.edits["template_dir"], 1)
        folder_row.addWidget(browse)
        org_form.addRow(label("template_dir"), folder_row)
        self.edits["dnr_pattern"] = self._line("dnr_pattern", settings.dnr_pattern)
        self.edits["dnr_pattern"].setPlaceholderText(_("Tomt: organisationens mönster"))
        org_form.addRow(label("dnr_pattern"), self.edits["dnr_pattern"])
        self.namnder = QPlainTextEdit("\n".join(settings.namnder))
        self.namnder.setAccessibleName(label("namnder"))
        self.namnder.setTabChangesFocus(True)
        self.namnder.setFixedHeight(110)
        org_form.addRow(_("Nämnder (en per rad)"), self.namnder)
        self.language = QComboBox()
        self.language.setAccessibleName(label("language"))
        for code, name in LANGUAGES.items():  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        org_form.addRow(label("language"), self.language)
        self.language_hint = QLabel()
        self.language_hint.setObjectName("hint")
        self.language_hint.setWordWrap(True)
        org_form.addRow("", self.language_hint)
        self.language.currentIndexChanged.connect(lambda _index: self._language_changed())
        self._language_changed()
        checks = QGroupBox(_("Granskning: regler som används"))
        checks_layout = QVBoxLayout(checks)
        self.rules = QListWidget()
        self.rules.setAccessibleName(_("Granskningsregler"))
        self.rules.setFixedHeight(150)
        for rule in ALL_RULES:
            item = QListWidgetItem(_(rule.title))
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            off = rule.id in settings.disabled_rules
            item.setCheckState(Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
            self.rules.addItem(item)
        checks_layout.addWidget(self.rules)
        self.problem = QLabel()
        self.problem.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(profile)
        layout.addWidget(org)
        layout.addWidget(checks)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _line(self, name: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(label(name))
        return edit

    def _language_changed(self) -> None:
        """Say, in the language chosen, that the switch happens at the next start."""
        chosen = str(self.language.currentData())
        pending = chosen != current_language()
        self.language_hint.setText(translate(_LANGUAGE_AT_RESTART, chosen) if pending else "")
        self.language_hint.setVisible(pending)

    def _choose_folder(self) -> None:
        folder = self.messages.folder(self, _("Välj mallmapp"))
        if folder is not None:
            self.edits["template_dir"].setText(str(folder))

    def result_settings(self) -> Settings:
        """The settings as entered."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        namnder = tuple(
            line.strip() for line in self.namnder.toPlainText().splitlines() if line.strip()
        )
        disabled = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.rules.item(row) for row in range(self.rules.count()))
            if item.checkState() == Qt.CheckState.Unchecked
        )
        return dataclasses.replace(
            self._settings,
            **values,
            namnder=namnder,
            language=self.language.currentData(),
            disabled_rules=disabled,
        )

    def accept(self) -> None:
        """Refuse settings the granskning could not use, saying why (the core decides)."""
        from beslut.checks import ChecksConfigError
        from beslut.settings import check_config_for

        try:
            check_config_for(self.result_settings())
        except ChecksConfigError as exc:
            self.problem.setText(exc.user_message)
            self.edits["dnr_pattern"].setFocus()
            return
        super().accept()
