"""One window per database: an atomic lock per database file, and a local socket through
which a second start asks the first window to come forward, or to open a draft file.

A second start sends one line: ``raise``, or ``open PATH`` with the file's absolute path
(the file system's encoding, UTF-8 on Windows and usually elsewhere, with ``%`` and a
newline written as ``%25`` and ``%0A``). Any other line brings the window forward.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
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
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

CONNECT_TRIES = 60  # the first window may still be starting (a slow machine): ~15 s
SEND_SECONDS = 5.0  # how long a second start waits for the first window to take its line
MAX_LINE = 64 * 1024  # more than any path; a connection that sends more is dropped


def instance_name(path: Path) -> str:
    """The local-socket name of the window that has ``path`` open."""
    return file_key(path) or path_key(path)


def request_line(file: Path | None = None) -> bytes:
    """What a second start sends: ``raise``, or ``open`` and the file's absolute path."""
    if file is None:
        return b"raise\n"
    name = os.fsencode(os.path.abspath(file))
    return b"open " + name.replace(b"%", b"%25").replace(b"\n", b"%0A") + b"\n"


def ask_to_come_forward(path: Path, tries: int = CONNECT_TRIES, file: Path | None = None) -> bool:
    """Ask the window that has ``path`` open to come forward, and to open the draft file
    ``file`` when one is given; True when a window answered."""
    from PySide6.QtNetwork import QLocalSocket

    for _attempt in range(tries):
        socket = QLocalSocket()
        socket.connectToServer(instance_name(path))
        if socket.waitForConnected(200):
            # A window answered: send once. Another try could hand it the line twice,
            # and one that takes none within SEND_SECONDS will not take the next either.
            sent = _send(socket, request_line(file))
            if not sent:
                socket.abort()
            return sent
        socket.abort()
        time.sleep(0.05)
    return False


def _send(socket: QLocalSocket, line: bytes, seconds: float = SEND_SECONDS) -> bool:
    """Write ``line`` and keep the socket until every byte has left; True when it has.

    On Windows a local socket is a named pipe whose write completes only when the other
    side reads, so waitForBytesWritten can time out with the line still queued, and
    dropping the socket then loses it. This waits until nothing is queued, letting this
    process's own events run meanwhile (a window in this very process reads then).
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtNetwork import QLocalSocket

    socket.write(line)
    deadline = time.monotonic() + seconds
    while socket.bytesToWrite() > 0 and time.monotonic() < deadline:
        socket.waitForBytesWritten(50)
        if QCoreApplication.instance() is not None:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if socket.bytesToWrite() > 0:
        log.warning("the first window did not take the request within %s s", seconds)
        return False
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(1000)
    return True


def listen(
    path: Path, window: QWidget, open_file: Callable[[Path], object] | None = None
) -> QLocalServer:
    """Answer a second start on ``path``: bring ``window`` forward, and hand a draft file
    it forwards to ``open_file`` (once the window is forward, outside the socket's signal)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtNetwork import QLocalServer

    name = instance_name(path)
    server = QLocalServer(window)
    QLocalServer.removeServer(name)  # a socket left by a crash (we hold the lock)
    if not server.listen(name):
        log.warning("cannot listen on %s: %s", name, server.errorString())

    def bring_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def answer(line: bytes) -> None:
        bring_forward()
        command, _space, argument = line.partition(b" ")
        if command == b"open" and argument and open_file is not None:
            from urllib.parse import unquote_to_bytes

            file = Path(os.fsdecode(unquote_to_bytes(argument)))
            log.info("a second start asked to open %s", file)
            QTimer.singleShot(0, lambda: open_file(file))

    def accept() -> None:
        while (connection := server.nextPendingConnection()) is not None:
            _read_lines(connection, answer)

    server.newConnection.connect(accept)
    return server


def _read_lines(connection: QLocalSocket, answer: Callable[[bytes], None]) -> None:
    """Hand each line the connection sends to ``answer``, until it closes."""
    buffer = bytearray()

    def read() -> None:
        buffer.extend(connection.readAll().data())
        while (end := buffer.find(b"\n")) >= 0:
            line = bytes(buffer[:end])
            del buffer[: end + 1]
            answer(line.rstrip(b"\r"))
        if len(buffer) > MAX_LINE:
            log.warning("a second start sent too long a line; dropped")
            buffer.clear()
            connection.abort()

    connection.readyRead.connect(read)
    connection.disconnected.connect(connection.deleteLater)
    read()  # what came with the connection
