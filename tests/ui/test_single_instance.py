"""One running beslut per database: the lock is atomic, a second start brings the first
window forward, and a hard link to the same file counts as the same database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui import instance
from beslut.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_second_start_finds_the_first(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    assert not instance.ask_to_come_forward(store.path, tries=1)
    server = instance.listen(store.path, window)
    window.showMinimized()
    try:
        assert instance.ask_to_come_forward(store.path, tries=1)
        qtbot.waitUntil(lambda: not window.isMinimized(), timeout=3000)
    finally:
        server.close()
    assert not instance.ask_to_come_forward(store.path, tries=1)


def test_a_hard_link_is_the_same_database(tmp_path: Path) -> None:
    first = tmp_path / "a.db"
    first.write_bytes(b"")
    link = tmp_path / "b.db"
    os.link(first, link)
    other = tmp_path / "c.db"
    other.write_bytes(b"")
    assert instance.file_key(first) == instance.file_key(link)
    assert instance.file_key(first) != instance.file_key(other)
    assert instance.path_key(first) != instance.path_key(link)


def test_the_lock_is_taken_once(tmp_path: Path) -> None:
    key = instance.path_key(tmp_path / "x.db")
    first, second = instance.InstanceLock(), instance.InstanceLock()
    assert first.take(key)
    assert not second.take(key)
    first.release()
    assert second.take(key)
    second.release()


def _start(db: Path, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return subprocess.Popen(
        [sys.executable, "-m", "beslut", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )


def _exited(processes: list[subprocess.Popen[str]], seconds: float) -> list[int]:
    """The indexes of the processes that ended within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [i for i, p in enumerate(processes) if p.poll() is not None]
        if done:
            time.sleep(0.5)  # give a second one the chance to end too
            return [i for i, p in enumerate(processes) if p.poll() is not None]
        time.sleep(0.05)
    return []


def _stop(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()  # SIGKILL; TerminateProcess on Windows
        process.wait(10)


@pytest.mark.slow
@pytest.mark.parametrize("through_link", [False, True], ids=["same path", "hard link"])
def test_two_starts_at_once_give_one_window(tmp_path: Path, through_link: bool) -> None:
    db = tmp_path / "delad.db"
    Store.open(db).close()
    other = db
    if through_link:
        other = tmp_path / "länk.db"
        os.link(db, other)
    processes = [_start(db, tmp_path), _start(other, tmp_path)]
    try:
        ended = _exited(processes, 30)
        assert len(ended) == 1, [p.poll() for p in processes]
        assert processes[ended[0]].returncode == 0  # it asked the first to come forward
        assert processes[1 - ended[0]].poll() is None  # the one window is still open
    finally:
        _stop(processes)


@pytest.mark.slow
def test_a_lock_left_by_a_killed_start_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "krasch.db"
    Store.open(db).close()
    first = _start(db, tmp_path)
    try:
        time.sleep(3)  # it has taken the lock and shows its window
        assert first.poll() is None
    finally:
        _stop([first])
    again = _start(db, tmp_path)
    try:
        assert _exited([again], 4) == []  # not refused: the lock's owner is gone
    finally:
        _stop([again])
