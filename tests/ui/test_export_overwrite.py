"""The app asks before a bilaga replaces a file of the same name, and says what it did."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from beslut.export.filenames import attachment_filename
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.scripted import ScriptedMessages


def _export(qtbot: QtBot, window: MainWindow, target: Path) -> None:
    editor = window.editor
    assert editor is not None
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        window.exporter.start(editor.collect(), target, False, True)


def test_existing_bilagor_are_listed_and_kept_unless_the_user_says_so(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tmp_path: Path
) -> None:
    first = attachment_filename(1, store.load_draft(1).attachments[0])
    numbered = first.replace(".pdf", " (2).pdf")
    out = tmp_path / "ut"
    out.mkdir()
    (out / first).write_bytes(b"another TU's")
    target = out / "tu.docx"
    window.open_draft(1)
    editor = window.editor
    assert editor is not None

    messages.choices = [None]  # Stäng: nothing is exported
    window.exporter.start(editor.collect(), target, False, True)
    assert first in messages.told[-1]
    assert not target.exists()

    messages.choices = [1, None]  # new names, then close the "done" message
    _export(qtbot, window, target)
    assert (out / first).read_bytes() == b"another TU's"
    assert (out / numbered).is_file()
    assert f"sparades som {numbered}" in messages.told[-1]

    messages.choices = [0, None]  # replace them
    _export(qtbot, window, target)
    assert (out / first).read_bytes() != b"another TU's"
    assert "fanns redan" not in messages.told[-1]
