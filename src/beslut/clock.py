"""The program's one clock: every date and time beslut uses is read here (no Qt).

A new draft's date, the example draft, stored times, versions, backups, recovery files
and "i dag" in the lists all ask ``now()`` or ``today()``. Tests replace the clock with
``set_clock`` (the suite pins one day, TODAY, in tests/conftest.py); a process started
with ``BESLUT_NOW`` set to an ISO 8601 time runs on a clock that starts then and ticks
at the real pace, so subprocess tests see the same day as the tests that start them.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable

Source = Callable[[], dt.datetime]
ENV = "BESLUT_NOW"


def system_now() -> dt.datetime:
    """The operating system's time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class TickingClock:
    """A clock that starts at ``start`` and then runs at the pace of the system's
    monotonic clock; it never goes back and never gives the same time twice, so stored
    times keep their order however fast a test writes."""

    def __init__(self, start: dt.datetime, monotonic: Callable[[], float] = time.monotonic):
        if start.tzinfo is None:
            start = start.astimezone()  # a naive time is local time
        self._start = start.astimezone(dt.UTC)
        self._monotonic = monotonic
        self._origin = monotonic()
        self._last = self._start - dt.timedelta(microseconds=1)
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        elapsed = dt.timedelta(seconds=self._monotonic() - self._origin)
        with self._lock:
            when = max(self._start + elapsed, self._last + dt.timedelta(microseconds=1))
            self._last = when
        return when


def _from_environment() -> Source:
    value = os.environ.get(ENV, "").strip()
    if not value:
        return system_now
    try:
        return TickingClock(dt.datetime.fromisoformat(value))
    except ValueError:
        return system_now  # a malformed value is no reason to refuse to start


_source: Source = _from_environment()


def set_clock(source: Source | None) -> Source:
    """Use ``source`` for every later reading (None: the system's clock); returns the old."""
    global _source
    old, _source = _source, source or system_now
    return old


def now() -> dt.datetime:
    """The current time, aware, in UTC."""
    when = _source()
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def today() -> dt.date:
    """The current date where the user is (local time)."""
    return now().astimezone().date()


def stamp() -> str:
    """The current time as the store writes it: ISO 8601 in UTC, microseconds."""
    return now().isoformat(timespec="microseconds")
