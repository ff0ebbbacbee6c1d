"""Cancelling an import while its files are read, as a user does: Arkiv > Importera
dokument… (the real action) or a drop on the draft list, the progress dialog's real Avbryt
clicked or Esc pressed; the reading made slow by holding the core's import_document on an
event. The database is read with a fresh Store: nothing may have been stored."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QMenu, QPushButton
from pytestqt.qtbot import QtBot

import beslut.importing
from beslut.doctypes.loader import DocType
from beslut.importing import Imported
from beslut.settings import Settings
from beslut.store import Store
from beslut.ui import import_flow
from beslut.ui.import_preview import ImportPreview
from beslut.ui.main_window import MainWindow
from beslut.ui.worker import Worker
from beslut.workflow import importing
from tests.ui.scripted import ScriptedMessages

TU_TEXT = """Tjänsteutlåtande
Dnr KN 2026/17

{title}

Förslag till beslut
Kulturnämnden godkänner förvaltningens förslag.

Sammanfattning
Förvaltningen föreslår att ett nytt bibliotek öppnas i Skärholmen under 2027.
"""


T = TypeVar("T")


class Gates:
    """import_document held per file name until its gate is opened; who was read."""

    def __init__(self) -> None:
        self.gates: dict[str, threading.Event] = {}
        self.started: list[str] = []
        self.done: list[str] = []

    def hold(self, *names: str) -> None:
        for name in names:
            self.gates[name] = threading.Event()

    def release(self, name: str) -> None:
        self.gates[name].set()

    def release_all(self) -> None:
        for gate in self.gates.values():
            gate.set()

    def through(self, name: str, read: Callable[[], T]) -> T:
        """``read`` (of the file ``name``), once its gate, if it has one, is open."""
        self.started.append(name)
        gate = self.gates.get(name)
        if gate is not None:
            assert gate.wait(10), "the test never opened the gate"
        result = read()
        self.done.append(name)
        return result


@pytest.fixture
def gates(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gates]:
    held = Gates()
    real = importing.import_document  # type: ignore[attr-defined]
    real_again = beslut.importing.recognise_again

    def slow(path: Path, doctypes: Sequence[DocType], doctype: str | None = None) -> Imported:
        return held.through(path.name, lambda: real(path, doctypes, doctype))

    def slow_again(item: Imported, doctypes: Sequence[DocType], doctype: str) -> Imported:
        return held.through(item.path.name, lambda: real_again(item, doctypes, doctype))

    monkeypatch.setattr(importing, "import_document", slow)  # the first read
    monkeypatch.setattr(beslut.importing, "recognise_again", slow_again)  # a type changed
    yield held
    held.release_all()


def _tu(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(TU_TEXT.format(title=title), encoding="utf-8")
    return path


def _import(window: MainWindow, messages: ScriptedMessages, *paths: Path) -> None:
    """Arkiv > Importera dokument…, the file dialog answered with ``paths``."""
    messages.opened.append(list(paths))
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if entry.text().replace("&", "") == "Arkiv" and isinstance(menu, QMenu):
            for action in menu.actions():
                if action.text().replace("&", "") == "Importera dokument…":
                    assert isinstance(action, QAction) and action.isEnabled()
                    action.trigger()
                    return
    raise AssertionError("no Importera dokument… in Arkiv")


def _drop(window: MainWindow, *paths: Path) -> None:
    """Drag ``paths`` onto the table of drafts and drop them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.list_page.table.viewport()
    where = QPointF(target.rect().center())
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), copy, data, left, none)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(where, copy, data, left, none))


def _visible(window: MainWindow, name: str) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, name) if d.isVisible()]


def _progress(qtbot: QtBot, window: MainWindow) -> QDialog:
    """The progress dialog, once it shows."""
    qtbot.waitUntil(lambda: len(_visible(window, "importProgress")) == 1, timeout=5000)
    (dialog,) = _visible(window, "importProgress")
    return dialog


