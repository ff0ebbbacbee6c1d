"""The app asks before a bilaga replaces a file of the same name, and says what it did."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from beslut.export.filenames import attachment_filename
from beslut.model import Attachment, Draft, FileRef
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import click
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


def test_a_bilaga_with_a_programs_extension_opens_as_a_safe_file(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    data = b"MZ not a report"
    ref = FileRef("Rapport.pdf.exe", len(data), hashlib.sha256(data).hexdigest())
    draft_id = store.create_draft(
        Draft(attachments=(Attachment("Rapport.pdf", ref),)), {ref.sha256: data}
    )
    opened: list[Path] = []

    def record(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    step = editor.attachments
    editor.go_to_step(step)
    step.list.setCurrentRow(0)
    click(step, "Öppna")
    assert [p.name for p in opened] == ["Bilaga 1 – Rapport.pdf.exe.bin"]
    assert opened[0].read_bytes() == data


def test_the_app_cleans_its_export_folder_of_a_killed_exports_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    from PySide6.QtCore import QSettings

    from beslut.ui import state
    from beslut.ui.app import clean_export_folder_later

    out = tmp_path / "ut"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = out / f".beslut-{dead.pid}-k3j9x_2a.tmp"
    left.write_bytes(b"half an export")
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(state.EXPORT_FOLDER, str(out))
    worker = clean_export_folder_later(qsettings)
    assert worker is not None
    worker.join(5)
    assert not left.exists()
