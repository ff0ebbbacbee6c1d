"""Running slow work off the GUI thread and reporting back to it (one helper for all)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)


class Worker(QObject):
    """Runs callables one after another on a background thread; results come back as signals.

    ``finished(token, result)`` and ``failed(token, exception)`` are delivered on the GUI
    thread (queued connections), so slots may touch widgets.
    """

    finished = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def submit(self, token: object, func: Callable[[], Any]) -> threading.Thread:
        """Run ``func`` in the background; jobs run in the order they are submitted.

        Called on the GUI thread only, so the chain of jobs needs no lock.
        """
        previous = self._thread

        def run() -> None:
            if previous is not None:
                previous.join()
            try:
                result = func()
            except Exception as exc:  # reported to the GUI, which decides what to show
                log.warning("background job %r failed: %r", token, exc)
                self._report(self.failed, token, exc)
            else:
                self._report(self.finished, token, result)

        thread = threading.Thread(target=run, name=f"beslut-{token}", daemon=True)
        self._thread = thread
        thread.start()
        return thread

    @staticmethod
    def _report(signal: SignalInstance, token: object, value: object) -> None:
        try:
            signal.emit(token, value)
        except RuntimeError:  # the window went (closing) while the job ran: nobody to tell
            log.info("background job %r ended after its receiver was gone", token)

    def wait(self, timeout: float | None = None) -> None:
        """Block until every submitted job is done (used when closing)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
