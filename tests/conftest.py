"""Shared test set-up: Qt runs offscreen; no test touches the user's real database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Under libfaketime (CI's second run of the fast tests on another date) a wait with a
# time limit that has to run out never ends: the limit is reckoned on the shifted clock,
# the kernel waits on the real one. Tests that need such a wait are about timing, not
# dates: they run in the first run and are skipped in that one.
UNDER_FAKETIME = "faketime" in os.environ.get("LD_PRELOAD", "")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not UNDER_FAKETIME:
        return
    skip = pytest.mark.skip(reason="a wait that runs out never ends under faketime")
    for item in items:
        if item.get_closest_marker("real_time") is not None:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test runs on TODAY (tests/today.py), in its own process and in the processes
    it starts (BESLUT_NOW), whatever the machine's clock says."""
    from beslut import clock
    from tests.today import START

    monkeypatch.setenv(clock.ENV, START.isoformat())
    # A Python child of a test writes UTF-8 to its pipes, as beslut itself does; the
    # tests read every child's output as UTF-8 (Windows would write the ANSI code page).
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    old = clock.set_clock(clock.TickingClock(START))
    yield
    clock.set_clock(old)


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point BESLUT_DB and the data folder at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    monkeypatch.setenv("BESLUT_DB", str(home / "beslut.db"))
    yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path that does not exist yet."""
    return tmp_path / "test.db"


@pytest.fixture(autouse=True)
def _swedish_afterwards() -> Iterator[None]:
    """Whatever language a test chose, the next one starts in Swedish."""
    yield
    from beslut.i18n import current_language, set_language

    if current_language() != "sv":
        set_language("sv")


@pytest.fixture
def english() -> Iterator[None]:
    """The English catalog, compiled and chosen for this test."""
    from beslut.i18n import set_language
    from tests.catalogs import compile_catalogs

    compile_catalogs()
    set_language("en")
    yield
    set_language("sv")
