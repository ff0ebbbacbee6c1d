"""Importing documents in the app as a user does: Arkiv > Importera dokument… (the real
action in the real menu), the file dialog answered by the script, the preview's real
buttons clicked, files dropped on the draft list; the result read with a fresh Store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from beslut.model.draft import Draft
from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from beslut.workflow.exporting import export_stored
from tests.ui.scripted import ScriptedMessages

TU_TEXT = """Tjänsteutlåtande
Dnr KN 2026/17

Nytt bibliotek i Skärholmen

Förslag till beslut
Kulturnämnden godkänner förvaltningens förslag.

Sammanfattning
Förvaltningen föreslår att ett nytt bibliotek öppnas i Skärholmen under 2027.

Ärendet
Biblioteket i Skärholmen har i dag för små lokaler. Förvaltningen har utrett
alternativ och föreslår en ny lokal i centrum.
"""


@pytest.fixture
def tu_txt(tmp_path: Path) -> Path:
    path = tmp_path / "bibliotek.txt"
    path.write_text(TU_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def example_docx(tmp_path: Path) -> tuple[Path, Draft]:
    """The example draft exported by beslut itself, and the draft it was."""
    target = tmp_path / "exempel.docx"
    with Store.open(tmp_path / "källa.db", seed=seed_example) as source:
        export_stored(source, 1, target, Settings())
        draft = source.load_draft(1)
    return target, draft


def _menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    """The action named ``text`` in the window's menu ``menu_title``, as a user finds it."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if entry.text().replace("&", "") == menu_title and isinstance(menu, QMenu):
            for action in menu.actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {text!r} in {menu_title!r}")


def _import(qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, *paths: Path) -> None:
    messages.opened.append(list(paths))
    action = _menu_action(window, "Arkiv", "Importera dokument…")
    assert action.isEnabled() and action.shortcut().isEmpty()
    action.trigger()


def _preview(qtbot: QtBot, window: MainWindow) -> QDialog:
    """The preview dialog, once the files are read."""
    found: list[QDialog] = []

    def shown() -> bool:
        dialog = window.findChild(QDialog, "importPreview")
        if dialog is None or not dialog.isVisible():
            return False
        found.append(dialog)
        return True

    qtbot.waitUntil(shown, timeout=5000)
    return found[-1]


def _click(dialog: QDialog, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _summary(dialog: QDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel, "importSummary")]


def _stored(store: Store) -> dict[int, Draft]:
    with Store.open(store.path) as fresh:
        return {row.id: fresh.load_draft(row.id) for row in fresh.list_drafts()}


def test_a_text_tu_is_previewed_imported_and_opened(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tu_txt: Path
) -> None:
    before = set(_stored(store))
    _import(qtbot, window, messages, tu_txt)
    dialog = _preview(qtbot, window)
    (lines,) = _summary(dialog)
    assert "Ärendemening: Nytt bibliotek i Skärholmen" in lines
    assert "”Sammanfattning” → Sammanfattning: 1 stycke" in lines
    assert "1 beslutspunkt" in lines
    assert _stored(store).keys() == before  # nothing stored before Importera
    _click(dialog, "importButton")
    stored = _stored(store)
    (new_id,) = set(stored) - before
    draft = stored[new_id]
    assert draft.meta.title == "Nytt bibliotek i Skärholmen"
    assert draft.meta.dnr == "KN 2026/17"
    assert draft.decisions == ("Kulturnämnden godkänner förvaltningens förslag.",)
    assert [s.key for s in draft.sections if s.blocks][:2] == ["sammanfattning", "arendet"]
    assert window.editor is not None and window.draft_id == new_id
    assert "1 dokument importerades" in window.statusBar().currentMessage()
    assert messages.errors == []


def test_beslut_s_own_docx_comes_back_and_the_type_can_be_changed(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    example_docx: tuple[Path, Draft],
) -> None:
    path, original = example_docx
    before = set(_stored(store))
    _import(qtbot, window, messages, path)
    dialog = _preview(qtbot, window)
    combo = dialog.findChild(QComboBox, "importDoctype")
    assert combo is not None and combo.currentData() == original.meta.doctype
    first = _summary(dialog)
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the next document type in the list
    chosen = combo.currentData()
    assert chosen != original.meta.doctype
    qtbot.waitUntil(combo.isEnabled, timeout=5000)  # read again off the GUI thread
    assert _summary(dialog) != first  # recognised again as the other type
    _click(dialog, "importButton")
    stored = _stored(store)
    (new_id,) = set(stored) - before
    draft = stored[new_id]
    assert draft.meta.doctype == chosen
    assert draft.meta.title == original.meta.title
    assert draft.meta.dnr == original.meta.dnr
    assert draft.decisions == original.decisions
    assert window.draft_id == new_id


def test_the_example_docx_keeps_its_parts(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    example_docx: tuple[Path, Draft],
) -> None:
    path, original = example_docx
    before = set(_stored(store))
    _import(qtbot, window, messages, path)
    _click(_preview(qtbot, window), "importButton")
    (draft,) = (d for i, d in _stored(store).items() if i not in before)
    assert draft.meta.doctype == original.meta.doctype
    assert draft.meta.title == original.meta.title
    parts = [(s.key, len(s.blocks)) for s in draft.sections if s.blocks]
    assert parts == [(s.key, len(s.blocks)) for s in original.sections if s.blocks]
    assert [a.title for a in draft.attachments] == [a.title for a in original.attachments]


