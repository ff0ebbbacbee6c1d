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
    (flock on POSIX, LockFileEx on Windows): taking it is atomic, so of two starts
    at the same moment exactly one gets it, and the system drops it when the process
    ends in any way, a crash or SIGKILL included, so no stale lock is ever left.
    """

    def __init__(self) -> None:
        self._handles: dict[str, BinaryIO] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._handles

    def take(self, key: str) -> bool:
        """Take the lock ``key``; False when another process holds it."""
        path = lock_path(key)
        try:
            handle = path.open("a+b")
        except OSError as exc:
            log.warning("cannot create the lock file %s: %s", path, exc)
            return True  # no lock is better than no app; the change counter still guards
        if not try_lock(handle, exclusive=True):
            handle.close()
            return False
        self._handles[key] = handle
        return True

    def release(self) -> None:
        for handle in self._handles.values():
            handle.close()  # closing the file releases its lock
        self._handles.clear()


def lock_path(key: str) -> Path:
    """The small file in the temporary folder whose lock is the lock ``key``."""
    return Path(tempfile.gettempdir()) / f"{key}.lock"


def database_keys(path: Path) -> list[str]:
    """The keys of a database: by its path, and by the file itself once it exists."""
    return [path_key(path), *filter(None, [file_key(path)])]


def try_lock(handle: BinaryIO, exclusive: bool) -> bool:
    """Lock ``handle`` without waiting; False when another process holds a lock in the way."""
    if sys.platform == "win32":
        return _windows_lock(handle, exclusive)
    import fcntl

    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _windows_lock(handle: BinaryIO, exclusive: bool) -> bool:  # pragma: no cover - Windows
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class Overlapped(ctypes.Structure):
        _fields_ = [  # ctypes reads the fields from the class
            ("internal", ctypes.c_void_p),
            ("internal_high", ctypes.c_void_p),
            ("offset", wintypes.DWORD),
            ("offset_high", wintypes.DWORD),
            ("event", wintypes.HANDLE),
        ]

    fail_immediately, exclusive_lock = 0x1, 0x2
    flags = fail_immediately | (exclusive_lock if exclusive else 0)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    lock_file_ex = kernel32.LockFileEx
    lock_file_ex.argtypes = [
        wintypes.HANDLE,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.DWORD,
        ctypes.POINTER(Overlapped),
    ]
    lock_file_ex.restype = wintypes.BOOL
    overlapped = Overlapped()
    os_handle = msvcrt.get_osfhandle(handle.fileno())  # type: ignore[attr-defined]
    return bool(lock_file_ex(os_handle, flags, 0, 1, 0, ctypes.byref(overlapped)))


def lock_database(lock: InstanceLock, path: Path) -> bool:
    """Take the locks of ``path`` that ``lock`` does not hold yet; False when another
    process holds one (by the same path, or the same file through another name)."""
    return all(key in lock or lock.take(key) for key in database_keys(path))
