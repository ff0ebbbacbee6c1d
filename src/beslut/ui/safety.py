"""The safety net around the database: the daily backup, and text kept in recovery files
after a save that failed, offered back at the next start."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from beslut.errors import BeslutError
from beslut.i18n import _, format_datetime_ui
from beslut.store import Store
from beslut.ui.messages import Messages
from beslut.ui.worker import Worker

log = logging.getLogger(__name__)


class Safety(QObject):
    """Backups off the GUI thread; recovery files offered one by one."""

    def __init__(
        self,
        window: QWidget,
        store: Store,
        messages: Messages,
        opened: Callable[[int], None],
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._messages = window, store, messages
        self._opened = opened
        self._worker = Worker(self)
        self._worker.failed.connect(lambda _token, exc: log.warning("no daily backup: %r", exc))

    def start_daily_backup(self) -> None:
        """Make today's backup, if there is none yet, in the background."""
        from beslut.store.backups import daily_backup

        store = self._store
        self._worker.submit("backup", lambda: daily_backup(store))

    def wait(self) -> None:
        """Block until a running backup is done (closing)."""
        self._worker.wait()

    def offer_recoveries(self) -> bool:
        """Offer back each draft whose last save failed; the user takes, drops or waits.

        True when a draft was taken back (and opened).
        """
        from beslut.recovery import discard_recovery, pending_recoveries, restore_recovery

        if self._store.read_only:
            return False
        try:
            found = pending_recoveries(self._store.path)
        except (BeslutError, OSError) as exc:
            log.warning("cannot look for recovery files: %r", exc)
            return False
        opened = False
        for recovery in found:
            choice = self._messages.choose_action(
                self._window,
                _("Osparad text finns kvar"),
                _(
                    "beslut kunde inte spara ändringarna i ”{title}” {when}. Texten som då "
                    "fanns i fönstret är bevarad. Vill du ta tillbaka den? Det som nu är "
                    "sparat av utkastet behålls som en version."
                ).format(
                    title=recovery.title or _("Nytt tjänsteutlåtande"),
                    when=format_datetime_ui(recovery.written),
                ),
                [_("Ta tillbaka"), _("Kasta bort")],
            )
            try:
                if choice == 0:
                    self._opened(restore_recovery(self._store, recovery))
                    opened = True
                elif choice == 1:
                    discard_recovery(recovery)
            except BeslutError as exc:
                self._messages.error(self._window, exc)
        return opened
