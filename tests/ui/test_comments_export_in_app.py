"""The export step's "Med kommentarer", as a user uses it: checked, the Word file holds
the draft's comments as Word comments; left as it is, it has none."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.model.comments import Comment, Reply
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import click
from tests.ui.scripted import ScriptedMessages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AT = "2026-03-02T09:45:00+00:00"


def _open_with_comments(window: MainWindow, store: Store) -> None:
    draft = store.load_draft(1)
    comments = (
        Comment(
            "c1", "bakgrund", 0, "", 0, 6, "Eva Ek", AT, "Källa?",
            (Reply("Per Ny", AT, "Skolverket."),),
        ),
    )  # fmt: skip
    store.save_draft(1, replace(draft, comments=comments))
    window.open_draft(1)
    assert window.editor is not None
    window.editor.go_to_step(window.editor.review)


def _export(window: MainWindow, qtbot: QtBot, messages: ScriptedMessages, target: Path) -> None:
    messages.files.append(target)
    assert window.editor is not None
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        click(window.editor.review, "Exportera till Word")


def test_with_comments_checked_the_word_file_has_them(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot, tmp_path: Path
) -> None:
    _open_with_comments(window, store)
    editor = window.editor
    assert editor is not None
    box = editor.review.with_comments
    assert not box.isChecked()  # never by default
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    target = tmp_path / "med kommentarer.docx"
    _export(window, qtbot, messages, target)
    from lxml import etree  # type: ignore[import-untyped]

    with zipfile.ZipFile(target) as docx:
        comments = etree.fromstring(docx.read("word/comments.xml"))
        body = docx.read("word/document.xml").decode("utf-8")
    found = [(c.get(f"{W}author"), "".join(c.itertext())) for c in comments.iter(f"{W}comment")]
    assert found == [("Eva Ek", "Källa?"), ("Per Ny", "Skolverket.")]
    assert body.count("<w:commentRangeStart ") == 2 and body.count("<w:commentReference ") == 2


def test_left_unchecked_the_word_file_has_no_comments(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot, tmp_path: Path
) -> None:
    _open_with_comments(window, store)
    target = tmp_path / "utan.docx"
    _export(window, qtbot, messages, target)
    with zipfile.ZipFile(target) as docx:
        assert "word/comments.xml" not in docx.namelist()
        assert b"comment" not in docx.read("word/document.xml")
