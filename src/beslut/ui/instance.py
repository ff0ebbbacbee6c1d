"""One window per database: an atomic lock per database file, and a local socket through
which a second start asks the first window to come forward."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.store.lock import InstanceLock, file_key, lock_database, path_key

__all__ = [
    "InstanceLock",
    "ask_to_come_forward",
    "file_key",
    "instance_name",
    "listen",
    "lock_database",
    "path_key",
]

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

CONNECT_TRIES = 60  # the first window may still be starting (a slow machine): ~15 s


def instance_name(path: Path) -> str:
    """The local-socket name of the window that has ``path`` open."""
    return file_key(path) or path_key(path)


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
