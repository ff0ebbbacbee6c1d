"""The lines a child process writes, read on a thread: a test waits for the next one with
a time limit, on Windows too (select() cannot wait on a pipe there)."""

from __future__ import annotations

import queue
import threading
from typing import IO


class Lines:
    """Every line of ``stream`` as it comes; ``next`` waits for the next, ``text`` has all."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None, "the child's stream must be a pipe"
        self._stream = stream
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._seen: list[str] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for line in iter(self._stream.readline, ""):
            self._seen.append(line)
            self._queue.put(line)
        self._queue.put(None)

    def next(self, timeout: float, what: str = "a line") -> str:
        """The next line without its newline; fails the test (never hangs it) when none
        comes within ``timeout`` seconds or the stream ends."""
        try:
            line = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no {what} within {timeout} s") from None
        if line is None:
            raise AssertionError(f"the process ended before {what}: {''.join(self._seen)!r}")
        return line.rstrip("\n")

    def text(self, timeout: float = 10) -> str:
        """All that was written, once the stream has ended (the process is gone)."""
        self._thread.join(timeout)
        return "".join(self._seen)
