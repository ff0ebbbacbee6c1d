"""beslut's own temporary files, and cleaning up those a killed process left behind (no Qt).

A temporary file is named ``<prefix><pid>-<random><suffix>`` (``.beslut-4711-k3j9x_2a.tmp``
beside an export, ``.beslut-backup-4711-....tmp`` beside the database during a restore),
so the next start can tell whether the process that wrote it is still running. Only
names of exactly that shape are ever removed: those whose process is gone, and those
without a process id (from an older beslut) older than a minute.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
from pathlib import Path

from beslut import clock

log = logging.getLogger(__name__)

MIN_AGE = 60.0  # seconds: a temporary file without a process id is left alone until then
MAX_AGE = 24 * 3600.0  # seconds: even a living process id (reused) does not keep it longer
_RANDOM = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix
# A file being written by an export, beside its target (export/safe_write.py).
EXPORT_PREFIX = ".beslut-"
EXPORT_SUFFIX = ".tmp"
# A backup being written, or a restore's copy of one beside the database (store/backups.py).
BACKUP_PREFIX = ".beslut-backup-"
BACKUP_SUFFIX = ".tmp"


def owned_prefix(prefix: str) -> str:
    """``prefix`` with this process's id, for tempfile.mkstemp."""
    return f"{prefix}{os.getpid()}-"


def clean_stale(folder: Path, prefix: str, suffix: str) -> list[Path]:
    """Remove the temporary files of beslut's naming in ``folder`` that no running
    process is writing; returns those removed. Never raises."""
    pattern = re.compile(rf"{re.escape(prefix)}(?:(\d+)-)?{_RANDOM}{re.escape(suffix)}")
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    now = clock.system_now().timestamp()
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            pid = int(match[1]) if match[1] else None
            if not _stale(pid, age):
                continue
            os.unlink(entry.path)
        except OSError as exc:
            log.info("cannot remove the temporary file %s: %s", entry.path, exc)
        else:
            removed.append(Path(entry.path))
    return removed


def clean_export_folder(folder: Path) -> list[Path]:
    """Remove the half-written files a killed export left in ``folder``."""
    return clean_stale(Path(folder), EXPORT_PREFIX, EXPORT_SUFFIX)


def clean_beside_database(db_path: Path) -> list[Path]:
    """Remove the copies of a backup a killed restore left beside the database."""
    return clean_stale(Path(db_path).parent, BACKUP_PREFIX, BACKUP_SUFFIX)


def _stale(pid: int | None, age: float) -> bool:
    if age > MAX_AGE:
        return True
    if pid is None:
        return age > MIN_AGE
    return pid != os.getpid() and not process_alive(pid)


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (on Windows without touching it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks; on Windows os.kill would end the process
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    def _windows_alive(pid: int) -> bool:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = wintypes.DWORD()
            ok = kernel32.GetExitCodeProcess(wintypes.HANDLE(handle), ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            with contextlib.suppress(OSError):
                kernel32.CloseHandle(wintypes.HANDLE(handle))

else:

    def _windows_alive(pid: int) -> bool:
        return True
