"""Avbryt in the export's progress dialog: the export stops before its file replaces
anything, nothing is written or recorded, and the app says so without an error."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import beslut.export.command as command
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.scripted import ScriptedMessages


def test_avbryt_stops_the_export_before_it_writes(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from beslut.export.safe_write import write_bytes

    gate = threading.Event()

    def slow_export(draft: object, files: object, target: Path, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        assert gate.wait(20), "the test never opened the gate"
        return [write_bytes(target, b"inte klar")]  # the real write, which looks at Avbryt

    monkeypatch.setattr(command, "export_command", slow_export)
    window.open_draft(1)
    before = len(store.list_revisions(1))
    target = tmp_path / "tu.docx"
    messages.answers.append(True)
    messages.files.append(target)
    window.act_export.trigger()
    progress = window.findChild(QProgressDialog, "exportProgress")
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    button = next(b for b in progress.findChildren(QPushButton) if b.text() == "Avbryt")
    with qtbot.waitSignal(window.exporter.failed, timeout=20_000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        gate.set()
    assert not target.exists()
    assert list(tmp_path.glob(".*tmp*")) == []  # its temporary file is gone too
    assert not messages.errors
    assert "avbröts" in window.statusBar().currentMessage()
    with Store.open(store.path) as fresh:
        assert len(fresh.list_revisions(1)) == before
