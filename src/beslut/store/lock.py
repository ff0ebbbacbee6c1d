"""One beslut per database: an atomic lock per database file (no Qt).

The app holds it while a database is open; the command line takes it before it replaces
the database file (``beslut backup restore``), so a running window never loses its file.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import zlib
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)


def _digest(text: str) -> str:
    """64 bits of checksum (zlib's: hashlib would load OpenSSL, ~3 ms at start-up)."""
    data = text.encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def path_key(path: Path) -> str:
    """The key of a database by its path (before the file exists)."""
    return "beslut-p-" + _digest(str(path.resolve()))


def file_key(path: Path) -> str | None:
    """The key of a database by the file itself: the same through a hard link or another
    path to it. None while the file does not exist."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return f"beslut-f-{info.st_dev:x}-{info.st_ino:x}"  # the file itself: no digest needed


class InstanceLock:
    """Locks held for as long as this process has a database open.

    Each lock is the operating system's own lock on a small file in the temporary folder
    (flock on POSIX, msvcrt.locking on Windows): taking it is atomic, so of two starts
    at the same moment exactly one gets it, and the system drops it when the process
    ends in any way, a crash or SIGKILL included, so no stale lock is ever left.
    """

    def __init__(self) -> None:
        self._handles: dict[str, BinaryIO] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._handles

    def take(self, key: str) -> bool:
        """Take the lock ``key``; False when another process holds it."""
        path = Path(tempfile.gettempdir()) / f"{key}.lock"
        try:
            handle = path.open("a+b")
        except OSError as exc:
            log.warning("cannot create the lock file %s: %s", path, exc)
            return True  # no lock is better than no app; the change counter still guards
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._handles[key] = handle
        return True

    def release(self) -> None:
        for handle in self._handles.values():
            handle.close()  # closing the file releases its lock
        self._handles.clear()


def _lock(handle: BinaryIO) -> None:
    """Lock ``handle`` without waiting; OSError when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def lock_database(lock: InstanceLock, path: Path) -> bool:
    """Take the locks of ``path`` that ``lock`` does not hold yet; False when another
    process holds one (by the same path, or the same file through another name)."""
    keys = [path_key(path), *filter(None, [file_key(path)])]
    return all(key in lock or lock.take(key) for key in keys)
