"""Publiceringsversion… in the export step: the user unchecks one personal-data finding
with the keyboard, exports, and the copy has none of the others; the nämnd's own text
stays unmasked in the store. Every export shows its accessibility result."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.publish_dialog import PublishDialog
from tests.personaldraft import PRIVATE, personal_draft
from tests.ui.dialogs import answering
from tests.ui.scripted import ScriptedMessages

MASK = "[personuppgift borttagen]"


def _docx_text(path: Path) -> str:
    """Body, tables, headers and footers as python-docx reads them, and every XML part's
    text (footnotes, document properties) to be sure."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer):  # fmt: skip
            texts += [p.text for p in part.paragraphs]
            texts += [c.text for t in part.tables for r in t.rows for c in r.cells]
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                texts.append("".join(re.findall(r">([^<]*)<", package.read(name).decode())))
    return "\n".join(texts)


def test_publish_with_one_finding_kept_by_keyboard(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    draft_id = store.create_draft(personal_draft())
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    seen: list[str] = []

    def uncheck_the_second_and_export(dialog: QDialog) -> None:
        assert isinstance(dialog, PublishDialog)
        listing = dialog.list
        assert listing.hasFocus() or dialog.focusWidget() is listing
        assert listing.topLevelItemCount() == 16
        QTest.keyClick(listing, Qt.Key.Key_Down)
        QTest.keyClick(listing, Qt.Key.Key_Space)
        item = listing.currentItem()
        assert item is not None
        seen.append(item.text(4))
        assert dialog.count.text() == "15 av 16 personuppgifter tas bort."
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    target = tmp_path / "publicering.docx"
    messages.answers.append(True)  # export although the granskning found fel
    messages.files.append(target)
    button = editor.review.findChild(QPushButton, "publishButton")
    assert button is not None
    with (
        answering(uncheck_the_second_and_export) as titles,
        qtbot.waitSignal(window.exporter.finished, timeout=30_000),
    ):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert titles == ["Publiceringsversion"]
    assert "Exportera publiceringsversion" in messages.asked
    assert seen == ["811218-9876"]  # number 2: the personnummer in the underrubrik

    text = _docx_text(target)
    assert "Ansökan från 811218-9876" in text  # the unchecked one stays
    masked = [value for value in PRIVATE if value != "811218-9876"]
    assert [value for value in masked if value in text] == []
    assert "Sökanden [personuppgift borttagen], [personuppgift borttagen], bor" in text
    assert "Karin Perols" in text and MASK in text
    with Store.open(store.path) as fresh:
        (version,) = fresh.list_revisions(draft_id)
        assert version.label.startswith("Publiceringsversion exporterad till publicering.docx:")
        assert "15 personuppgifter borttagna" in version.label
        assert fresh.load_draft(draft_id) == personal_draft()  # the nämnd's text, unmasked


def test_avbryt_in_the_list_exports_nothing(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    draft_id = store.create_draft(personal_draft())
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    button = editor.review.findChild(QPushButton, "publishButton")
    assert button is not None
    with answering() as titles:  # Escape
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert titles == ["Publiceringsversion"]
    assert messages.asked == []  # no file asked for
    with Store.open(store.path) as fresh:
        assert fresh.list_revisions(draft_id) == []


def test_a_word_export_shows_the_accessibility_result(
    qtbot: QtBot, window: MainWindow, messages: ScriptedMessages, tmp_path: Path
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    target = tmp_path / "tu.docx"
    messages.answers.append(True)
    messages.files.append(target)
    word = next(
        b
        for b in editor.review.findChildren(QPushButton)
        if b.accessibleName() == "Exportera till Word"
    )
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        QTest.mouseClick(word, Qt.MouseButton.LeftButton)
    assert target.exists()
    line = window.statusBar().currentMessage()
    assert "Exporterat: tu.docx" in line
    assert "Tillgänglighet: inga problem hittades." in line
    assert not [t for t in messages.told if "Tillgänglighetskontrollen" in t]


def test_accessibility_problems_are_listed_with_their_fix(
    qtbot: QtBot,
    window: MainWindow,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import beslut.workflow.accessibility as accessibility
    from beslut.export.accessibility import Problem

    def broken(paths: list[Path]) -> list[Problem]:
        fix = "Dokumentet saknar titel: skriv en rubrik i Uppgifter om ärendet."
        return [Problem(paths[0], "docx.title", fix)]

    monkeypatch.setattr(accessibility, "check_written", broken)
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    messages.answers.append(True)
    messages.files.append(tmp_path / "tu.docx")
    word = next(
        b
        for b in editor.review.findChildren(QPushButton)
        if b.accessibleName() == "Exportera till Word"
    )
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        QTest.mouseClick(word, Qt.MouseButton.LeftButton)
    (done,) = [t for t in messages.told if "Tillgänglighetskontrollen hittade 1 problem:" in t]
    assert "• tu.docx: Dokumentet saknar titel: skriv en rubrik" in done
    assert "Tillgänglighet" not in window.statusBar().currentMessage()
