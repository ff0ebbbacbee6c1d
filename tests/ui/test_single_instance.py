"""One running beslut per database: a second start brings the first window forward."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from beslut.ui import app
from beslut.ui.main_window import MainWindow


def test_second_start_finds_the_first(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    name = app.instance_name(str(tmp_path / "egen.db"))
    assert not app._already_running(name)
    server = app._listen(name, window)
    window.showMinimized()
    try:
        assert app._already_running(name)
        qtbot.waitUntil(lambda: not window.isMinimized(), timeout=3000)
    finally:
        server.close()
    assert not app._already_running(name)


def test_names_differ_per_database(tmp_path: Path) -> None:
    assert app.instance_name(str(tmp_path / "a.db")) != app.instance_name(str(tmp_path / "b.db"))
