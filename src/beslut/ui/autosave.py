"""Autosave: every change reaches SQLite within two seconds, without blocking typing."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from beslut.errors import BeslutError
from beslut.store import SaveResult, Store, StoreConflictError
from beslut.store.errors import StoreCameLooseError
from beslut.ui.worker import Worker

if TYPE_CHECKING:
    from beslut.model.draft import Draft

log = logging.getLogger(__name__)

DELAY_MS = 800  # a pause in typing this long saves
MAX_WAIT_MS = 1500  # and steady typing saves at least this often
RETRY_MS = 5000


@dataclass(frozen=True, slots=True)
class SaveFailure:
    """Why a save failed, and where the draft went instead (None: nowhere)."""

    error: Exception
    recovery: Path | None


@dataclass(frozen=True, slots=True)
class _Saved:
    stamp: str
    copy_id: int | None = None  # the draft the text went to, after a conflict
    # The connection came loose from the database's files and was opened again during
    # the save; the text was stored anew and is also kept in this recovery file.
    reopened: Path | None = None


@dataclass(slots=True)
class _Target:
    """Where the worker writes: only save jobs change it once watching has begun (they
    run one at a time on the worker thread), so no lock is needed."""

    draft_id: int
    change: int | None
    reconnections: int  # the store's count when this target last saw it
    recovery_written: bool = False


class Autosaver(QObject):
    """Collects the draft after a pause in typing (or at the latest MAX_WAIT_MS after the
    first unsaved change) and saves it on a background thread.

    ``collect`` runs on the GUI thread and only builds the immutable draft; turning it
    into JSON and writing it to SQLite happen on the worker. Each save is numbered, and
    ``flush`` and the signals report the newest one: an older failure followed by a newer
    success is a success. Every save says which stored state it replaces (the draft's
    change counter); when another window changed the draft meanwhile, the user's text is
    stored as a new draft (``copied``) and saving goes on there. A failed save writes the
    draft as a recovery file, so nothing is lost even when the database cannot be written.
    """

    saved = Signal(str)  # the local time of the save, "HH:MM"
    failed = Signal(object)  # a SaveFailure
    copied = Signal(int)  # the id of the new draft holding the user's text
    reopened = Signal(object)  # the store was opened anew: the recovery file's Path

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._worker = Worker(self)
        self._worker.finished.connect(self._finished)
        self._timer = self._single_shot(self.save_now)
        self._deadline = self._single_shot(self.save_now)
        self._target: _Target | None = None
        self._collect: Callable[[], Draft] | None = None
        self._last_saved: Draft | None = None
        self._job = 0
        self._first_job = 1  # the first job of the watched draft
        self._outcomes: dict[int, _Saved | SaveFailure] = {}  # written by the worker

    def _single_shot(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    @property
    def draft_id(self) -> int | None:
        """The draft being saved (it changes when a conflict made a copy)."""
        return None if self._target is None else self._target.draft_id

    def watch(
        self, draft_id: int, draft: Draft, change: int | None, collect: Callable[[], Draft]
    ) -> None:
        """Save draft ``draft_id`` from now on, asking ``collect`` for its current state.

        ``change`` is the stored change counter ``draft`` was read at. The caller flushes
        the previous draft first and handles its failure.
        """
        self._stop_timers()
        self._target = _Target(draft_id, change, self._store.reconnections)
        self._collect, self._last_saved = collect, draft
        self._first_job = self._job + 1
        self._outcomes.clear()

    def stop(self) -> None:
        """Stop watching (after a successful ``flush``)."""
        self._stop_timers()
        self._target = self._collect = None

    def changed(self) -> None:
        """Something was edited: save after the next pause, or within MAX_WAIT_MS."""
        if self._target is None:
            return
        self._timer.start(DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start(MAX_WAIT_MS)

    @property
    def pending(self) -> bool:
        """True while an edit waits for its save."""
        return self._timer.isActive() or self._deadline.isActive()

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def save_now(self) -> None:
        """Save immediately (in the background) if anything changed."""
        self._stop_timers()
        if self._target is None or self._collect is None:
            return
        draft = self._collect()
        if draft == self._last_saved:
            return
        self._last_saved = draft
        self._job += 1
        job, target, store = self._job, self._target, self._store

        def save() -> _Saved | SaveFailure:
            try:
                outcome = _save(store, target, draft)
            except Exception as exc:  # _save catches everything; this is the last net
                outcome = SaveFailure(exc, None)
            self._outcomes[job] = outcome
            return outcome

        self._worker.submit(job, save)

    def flush(self) -> SaveFailure | None:
        """Save what is pending and wait until it is on disk (closing, switching drafts).

        Returns why the newest save of the watched draft failed, or None when it is stored.
        """
        if self._target is None:
            return None
        if self.pending or self._last_saved is None:
            self.save_now()
        self._worker.wait()
        outcome = self._outcomes.get(self._job) if self._job >= self._first_job else None
        if isinstance(outcome, SaveFailure):
            self._last_saved = None  # not stored: the next attempt saves again
            return outcome
        return None

    def _finished(self, token: object, outcome: object) -> None:
        if not isinstance(token, int) or token < self._first_job:
            return  # an earlier draft's save; flush() reported it before the switch
        if isinstance(outcome, SaveFailure):
            if token != self._job:
                return  # a newer save is on its way with the same edits and more
            self._last_saved = None  # so the retry (or closing) saves again
            self._timer.start(RETRY_MS)
            self.failed.emit(outcome)
            return
        assert isinstance(outcome, _Saved)
        if outcome.copy_id is not None:
            self.copied.emit(outcome.copy_id)
        if outcome.reopened is not None:
            self.reopened.emit(outcome.reopened)
        when = dt.datetime.fromisoformat(outcome.stamp).astimezone()
        self.saved.emit(when.strftime("%H:%M"))


def _save(store: Store, target: _Target, draft: Draft) -> _Saved | SaveFailure:
    """One save job, on the worker thread: never raises, whatever went wrong."""
    try:
        try:
            result = _save_landed(store, target, draft)
        except StoreConflictError:
            if _stored_already(store, target, draft):
                return _Saved(store.summary(target.draft_id).modified)
            log.warning("draft %s changed underneath; keeping this text as a copy", target.draft_id)
            copy_id = store.create_draft(draft)
            if target.recovery_written:  # the text it held is stored now, in the copy
                _clear_recovery(store.path, target)
            target.draft_id, target.change = copy_id, store.draft_change(copy_id)
            return _Saved(store.summary(copy_id).modified, copy_id)
        target.change = result.change
        if store.reconnections != target.reconnections:
            # The store came loose and opened its files anew since the last save: this
            # text is stored on the fresh connection, stays in a recovery file as well
            # until the next save, and the user is told.
            target.reconnections = store.reconnections
            kept = _write_recovery(store.path, target, draft, "database connection reopened")
            return _Saved(result.stamp, reopened=kept or store.path)
        if target.recovery_written:
            _clear_recovery(store.path, target)
        return _Saved(result.stamp)
    except Exception as exc:  # a bug included: the text goes to a recovery file
        bug = not isinstance(exc, BeslutError)
        log.warning("saving draft %s failed: %r", target.draft_id, exc, exc_info=bug)
        return SaveFailure(exc, _write_recovery(store.path, target, draft, exc))


def _save_landed(store: Store, target: _Target, draft: Draft) -> SaveResult:
    """Save ``draft``; when the database's files changed under the commit, look whether
    it landed (the stored draft is this text at the next change) and save again if not."""
    try:
        return store.save_draft(target.draft_id, draft, expected_change=target.change)
    except StoreCameLooseError:
        stored, change = store.load_draft_and_change(target.draft_id)  # a fresh connection
        if stored == draft and target.change is not None and change == target.change + 1:
            log.info("the save of draft %s landed though the files changed", target.draft_id)
            return SaveResult(store.summary(target.draft_id).modified, change)
        if change != target.change:
            raise
        return store.save_draft(target.draft_id, draft, expected_change=target.change)


def _stored_already(store: Store, target: _Target, draft: Draft) -> bool:
    """The stored draft is this very text (a save that landed though it was reported
    otherwise, as when the database's files changed under it): no conflict."""
    stored, change = store.load_draft_and_change(target.draft_id)
    if stored != draft:
        return False
    target.change = change
    return True


def _write_recovery(db: Path, target: _Target, draft: Draft, why: object) -> Path | None:
    """Keep ``draft`` in a recovery file (``why`` for the log: an exception or a text)."""
    try:
        from beslut.recovery import write_recovery

        reason = why if isinstance(why, str) else repr(why)
        path = write_recovery(db, target.draft_id, draft, base_change=target.change, reason=reason)
    except Exception:
        log.exception("the recovery file could not be written either")
        return None
    target.recovery_written = True
    return path


def _clear_recovery(db: Path, target: _Target) -> None:
    try:
        from beslut.recovery import clear_recovery

        clear_recovery(db, target.draft_id)
    except Exception:
        log.warning("could not remove the recovery file of draft %s", target.draft_id)
        return
    target.recovery_written = False
