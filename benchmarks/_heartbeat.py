"""The GUI benchmarks' measure of a frozen window: a 5 ms timer that records each turn of
the event loop, and the longest gap between two turns (Qt; kept apart from _util)."""

from __future__ import annotations

import time
from itertools import pairwise

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

HEARTBEAT_MS = 5


class Heartbeat:
    """``with Heartbeat() as heart:`` records the loop's turns from the start of the block;
    ``heart.start`` is when it began, ``heart.longest_ms()`` the longest gap."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.start = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def __enter__(self) -> Heartbeat:
        self._timer.start()
        self.start = time.perf_counter()
        self.beats.append(self.start)
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()

    def longest_ms(self) -> float:
        return max((b - a) * 1000 for a, b in pairwise(self.beats))


def turn() -> None:
    """One short turn of the event loop (at most 5 ms of events)."""
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def run_until(deadline: float) -> None:
    """Turn the event loop until ``time.perf_counter()`` reaches ``deadline``."""
    while time.perf_counter() < deadline:
        turn()


def idle_floor(seconds: float = 1.0) -> float:
    """The longest gap over an idle window: the floor of the GUI figures."""
    with Heartbeat() as heart:
        run_until(heart.start + seconds)
    return heart.longest_ms()
