"""The export step's "Markera ändringar sedan version …", as a user uses it: checked with a
version chosen, the Word file holds the changes since it as tracked changes (pandoc's
accept gives the current text, reject the version's); unchecked, a plain export."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import button, click, type_text
from tests.ui.scripted import ScriptedMessages


def _edited_after_a_version(window: MainWindow, messages: ScriptedMessages) -> None:
    window.open_draft(1)
    messages.texts.append("Till chefen")
    window.act_version.trigger()
    editor = window.editor
    assert editor is not None
    summary = editor.sections[0]  # Sammanfattning
    editor.go_to_step(summary)
    text = summary.editor.text_edit
    text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(text, " Alla barn i hela staden får plats.")
    editor.go_to_step(editor.review)


def _export(window: MainWindow, qtbot: QtBot, messages: ScriptedMessages, target: Path) -> None:
    messages.files.append(target)
    editor = window.editor
    assert editor is not None
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        click(editor.review, "Exportera till Word")


def _pandoc(path: Path, mode: str) -> str:
    return subprocess.run(
        ["pandoc", f"--track-changes={mode}", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout


def test_changes_since_a_chosen_version_are_tracked_in_word(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot, tmp_path: Path
) -> None:
    _edited_after_a_version(window, messages)
    editor = window.editor
    assert editor is not None
    choice = editor.review.changes_since
    assert choice.combo.count() == 1 and "Till chefen" in choice.combo.currentText()
    assert not choice.combo.isEnabled()
    QTest.mouseClick(
        button(editor.review, "Markera ändringar sedan version"), Qt.MouseButton.LeftButton
    )
    assert choice.combo.isEnabled() and choice.chosen() == store.list_revisions(1)[0].id
    target = tmp_path / "spårad.docx"
    _export(window, qtbot, messages, target)
    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "i hela staden" in xml
    if shutil.which("pandoc"):
        assert "budget. Alla barn i hela staden får plats." in _pandoc(target, "accept")
        rejected = _pandoc(target, "reject")
        assert "nämndens budget." in rejected and "i hela staden" not in rejected


def test_unchecked_the_export_is_plain(
    window: MainWindow, messages: ScriptedMessages, qtbot: QtBot, tmp_path: Path
) -> None:
    _edited_after_a_version(window, messages)
    target = tmp_path / "vanlig.docx"
    _export(window, qtbot, messages, target)
    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in xml and "i hela staden" in xml


def test_without_versions_there_is_nothing_to_mark(window: MainWindow) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    choice = editor.review.changes_since
    assert not choice.check.isEnabled() and choice.chosen() is None
