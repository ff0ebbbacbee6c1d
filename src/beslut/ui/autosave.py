"""Autosave: every change reaches SQLite within about a second, without blocking typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from beslut.store import Store
from beslut.ui.worker import Worker

if TYPE_CHECKING:
    from beslut.model.draft import Draft

DELAY_MS = 800
RETRY_MS = 5000


class Autosaver(QObject):
    """Collects the draft after a pause in typing and saves it on a background thread.

    ``collect`` runs on the GUI thread and only builds the immutable draft; turning it
    into JSON and writing it to SQLite happen on the worker thread. ``flush`` waits for
    the writes and returns a failure at once, so the window never switches drafts or
    closes over an edit that did not reach the database.
    """

    saved = Signal(str)  # the local time of the save, "HH:MM"
    failed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._worker = Worker(self)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._save_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._draft_id: int | None = None
        self._collect: Callable[[], Draft] | None = None
        self._last_saved: Draft | None = None
        self._failure: tuple[int, Exception] | None = None  # written by the worker

    def watch(self, draft_id: int, draft: Draft, collect: Callable[[], Draft]) -> None:
        """Save draft ``draft_id`` from now on, asking ``collect`` for its current state.

        The caller flushes the previous draft first and handles its failure.
        """
        self._timer.stop()
        self._draft_id, self._collect, self._last_saved = draft_id, collect, draft
        self._failure = None

    def stop(self) -> None:
        """Stop watching (after a successful ``flush``)."""
        self._timer.stop()
        self._draft_id = self._collect = None

    def changed(self) -> None:
        """Something was edited: save after the next pause."""
        if self._draft_id is not None:
            self._timer.start(DELAY_MS)

    @property
    def pending(self) -> bool:
        """True while an edit waits for its save."""
        return self._timer.isActive()

    def save_now(self) -> None:
        """Save immediately (in the background) if anything changed."""
        self._timer.stop()
        if self._draft_id is None or self._collect is None:
            return
        draft = self._collect()
        if draft == self._last_saved:
            return
        self._last_saved = draft
        draft_id, store = self._draft_id, self._store
        self._failure = None

        def save() -> str:
            try:
                return store.save_draft(draft_id, draft)
            except Exception as exc:
                self._failure = (draft_id, exc)
                raise

        self._worker.submit(draft_id, save)

    def flush(self) -> Exception | None:
        """Save what is pending and wait until it is on disk (closing, switching drafts).

        Returns why the last save of the watched draft failed, or None when it is stored.
        """
        if self._draft_id is None:
            return None
        if self._timer.isActive() or self._last_saved is None:
            self.save_now()
        self._worker.wait()
        failure = self._failure
        if failure is not None and failure[0] == self._draft_id:
            self._last_saved = None  # not stored: the next attempt saves again
            return failure[1]
        return None

    def _save_failed(self, token: object, exc: object) -> None:
        if token != self._draft_id:
            return  # an earlier draft's save; flush() reported it before the switch
        # Forget what was "saved", so the next pause (or closing) tries again.
        self._last_saved = None
        self._timer.start(RETRY_MS)
        self.failed.emit(exc)

    def _done(self, _token: object, stamp: object) -> None:
        when = dt.datetime.fromisoformat(str(stamp)).astimezone()
        self.saved.emit(when.strftime("%H:%M"))