def _text(dialog: QDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None
    return label.text()


def _click_avbryt(dialog: QDialog) -> None:
    button = dialog.findChild(QPushButton, "importProgressCancel")
    assert button is not None and button.isVisible() and button.text() == "Avbryt"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _ids(store: Store) -> set[int]:
    with Store.open(store.path) as fresh:
        return {row.id for row in fresh.list_drafts()}


def _reads_ended(qtbot: QtBot, window: MainWindow) -> None:
    """Every read has returned (cancelled ones too) and its result had time to arrive."""
    qtbot.waitUntil(lambda: not window.importer._running, timeout=5000)
    qtbot.wait(200)


def _usable(window: MainWindow) -> bool:
    return (
        not _visible(window, "importProgress")
        and QApplication.activeModalWidget() is None
        and QGuiApplication.overrideCursor() is None
        and window.isEnabled()
    )


def test_avbryt_closes_at_once_and_the_late_result_is_dropped(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    path = _tu(tmp_path, "stor.txt", "Ett långt ärende")
    gates.hold("stor.txt")
    _import(window, messages, path)
    dialog = _progress(qtbot, window)
    assert _text(dialog, "importProgressHeading") == "Läser 1 dokument…"
    qtbot.waitUntil(lambda: _text(dialog, "importProgressFile") == "stor.txt", timeout=3000)
    _click_avbryt(dialog)
    assert _usable(window)  # at once, while the file is still being read
    assert gates.done == []
    assert "Importen avbröts" in window.statusBar().currentMessage()
    gates.release("stor.txt")  # the read runs out in the background
    _reads_ended(qtbot, window)
    assert gates.done == ["stor.txt"]
    assert not _visible(window, "importPreview") and window.importer.preview is None
    assert _ids(store) == before and window.editor is None and messages.errors == []


def test_esc_cancels_and_the_next_files_are_not_read(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    first = _tu(tmp_path, "a.txt", "Första")
    second = _tu(tmp_path, "b.txt", "Andra")
    gates.hold("a.txt")
    _import(window, messages, first, second)
    dialog = _progress(qtbot, window)
    assert _text(dialog, "importProgressHeading") == "Läser 2 dokument…"
    qtbot.waitUntil(lambda: _text(dialog, "importProgressFile") == "a.txt (1 av 2)", timeout=3000)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert _usable(window)
    gates.release("a.txt")
    _reads_ended(qtbot, window)
    assert gates.started == ["a.txt"]  # stopped between the files
    assert not _visible(window, "importPreview") and messages.errors == []
    assert _ids(store) == before


def test_the_file_being_read_is_named_as_the_read_goes_on(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    paths = [_tu(tmp_path, "a.txt", "Första"), _tu(tmp_path, "b.txt", "Andra")]
    gates.hold("a.txt", "b.txt")
    _drop(window, *paths)  # the real drop path
    dialog = _progress(qtbot, window)
    qtbot.waitUntil(lambda: _text(dialog, "importProgressFile") == "a.txt (1 av 2)", timeout=3000)
    gates.release("a.txt")
    qtbot.waitUntil(lambda: _text(dialog, "importProgressFile") == "b.txt (2 av 2)", timeout=3000)
    gates.release("b.txt")
    qtbot.waitUntil(lambda: len(_visible(window, "importPreview")) == 1, timeout=5000)
    assert not _visible(window, "importProgress")
    preview = window.importer.preview
    assert preview is not None and len(preview.files) == 2
    QTest.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert len(_ids(store) - before) == 2


def test_a_normal_import_still_previews_and_stores_on_importera(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tmp_path: Path
) -> None:
    before = _ids(store)
    _import(window, messages, _tu(tmp_path, "bibliotek.txt", "Nytt bibliotek i Skärholmen"))
    qtbot.waitUntil(lambda: len(_visible(window, "importPreview")) == 1, timeout=5000)
    assert not _visible(window, "importProgress")  # gone once the preview shows
    preview = window.importer.preview
    assert preview is not None
    QTest.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    (new_id,) = _ids(store) - before
    assert window.draft_id == new_id
    assert QGuiApplication.overrideCursor() is None and messages.errors == []


def test_an_import_after_a_cancel_waits_for_the_old_read_and_shows_one_preview(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    old = _tu(tmp_path, "gammal.txt", "Det avbrutna")
    new = _tu(tmp_path, "ny.txt", "Det nya ärendet")
    gates.hold("gammal.txt")
    _import(window, messages, old)
    _click_avbryt(_progress(qtbot, window))
    _drop(window, new)  # while the cancelled file is still being read
    dialog = _progress(qtbot, window)  # shown at once: the new read must wait
    assert _text(dialog, "importProgressFile") == "Väntar på en avbruten inläsning…"
    gates.release("gammal.txt")
    qtbot.waitUntil(lambda: len(_visible(window, "importPreview")) == 1, timeout=5000)
    _reads_ended(qtbot, window)
    assert len(_visible(window, "importPreview")) == 1  # never two previews
    preview = window.importer.preview
    assert preview is not None and [f.item.path.name for f in preview.files] == ["ny.txt"]
    QTest.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    (new_id,) = _ids(store) - before
    with Store.open(store.path) as fresh:
        assert fresh.load_draft(new_id).meta.title == "Det nya ärendet"


@pytest.mark.real_time
def test_closing_the_window_while_reading_neither_hangs_nor_fails(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_flow, "CLOSING_WAIT_S", 0.3)
    failures: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    before = _ids(store)
    gates.hold("stor.txt")
    _import(window, messages, _tu(tmp_path, "stor.txt", "Ett långt ärende"))
    _progress(qtbot, window)
    worker = window.importer._worker
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 2.0  # the read is abandoned, not waited out
    assert not window.isVisible() and QGuiApplication.overrideCursor() is None
    gates.release("stor.txt")
    worker.wait(5)
    qtbot.wait(200)
    assert not _visible(window, "importPreview") and window.importer.preview is None
    assert failures == [] and messages.errors == []
    assert _ids(store) == before


def test_a_read_ending_after_its_flow_is_gone_raises_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    worker, gate = Worker(), threading.Event()
    thread = worker.submit("import", lambda: gate.wait(5))
    shiboken6.delete(worker)  # as the flows are when the window lets go of its store
    gate.set()
    thread.join(5)
    assert not thread.is_alive() and failures == []


def _preview_of(qtbot: QtBot, window: MainWindow) -> ImportPreview:
    qtbot.waitUntil(lambda: len(_visible(window, "importPreview")) == 1, timeout=5000)
    preview = window.importer.preview
    assert preview is not None
    return preview


def test_a_changed_type_is_read_again_off_the_gui_thread_before_importera(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    _import(window, messages, _tu(tmp_path, "bibliotek.txt", "Nytt bibliotek"))
    preview = _preview_of(qtbot, window)
    combo = preview.findChild(QComboBox, "importDoctype")
    assert combo is not None
    first = combo.currentData()
    gates.hold("bibliotek.txt")
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # returns at once: the read waits on its gate
    chosen = combo.currentData()
    assert chosen != first
    qtbot.waitUntil(lambda: gates.started == ["bibliotek.txt"] * 2, timeout=3000)
    (summary,) = preview.findChildren(QLabel, "importSummary")
    assert summary.text() == f"Läser dokumentet igen som {combo.currentText()}…"
    assert not combo.isEnabled() and not preview.import_button.isEnabled()
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    gates.release("bibliotek.txt")
    qtbot.waitUntil(preview.import_button.isEnabled, timeout=5000)
    assert combo.isEnabled() and combo.hasFocus() and combo.currentData() == chosen
    assert "Ärendemening: Nytt bibliotek" in summary.text()
    assert QGuiApplication.overrideCursor() is None
    QTest.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    (new_id,) = _ids(store) - before
    with Store.open(store.path) as fresh:
        assert fresh.load_draft(new_id).meta.doctype == chosen
    assert messages.errors == []


def test_avbryt_while_a_type_is_read_again_drops_the_read(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    gates: Gates,
    tmp_path: Path,
) -> None:
    before = _ids(store)
    _import(window, messages, _tu(tmp_path, "bibliotek.txt", "Nytt bibliotek"))
    preview = _preview_of(qtbot, window)
    combo = preview.findChild(QComboBox, "importDoctype")
    assert combo is not None
    gates.hold("bibliotek.txt")
    QTest.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: len(gates.started) == 2, timeout=3000)
    QTest.mouseClick(preview.cancel_button, Qt.MouseButton.LeftButton)
    assert _usable(window) and window.importer.preview is None
    gates.release("bibliotek.txt")
    qtbot.waitUntil(lambda: len(gates.done) == 2, timeout=5000)
    qtbot.wait(200)
    assert not _visible(window, "importPreview") and messages.errors == []
    assert _ids(store) == before and QGuiApplication.overrideCursor() is None


def test_read_files_stops_between_files_when_cancelled(tmp_path: Path) -> None:
    paths = [_tu(tmp_path, f"{n}.txt", f"Ärende {n}") for n in range(3)]
    told: list[tuple[int, str]] = []

    def reading(index: int, path: Path) -> None:
        told.append((index, path.name))

    read = importing.read_files(
        paths, Settings(), cancelled=lambda: len(told) == 2, reading=reading
    )
    assert read.cancelled and told == [(0, "0.txt"), (1, "1.txt")]
    assert [i.path.name for i in read.imported] == ["0.txt", "1.txt"]
    whole = importing.read_files(paths, Settings(), cancelled=lambda: False)
    assert not whole.cancelled and len(whole.imported) == 3
