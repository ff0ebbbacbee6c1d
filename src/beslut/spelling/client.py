"""The app's speller: hunspell in a child process, so that neither loading the dictionary
nor a slow suggestion ever holds this process's Python lock (the GUI thread stays free).

Every question can be asked without waiting (``submit_*`` gives a Future) or waiting
(``unknown``/``suggest``, from a worker thread only). Answers are cached per word. If the
child cannot start or dies, questions fail with SpellingUnavailable; the next question
starts it again (at most RESTARTS times).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Collection, Sequence
from concurrent.futures import Future
from typing import IO, Any

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.spelling.dictionary import LANGUAGE
from beslut.spelling.server import SERVER_FLAG
from beslut.spelling.speller import WordCache

log = logging.getLogger(__name__)

RESTARTS = 2
WAIT_SECONDS = 30.0  # for a waiting question: loading takes ~1 s, a suggestion up to ~2 s


class SpellingUnavailable(BeslutError):
    """The speller could not answer (not installed, or its process ended)."""


def server_command(language: str = LANGUAGE) -> list[str]:
    """How to start the speller's process: the frozen program runs itself with a flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SERVER_FLAG, language]
    return [sys.executable, "-m", "beslut.spelling.server", language]


class SpellerProcess:
    """A speller in a child process; thread-safe."""

    def __init__(self, language: str = LANGUAGE, command: Sequence[str] | None = None) -> None:
        self.command = list(command or server_command(language))
        self.cache = WordCache()
        self.failure: str | None = None  # the user's message once it cannot start
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._pending: dict[int, Future[dict[str, Any]]] = {}
        # Lines for the process, written by a thread of their own: while the process
        # loads its dictionary it reads nothing, and a full pipe would block the asker.
        self._outbox: queue.SimpleQueue[tuple[IO[bytes], dict[str, Any]] | None] = (
            queue.SimpleQueue()
        )
        self._writer: threading.Thread | None = None
        self._next_id = 1
        self._starts = 0
        self.ready: Future[bool] = Future()

    # --- starting and stopping --------------------------------------------------

    def start(self) -> None:
        """Start the process if it is not running (returns at once)."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        if self._starts > RESTARTS:
            raise SpellingUnavailable(self._message(), "speller restarted too often")
        self._starts += 1
        flags = 0x08000000 if os.name == "nt" else 0  # CREATE_NO_WINDOW
        try:
            self._proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=flags,
            )
        except OSError as exc:
            self._fail_locked(f"cannot start speller {self.command}: {exc}")
            raise SpellingUnavailable(self._message(), str(exc)) from exc
        assert self._proc.stdout is not None
        if self._writer is None:
            self._writer = threading.Thread(target=self._write, daemon=True)
            self._writer.start()
        reader = threading.Thread(
            target=self._read, args=(self._proc, self._proc.stdout), daemon=True
        )
        reader.start()

    def close(self) -> None:
        """End the process (closing its stdin ends it)."""
        with self._lock:
            proc, self._proc = self._proc, None
            writer, self._writer = self._writer, None
        if writer is not None:
            self._outbox.put(None)
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()

    # --- asking -----------------------------------------------------------------

    def submit_unknown(self, words: Collection[str]) -> Future[set[str]]:
        """The unknown words among ``words``, later; cached words cost no question."""
        bad, new = self.cache.split(words)
        result: Future[set[str]] = Future()
        if not new:
            result.set_result(bad)
            return result

        def done(reply: Future[dict[str, Any]]) -> None:
            try:
                found = set(reply.result()["unknown"])
            except Exception as exc:
                result.set_exception(exc)
                return
            self.cache.remember(new, found)
            result.set_result(bad | found)

        self._ask({"op": "unknown", "words": sorted(new)}).add_done_callback(done)
        return result

    def submit_suggest(self, word: str) -> Future[tuple[str, ...]]:
        """What to write instead of ``word``, later."""
        result: Future[tuple[str, ...]] = Future()
        cached = self.cache.suggestions(word)
        if cached is not None:
            result.set_result(cached)
            return result

        def done(reply: Future[dict[str, Any]]) -> None:
            try:
                found = tuple(reply.result()["suggestions"])
            except Exception as exc:
                result.set_exception(exc)
                return
            self.cache.remember_suggestions(word, found)
            result.set_result(found)

        self._ask({"op": "suggest", "word": word}).add_done_callback(done)
        return result

    def unknown(self, words: Collection[str]) -> set[str]:
        return self.submit_unknown(words).result(WAIT_SECONDS)

    def suggest(self, word: str) -> tuple[str, ...]:
        return self.submit_suggest(word).result(WAIT_SECONDS)

    def _ask(self, request: dict[str, Any]) -> Future[dict[str, Any]]:
        reply: Future[dict[str, Any]] = Future()
        with self._lock:
            try:
                self._start_locked()
            except SpellingUnavailable as exc:
                reply.set_exception(exc)
                return reply
            request_id = self._next_id
            self._next_id += 1
            self._pending[request_id] = reply
            assert self._proc is not None and self._proc.stdin is not None
            self._outbox.put((self._proc.stdin, {"id": request_id, **request}))
        return reply

    def _write(self) -> None:
        while (item := self._outbox.get()) is not None:
            stdin, request = item
            data = json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n"
            try:
                stdin.write(data)
                stdin.flush()
            except (OSError, ValueError) as exc:  # it died; the reader fails what is pending
                log.warning("speller: cannot write: %s", exc)

    # --- answers ----------------------------------------------------------------

    def _read(self, proc: subprocess.Popen[bytes], stdout: IO[bytes]) -> None:
        for line in stdout:
            try:
                reply = json.loads(line)
            except ValueError:
                log.warning("speller: unreadable line %r", line[:200])
                continue
            self._deliver(reply)
        with self._lock:
            if self._proc is proc:
                self._proc = None
            pending, self._pending = self._pending, {}
        log.info("speller process ended (%s)", proc.poll())
        for future in pending.values():
            future.set_exception(SpellingUnavailable(self._message(), "speller ended"))
        if not self.ready.done():
            self.ready.set_result(False)

    def _deliver(self, reply: dict[str, Any]) -> None:
        request_id = reply.get("id")
        if request_id == 0:  # loaded, or not
            if not reply.get("ready"):
                with self._lock:
                    self._fail_locked(str(reply.get("error")), reply.get("user"))
            if not self.ready.done():
                self.ready.set_result(bool(reply.get("ready")))
            return
        with self._lock:
            future = self._pending.pop(request_id, None) if isinstance(request_id, int) else None
        if future is None:
            return
        if "error" in reply:
            user = reply.get("user") or self._message()
            future.set_exception(SpellingUnavailable(user, str(reply["error"])))
        else:
            future.set_result(reply)

    def _fail_locked(self, detail: str, user: str | None = None) -> None:
        log.warning("speller unavailable: %s", detail)
        self.failure = user or self._message()
        self._starts = RESTARTS + 1  # it will not get better by starting it again

    def _message(self) -> str:
        return self.failure or _("Stavningskontrollen kan inte användas just nu.")
