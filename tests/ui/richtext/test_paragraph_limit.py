"""Typing or pasting that would make a paragraph longer than MAX_BLOCK_CHARS is refused
with a word in the status bar (the limit made small here: the real one is a million)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from beslut.ui.richtext import area
from beslut.ui.richtext.area import RichTextEdit

LIMIT = 40


@pytest.fixture
def edit(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[RichTextEdit]:
    monkeypatch.setattr(area, "MAX_BLOCK_CHARS", LIMIT)
    window = QMainWindow()
    qtbot.addWidget(window)
    text = RichTextEdit()
    window.setCentralWidget(text)
    window.show()
    text.setPlainText("a" * (LIMIT - 3) + "\nKort rad")
    text.moveCursor(text.textCursor().MoveOperation.Start)
    yield text
    window.close()


def _status(edit: RichTextEdit) -> str:
    window = edit.window()
    assert isinstance(window, QMainWindow)
    return window.statusBar().currentMessage()


def _paste(edit: RichTextEdit, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    edit.insertFromMimeData(mime)


def test_typing_stops_at_the_limit_and_says_so(qtbot: QtBot, edit: RichTextEdit) -> None:
    QTest.keyClicks(edit, "bcdef")
    first = edit.document().firstBlock().text()
    assert len(first) == LIMIT and first.startswith("bcd")
    assert "längre än 40 tecken" in _status(edit)
    QTest.keyClick(edit, Qt.Key.Key_Return)  # a new paragraph is always possible
    QTest.keyClicks(edit, "xy")
    assert edit.document().blockCount() == 3


def test_a_paste_that_would_pass_the_limit_is_refused_whole(edit: RichTextEdit) -> None:
    _paste(edit, "1234")  # 37 + 4: one too many
    assert edit.document().firstBlock().text() == "a" * (LIMIT - 3)
    assert "Dela upp texten" in _status(edit)
    _paste(edit, "123")
    assert edit.document().firstBlock().text() == "123" + "a" * (LIMIT - 3)
    _paste(edit, "x" * (LIMIT + 1) + "\n\nny")  # paragraphs: the longest too long
    assert edit.toPlainText().count("x") == 0


def test_a_selection_that_is_replaced_makes_room(edit: RichTextEdit) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(10, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    _paste(edit, "b" * 13)
    assert edit.document().firstBlock().text() == "b" * 13 + "a" * (LIMIT - 13)
    assert _status(edit) == ""
