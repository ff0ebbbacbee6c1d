"""Tests for beslut.ui.worker: background jobs report back on the GUI thread, in order."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from beslut.ui.worker import Worker


def test_jobs_run_in_order_and_report_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = Worker()
    seen: list[tuple[object, object, bool]] = []
    gui = threading.current_thread()
    worker.finished.connect(
        lambda token, result: seen.append((token, result, threading.current_thread() is gui))
    )
    order: list[int] = []

    def job(n: int, pause: float) -> int:
        time.sleep(pause)
        order.append(n)
        return n * 10

    worker.submit("a", lambda: job(1, 0.05))
    with qtbot.waitSignal(worker.finished, timeout=3000, check_params_cb=lambda t, r: t == "b"):
        worker.submit("b", lambda: job(2, 0.0))
    assert order == [1, 2]
    assert seen == [("a", 10, True), ("b", 20, True)]


def test_a_failing_job_is_reported_with_its_exception(qtbot: QtBot) -> None:
    worker = Worker()

    def boom() -> None:
        raise ValueError("trasig")

    with qtbot.waitSignal(worker.failed, timeout=3000) as blocker:
        worker.submit("x", boom)
    token, exc = blocker.args
    assert token == "x"
    assert isinstance(exc, ValueError)
    worker.wait()