def test_avbryt_creates_nothing(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tu_txt: Path
) -> None:
    before = _stored(store)
    _import(qtbot, window, messages, tu_txt)
    dialog = _preview(qtbot, window)
    _click(dialog, "cancelButton")
    assert not dialog.isVisible()
    assert _stored(store).keys() == before.keys()
    assert window.editor is None
    _import(qtbot, window, messages, tu_txt)  # and the next import works as the first
    _click(_preview(qtbot, window), "importButton")
    assert len(_stored(store)) == len(before) + 1


def test_a_bad_file_among_good_ones_imports_none(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    tu_txt: Path,
    tmp_path: Path,
) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    old = tmp_path / "gammal.doc"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))  # an OLE2 Word 97 file
    before = _stored(store)
    _import(qtbot, window, messages, tu_txt, empty, old)
    qtbot.waitUntil(lambda: bool(messages.errors), timeout=5000)
    (error,) = messages.errors
    assert "tom.txt kan inte importeras: filen är tom." in error
    assert "gammal.doc" in error and "spara som .docx" in error
    assert "Inget dokument importerades." in error
    assert window.findChild(QDialog, "importPreview") is None
    assert _stored(store).keys() == before.keys()


def test_an_unanswered_file_dialog_does_nothing(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store
) -> None:
    before = _stored(store)
    _menu_action(window, "Arkiv", "Importera dokument…").trigger()  # the dialog cancelled
    QApplication.processEvents()
    assert messages.asked == ["Importera dokument"]
    assert window.findChild(QDialog, "importPreview") is None
    assert _stored(store).keys() == before.keys() and messages.errors == []


def _drop(window: MainWindow, *paths: Path) -> bool:
    """Drag ``paths`` onto the table of drafts and drop them; True when it was accepted."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.list_page.table.viewport()
    where = QPointF(target.rect().center())
    copy = Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), copy, data, left, none)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(where, copy, data, left, none)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_files_dropped_on_the_list_are_previewed_and_imported(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    store: Store,
    tu_txt: Path,
    tmp_path: Path,
) -> None:
    picture = tmp_path / "karta.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    before = set(_stored(store))
    assert _drop(window, tu_txt, picture)
    skipped = "karta.png importerades inte: bara .docx, .pdf och .txt kan importeras."
    assert skipped in window.statusBar().currentMessage()
    dialog = _preview(qtbot, window)
    assert len(_summary(dialog)) == 1  # the picture is left out
    assert messages.asked == []  # no file dialog: the drop said which files
    _click(dialog, "importButton")
    stored = _stored(store)
    (new_id,) = set(stored) - before
    assert stored[new_id].meta.title == "Nytt bibliotek i Skärholmen"
    assert window.draft_id == new_id
    said = window.statusBar().currentMessage()
    assert said.startswith("1 dokument importerades") and skipped in said


def test_a_drop_of_only_other_files_says_so_and_reads_nothing(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, tmp_path: Path
) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    assert _drop(window, tmp_path / "karta.png", folder)
    said = window.statusBar().currentMessage()
    assert said == "karta.png, mapp importerades inte: bara .docx, .pdf och .txt kan importeras."
    QApplication.processEvents()
    assert window.findChild(QDialog, "importPreview") is None and messages.errors == []


def test_a_drop_without_files_is_refused(window: MainWindow) -> None:
    data = QMimeData()
    data.setText("bara text")
    target = window.list_page.table.viewport()
    enter = QDragEnterEvent(
        target.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(target, enter)
    assert not enter.isAccepted()


def test_a_file_gone_before_its_type_is_changed_is_recognised_again_from_what_was_read(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tu_txt: Path
) -> None:
    _import(qtbot, window, messages, tu_txt)
    dialog = _preview(qtbot, window)
    combo = dialog.findChild(QComboBox, "importDoctype")
    assert combo is not None
    shown = combo.currentData()
    tu_txt.unlink()  # moved away while the preview was open
    QTest.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: combo.isEnabled() and combo.currentData() != shown, timeout=5000)
    chosen = combo.currentData()
    before = set(_stored(store))
    _click(dialog, "importButton")
    assert not messages.errors
    (new_id,) = set(_stored(store)) - before
    with Store.open(store.path) as fresh:
        assert fresh.load_draft(new_id).meta.doctype == chosen


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice renders the PDF")
def test_a_pdf_is_read_off_the_gui_thread_and_imported(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, store: Store, tmp_path: Path
) -> None:
    with Store.open(tmp_path / "källa.db", seed=seed_example) as source:
        export_stored(source, 1, tmp_path / "exempel.docx", Settings(), pdf=True)
        original = source.load_draft(1)
    before = set(_stored(store))
    _import(qtbot, window, messages, tmp_path / "exempel.pdf")
    dialog = _preview(qtbot, window)
    (lines,) = _summary(dialog)
    assert f"Ärendemening: {original.meta.title}" in lines
    _click(dialog, "importButton")
    stored = _stored(store)
    (new_id,) = set(stored) - before
    assert stored[new_id].meta.title == original.meta.title
    assert stored[new_id].decisions == original.decisions
    assert window.draft_id == new_id
