"""One window per database: an atomic lock per database file, and a local socket through
which a second start asks the first window to come forward."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

CONNECT_TRIES = 60  # the first window may still be starting (a slow machine): ~15 s


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


def instance_name(path: Path) -> str:
    """The local-socket name of the window that has ``path`` open."""
    return file_key(path) or path_key(path)


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


def ask_to_come_forward(path: Path, tries: int = CONNECT_TRIES) -> bool:
    """Ask the window that has ``path`` open to come forward; True when one answered."""
    from PySide6.QtNetwork import QLocalSocket

    for _attempt in range(tries):
        socket = QLocalSocket()
        socket.connectToServer(instance_name(path))
        if socket.waitForConnected(200):
            socket.write(b"raise\n")
            socket.waitForBytesWritten(300)
            socket.disconnectFromServer()
            return True
        time.sleep(0.05)
    return False


def listen(path: Path, window: QWidget) -> QLocalServer:
    """Answer a second start on ``path``: bring ``window`` forward."""
    from PySide6.QtNetwork import QLocalServer

    name = instance_name(path)
    server = QLocalServer(window)
    QLocalServer.removeServer(name)  # a socket left by a crash (we hold the lock)
    if not server.listen(name):
        log.warning("cannot listen on %s: %s", name, server.errorString())

    def raise_window() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            connection.close()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(raise_window)
    return server
