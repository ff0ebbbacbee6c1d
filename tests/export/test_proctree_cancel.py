"""Avbryt while LibreOffice converts: the program and what it started are ended at the
next look (within a fraction of a second), and the work raises Cancelled."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from beslut.cancel import Cancelled, cancellable
from beslut.export.proctree import run_bounded


@pytest.mark.real_time
def test_a_cancelled_conversion_ends_the_program_at_once(tmp_path: Path) -> None:
    alive = tmp_path / "lever"
    program = (
        "import sys, time, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "for _ in range(600):\n"
        "    p.write_text(str(time.time())); time.sleep(0.05)\n"
    )
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    with cancellable(stop), pytest.raises(Cancelled):
        run_bounded([sys.executable, "-c", program, str(alive)], timeout=60)
    assert time.monotonic() - started < 5
    last = alive.stat().st_mtime
    time.sleep(0.5)
    assert alive.stat().st_mtime == last  # nothing writes any more: it was ended


def test_without_avbryt_the_program_runs_to_its_end() -> None:
    finished = run_bounded([sys.executable, "-c", "print('klar')"], timeout=60)
    assert not finished.timed_out
    assert b"klar" in finished.output
