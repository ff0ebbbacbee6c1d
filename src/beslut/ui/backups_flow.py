"""Arkiv > Säkerhetskopior…: list the backups, make one now, or put one back.

Putting one back replaces the database file, so the window first lets go of it: the open
draft is saved and closed (or, when it cannot be saved, nothing happens), running exports,
imports and backups are waited for and the store is closed; then the core restores (the
current database is kept as a backup first) and the window reopens the file.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from beslut.errors import BeslutError
from beslut.i18n import _, format_datetime_ui
from beslut.store import Store
from beslut.store.backups import BackupInfo, backup_dir
from beslut.workflow import backups as core

if TYPE_CHECKING:
    from beslut.ui.backups_dialog import BackupsDialog
    from beslut.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class BackupsFlow(QObject):
    """The Säkerhetskopior dialog and what its buttons do."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: BackupsDialog | None = None

    def show(self) -> None:
        """Open the dialog (not blocking: the window stays responsive behind it)."""
        from beslut.ui.backups_dialog import BackupsDialog

        window = self._window
        if self.dialog is None:
            dialog = BackupsDialog(
                backup_dir(window.store.path), window, writable=not window.store.read_only
            )
            dialog.restore_requested.connect(self.restore)
            dialog.create_requested.connect(self.create)
            self.dialog = dialog
        self._refresh()
        self.dialog.open()

    def _refresh(self) -> None:
        if self.dialog is not None:
            path = self._window.store.path
            self.dialog.set_backups(self._window.run(lambda: core.backups(path)) or [])

    def create(self) -> None:
        """Skapa säkerhetskopia nu."""
        window = self._window
        store = window.store
        made = window.run(lambda: core.backup_now(store), _("Ingen säkerhetskopia"))
        self._refresh()
        if made is not None:
            window.statusBar().showMessage(_("Säkerhetskopian är sparad."), 5000)

    def restore(self, backup: BackupInfo) -> None:
        """Återställ: ask, let go of the database, restore, open it again."""
        window = self._window
        parent = self.dialog or window
        when = format_datetime_ui(backup.created)
        question = _(
            "Vill du ersätta databasen med säkerhetskopian från {when}? Det som ändrats "
            "efter den finns inte i kopian. Den nuvarande databasen sparas först bland "
            "säkerhetskopiorna, så den går att ta tillbaka."
        ).format(when=when)
        if not window.messages.ask(parent, _("Återställ säkerhetskopia"), question):
            return
        if not window.let_go_of_store():
            return  # the open draft could not be saved: the user was told
        path = window.store.path
        failure: BaseException | None = None
        waiting = _("Väntar på att ett beslut-kommando ska skriva klart i databasen …")
        try:
            core.restore(path, backup.path, on_wait=lambda: _say(window, waiting))
        except Exception as exc:  # a bug too: the database must open again
            failure = exc  # nothing was replaced: the database opens as it was
        try:
            store = Store.open(path, on_wait=lambda: _say(window, waiting))
        except BeslutError as exc:
            window.messages.error(parent, exc, _("Databasen kan inte öppnas igen"))
            window.close()
            return
        window.use_store(store)
        self._refresh()
        if failure is not None:
            window.messages.error(parent, failure, _("Säkerhetskopian återställdes inte"))
            return
        log.info("restored %s from %s", path, backup.path)
        window.statusBar().showMessage(
            _("Databasen är återställd från säkerhetskopian från {when}.").format(when=when), 8000
        )


def _say(window: QMainWindow, text: str) -> None:
    """A line in the status bar, shown now: the window waits on the GUI thread."""
    window.statusBar().showMessage(text)
    QApplication.processEvents()
