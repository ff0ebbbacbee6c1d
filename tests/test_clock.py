"""The program's one clock: replaceable, ticking, and the only place that reads the time."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from beslut import clock
from tests.today import START, TODAY

SRC = Path(__file__).resolve().parents[1] / "src" / "beslut"
# Reading the operating system's clock anywhere but clock.py makes the date an accident.
DIRECT = re.compile(
    r"datetime\.now\(|date\.today\(|datetime\.today\(|utcnow\(|time\.time\(|"
    r"QDate\.currentDate|QDateTime\.current|QTime\.currentTime"
)


def test_the_suite_runs_on_its_own_day() -> None:
    assert clock.today() == TODAY
    assert clock.now() >= START.astimezone(dt.UTC)


def test_a_ticking_clock_starts_where_told_and_never_repeats_a_time() -> None:
    ticks = iter([10.0, 10.0, 10.0, 10.0, 12.5])  # the first is the origin
    start = dt.datetime(2031, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
    source = clock.TickingClock(start, monotonic=lambda: next(ticks))
    first, second, third = source(), source(), source()
    assert first == start
    assert first < second < third  # the same monotonic reading still moves on
    assert third - first == dt.timedelta(microseconds=2)
    clock.set_clock(source)
    later = clock.now()
    assert later == start + dt.timedelta(seconds=2.5)  # over the year's end
    assert later.year == 2032


def test_the_local_date_is_the_users() -> None:
    # 23:30 UTC on 31 December is already the new year in Stockholm, not in New York.
    when = dt.datetime(2031, 12, 31, 23, 30, tzinfo=dt.UTC)
    clock.set_clock(lambda: when)
    assert clock.today() == when.astimezone().date()
    assert clock.stamp() == "2031-12-31T23:30:00.000000+00:00"


def test_a_process_started_with_beslut_now_runs_on_that_day() -> None:
    code = "from beslut import clock; print(clock.today().isoformat())"
    env_now = "2030-02-28T22:00:00+00:00"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        encoding="utf-8",
        check=True,
        env={**_env(), clock.ENV: env_now},
    ).stdout.strip()
    assert out == dt.datetime.fromisoformat(env_now).astimezone().date().isoformat()


def test_no_module_reads_the_system_clock_itself() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DIRECT.search(line)
    ]
    assert offenders == []


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
