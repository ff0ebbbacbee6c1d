"""Noticing that the store's connection has come loose from the files on disk (no Qt).

On POSIX, closing any descriptor of a file drops every fcntl lock the process holds on
it, SQLite's included (SQLite's "How To Corrupt An SQLite Database File", 2.2). Another
process then believes it is the database's last user, checkpoints the write-ahead log
and deletes it, and the connection here goes on writing into a file that no longer has
a name: every save "succeeds" and is gone at the next crash. beslut keeps such opens
out of its process (ui/file_dialogs.py, ``Store.refuse_own_file``); this module notices
the case anyway. A connection's -wal file and the database file keep their identity
(device and inode) for as long as the connection is open, so a -wal or database file
that is missing, or another file than the one the connection opened, means it has come
loose.

A loose connection is closed without the checkpoint SQLite makes on close: that
checkpoint would copy its orphaned log over pages other processes may have written
since, and then delete their log by its name.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_NO_CKPT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE


Identity = tuple[int, int]
_UNKNOWN: Identity = (-1, -1)  # stat failed for another reason than a missing file


def _identity(path: str) -> Identity | None:
    """The file's device and inode; None when there is no such file."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:  # an I/O error, a network share that hiccups: no verdict
        log.debug("cannot stat %s: %s", path, exc)
        return _UNKNOWN
    return info.st_dev, info.st_ino


@dataclass(frozen=True, slots=True)
class Loose:
    """Why a connection came loose; ``database_gone``: the database file itself is no
    longer the one it opened (moved, removed or replaced), not only its log."""

    reason: str
    database_gone: bool


@dataclass(slots=True)
class FileWatch:
    """The identity of a database file and, in WAL mode, of its -wal, as the
    connection opened them. The path is the real one: SQLite names the -wal after the
    file a symbolic link points to."""

    path: str
    database: Identity | None
    wal_mode: bool
    wal: Identity | None = None

    @classmethod
    def of(cls, path: Path, wal: bool) -> FileWatch:
        """Note the files now, right after the connection opened them."""
        name = os.path.realpath(path)
        return cls(name, _identity(name), wal, _identity(f"{name}-wal") if wal else None)

    def loose(self) -> Loose | None:
        """Whether the connection no longer writes to the files on disk, or None. A
        difference is looked at twice before it counts."""
        found = self._difference()
        return None if found is None else self._difference()

    def _difference(self) -> Loose | None:
        now = _identity(self.path)
        if now == _UNKNOWN:
            return None
        if now != self.database:
            reason = f"database file {self.path} replaced or removed ({self.database} -> {now})"
            return Loose(reason, database_gone=True)
        if not self.wal_mode:
            return None
        wal = _identity(f"{self.path}-wal")
        if wal == _UNKNOWN:
            return None
        if self.wal is None:  # SQLite makes the -wal with a new database's first write
            self.wal = wal
            return None
        if wal != self.wal:
            reason = f"write-ahead log of {self.path} replaced or removed ({self.wal} -> {wal})"
            return Loose(reason, database_gone=False)
        return None

    def set_aside_own_log(self, stamp: str) -> list[Path]:
        """Rename the -wal (and -shm) that are still this connection's own out of the way,
        so that nobody replays them onto whatever file now has the database's name; the
        renamed files, kept beside it for a person to look at."""
        moved: list[Path] = []
        for suffix, mine in (("-wal", self.wal), ("-shm", None)):
            name = f"{self.path}{suffix}"
            current = _identity(name)
            if current is None or (suffix == "-wal" and current != mine):
                continue
            if suffix == "-shm" and not moved:
                continue  # the -shm goes only with our -wal
            target = Path(f"{self.path}.loose-{stamp}{suffix}")
            try:
                os.replace(name, target)
            except OSError as exc:
                log.warning("cannot set aside %s: %s", name, exc)
                continue
            moved.append(target)
        return moved


def abandon(conn: sqlite3.Connection) -> None:
    """Close a loose connection without checkpointing or deleting anything on disk."""
    if not _no_checkpoint_on_close(conn):
        log.warning("cannot turn off the checkpoint on close; leaving the connection open")
        _KEPT_OPEN.append(conn)  # never closed: its close would write the orphaned log
        return
    with contextlib.suppress(sqlite3.Error):
        conn.close()


_KEPT_OPEN: list[sqlite3.Connection] = []


def _no_checkpoint_on_close(conn: sqlite3.Connection) -> bool:
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12 and later
    if setconfig is not None:
        try:
            setconfig(_NO_CKPT_ON_CLOSE, True)
        except sqlite3.Error:
            return False
        return True
    if sys.platform == "win32" or sys.implementation.name != "cpython":
        return False  # Windows locks cannot be dropped this way; no pointer to find
    return _db_config_by_ctypes(conn)


def _db_config_by_ctypes(conn: sqlite3.Connection) -> bool:
    """sqlite3_db_config(db, NO_CKPT_ON_CLOSE, 1) through ctypes, for Python 3.11.

    CPython's connection object holds its ``sqlite3 *`` right after the object header.
    """
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        db_config = library.sqlite3_db_config
        db_config.restype = ctypes.c_int
        # Only the fixed arguments are declared: ctypes then passes the rest as a C
        # variadic call does (on arm64 macOS they go on the stack, not in registers).
        db_config.argtypes = [ctypes.c_void_p, ctypes.c_int]
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        if not handle:
            return False
        answer = ctypes.c_int(-1)
        code = db_config(handle, _NO_CKPT_ON_CLOSE, ctypes.c_int(1), ctypes.byref(answer))
    except (OSError, AttributeError, ImportError, ValueError) as exc:
        log.warning("sqlite3_db_config is not reachable: %r", exc)
        return False
    return code == 0 and answer.value == 1
