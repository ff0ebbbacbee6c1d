"""Fixtures for GUI tests: a main window over a fresh database, answered by a script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from tests.ui.scripted import ScriptedMessages


@pytest.fixture
def messages() -> ScriptedMessages:
    """What the user answers (by default: no, cancel) and what they were told."""
    return ScriptedMessages()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "gui.db", seed=seed_example)
    yield s
    s.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, messages: ScriptedMessages) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, qsettings, messages=messages)
    qtbot.addWidget(win)
    win.show()
    return win
