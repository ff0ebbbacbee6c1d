"""Fixtures for GUI tests: a main window over a fresh database, dialogs turned off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui import errors
from beslut.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_dialogs() -> Iterator[None]:
    """Errors are collected in errors.shown instead of opening modal dialogs."""
    errors.dialogs_enabled = False
    errors.shown.clear()
    yield
    errors.dialogs_enabled = True


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "gui.db", seed=seed_example)
    yield s
    s.close()


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, qsettings)
    qtbot.addWidget(win)
    win.show()
    return win
