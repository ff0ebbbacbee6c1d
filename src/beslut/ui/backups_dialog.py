"""The Säkerhetskopior dialog: the database's backups, and buttons to restore one or make
one now. It only shows and asks; what the buttons do is the flow's (ui/backups_flow.py),
and the rules are the core's (workflow/backups.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _, format_datetime_ui
from beslut.store.backups import BackupInfo
from beslut.workflow.backups import size_text

_PATH_ROLE = Qt.ItemDataRole.UserRole + 40


class BackupsDialog(QDialog):
    """The list of backups, newest first; damaged copies are marked and cannot be chosen."""

    restore_requested = Signal(object)  # the chosen BackupInfo
    create_requested = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None, *, writable: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Säkerhetskopior"))
        self.setMinimumSize(620, 360)
        self._writable = writable
        self._backups: list[BackupInfo] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "beslut sparar en säkerhetskopia av databasen varje dag och när programmet "
                "stängs. Kopiorna finns i {folder}."
            ).format(folder=folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Datum och tid"), _("Storlek"), _("Anmärkning")])
        self.table.setAccessibleName(_("Säkerhetskopior"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(_("Det finns inga säkerhetskopior ännu."))
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(_("Återställ…"))
        self.restore_button.setToolTip(
            _("Ersätt databasen med den valda kopian (den nuvarande sparas först)")
        )
        self.restore_button.setAccessibleName(_("Återställ"))
        self.create_button = QPushButton(_("Skapa säkerhetskopia nu"))
        self.create_button.setAccessibleName(_("Skapa säkerhetskopia nu"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Stäng"))
        for action in (self.restore_button, self.create_button):
            # Not the dialog's default: Enter must not replace the database, and the
            # style draws a default button alike whether it is enabled or not.
            action.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.create_button.clicked.connect(self._create_clicked)
        layout.addWidget(buttons)
        self._update_buttons()

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        """Show ``backups`` (newest first); the first that can be restored is selected."""
        self._backups = list(backups)
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            note = _("Skadad databas, sparad som den var: kan inte återställas")
            cells = (
                format_datetime_ui(backup.created),
                size_text(backup.size),
                note if backup.damaged else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_PATH_ROLE, str(backup.path))
                item.setToolTip(backup.path.name)
                if backup.damaged:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self._backups))
        self.empty.setVisible(not self._backups)
        self.table.clearSelection()
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        """The backup of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        # A read-only database can still be copied, but not replaced.
        self.restore_button.setEnabled(self._writable and chosen is not None and not chosen.damaged)

    def _restore_clicked(self, _checked: bool = False) -> None:
        chosen = self.selected()
        if chosen is not None and not chosen.damaged:
            self.restore_requested.emit(chosen)

    def _create_clicked(self, _checked: bool = False) -> None:
        self.create_requested.emit()
