"""One writer protocol per database: shared to write it, exclusive to replace its file (no Qt).

Every process that opens a database to write it (the app, each command-line command)
holds the database's writers lock shared for as long as its store is open; a restore
takes it exclusively before it replaces the file, so it waits for a command-line import
to finish (and the import waits for the restore) instead of replacing the file under a
transaction that is committing, which lost the import's drafts. The locks are the
operating system's own, on small files in the temporary folder, never on the database's
files: flock on POSIX (closing another descriptor cannot drop it), LockFileEx on
Windows. The system drops them when a process ends in any way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from beslut.store.lock import database_keys, lock_path, try_lock

log = logging.getLogger(__name__)

POLL_SECONDS = 0.05
WAIT_BEFORE_TELLING = 0.3  # a lock that frees itself this soon is not worth a message


class WritersLock:
    """The writers lock of one database, held shared or exclusive until ``release``
    (``kind`` "s": its set-up lock, see set_up_alone)."""

    def __init__(self, db_path: Path, kind: str = "w") -> None:
        keys = database_keys(db_path)
        self._paths = [lock_path(key.replace("beslut-", f"beslut-{kind}-", 1)) for key in keys]
        self._handles: list[BinaryIO] = []

    def acquire(
        self, *, exclusive: bool, timeout: float, on_wait: Callable[[], None] | None = None
    ) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds; ``on_wait`` is called once
        when it is not free at once. False (nothing held) when the time ran out."""
        try:
            return self._acquire(exclusive, timeout, on_wait)
        except BaseException:
            self.release()  # on_wait raised, say: nothing stays held
            raise

    def _acquire(self, exclusive: bool, timeout: float, on_wait: Callable[[], None] | None) -> bool:
        deadline = time.monotonic() + timeout
        told = False
        for path in self._paths:
            try:
                handle = path.open("a+b")
            except OSError as exc:
                log.warning("cannot create the lock file %s: %s", path, exc)
                continue  # no lock is better than no beslut
            while not try_lock(handle, exclusive):
                left = deadline - time.monotonic()
                if left <= 0:
                    handle.close()
                    self.release()
                    return False
                if not told and timeout - left >= WAIT_BEFORE_TELLING:
                    told = True
                    if on_wait is not None:
                        on_wait()
                time.sleep(min(POLL_SECONDS, left))
            self._handles.append(handle)
        return True

    def release(self) -> None:
        for handle in self._handles:
            handle.close()  # closing the file releases its lock
        self._handles.clear()


def hold_shared(
    db_path: Path, timeout: float, on_wait: Callable[[], None] | None = None
) -> WritersLock | None:
    """The writers lock of ``db_path`` held shared, or None when a restore kept it."""
    lock = WritersLock(db_path)
    return lock if lock.acquire(exclusive=False, timeout=timeout, on_wait=on_wait) else None


SET_UP_WAIT = 30.0  # seconds another process may take to create and migrate a database


def set_up_alone(db_path: Path) -> WritersLock | None:
    """The database's set-up lock held exclusively: one process at a time creates,
    migrates and seeds a database, so commands started at once on a new database
    neither migrate it twice nor leave it without its example. None when it could not
    be had in SET_UP_WAIT seconds (the set-up goes on without it)."""
    lock = WritersLock(db_path, kind="s")
    if lock.acquire(exclusive=True, timeout=SET_UP_WAIT):
        return lock
    log.warning("the set-up lock of %s was not free in %s s", db_path, SET_UP_WAIT)
    return None
