"""Fixtures for GUI tests: a main window over a fresh database, answered by a script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from beslut.ui.style import STYLE
from tests.ui.scripted import ScriptedMessages


@pytest.fixture(autouse=True)
def _empty_clipboard_after() -> Iterator[None]:
    """Clear the clipboard after each test: Qt's offscreen platform (the tests' only) crashes
    at exit when the clipboard still holds data a test or the app put there (seen with
    PySide6 6.11: exit code 139 after all tests passed). The real platforms do not."""
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.clipboard().clear()


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's style sheet, as app.run sets it, for one test."""
    qapp.setStyleSheet(STYLE)
    yield
    qapp.setStyleSheet("")


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
