"""The main window's first size, and its size remembered from one start to the next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.scripted import ScriptedMessages


def test_the_first_window_is_large_and_fits_the_screen(window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    size = window.size()
    least = window.minimumSizeHint()  # what the window's content needs, with this font
    assert size.width() == max(least.width(), min(1200, screen.width() * 95 // 100))
    assert size.height() == max(least.height(), min(760, screen.height() * 90 // 100))
    assert screen.contains(window.geometry())  # on the screen, nothing cut off
    assert size.width() >= 600 and size.height() >= 450  # the editor's columns have room


def test_the_next_start_has_the_size_the_user_left(
    qtbot: QtBot, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    def start() -> MainWindow:
        qsettings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
        win = MainWindow(store, qsettings, messages=messages)
        qtbot.addWidget(win)
        win.show()
        return win

    first = start()
    first.resize(700, 500)
    left = first.size().toTuple()  # (700, 500), or the least the content needs (Wine's fonts)
    first.close()
    assert start().size().toTuple() == left
