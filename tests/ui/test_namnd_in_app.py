"""The nämnd's texts in the app, as a user gets them: the export step's buttons copy the
kallelse entry and the protokollsutdrag to the clipboard (HTML and plain text) or save
them as .docx; on the draft list, several drafts selected make the kallelse of the
sammanträde in the list's order; drafts for different meetings are refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.namnd import render
from beslut.settings import load_settings
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.workflow.namnd import kallelse_of, utdrag_of
from tests.ui.helpers import click
from tests.ui.scripted import ScriptedMessages


def _review_step(window: MainWindow, draft_id: int = 1) -> MainWindow:
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.review)
    return window


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    return data.html(), data.text()


def test_copy_kallelse_text_puts_html_and_text_on_the_clipboard(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    QGuiApplication.clipboard().clear()
    _review_step(window)
    assert window.editor is not None
    click(window.editor.review, "Kopiera kallelsetext")
    html, text = _clipboard()
    with Store.open(store.path) as fresh:
        expected = kallelse_of(fresh, [1], load_settings(fresh))
    assert text == render.kallelse_text(expected)
    assert "<h1>Kallelse till Idrottsnämndens sammanträde 5 januari 2027</h1>" in html
    assert "<ol><li>Idrottsnämnden inför avgiftsfri simskola" in html
    assert "kopierad" in window.statusBar().currentMessage()
    assert messages.everything == []  # no findings left on the points: nothing to tell


def test_copy_protokollsutdrag_after_an_edit_has_the_edit(window: MainWindow, store: Store) -> None:
    _review_step(window)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    editor.metadata.set_title("Simskola för alla")  # pending, not yet autosaved
    editor.go_to_step(editor.review)
    click(editor.review, "Kopiera protokollsutdrag")
    html, text = _clipboard()
    assert text.startswith("§ … Simskola för alla\n")
    assert "<h2>Beslut</h2><ol>" in html and "<h2>Beslutsunderlag</h2>" in html
    with Store.open(store.path) as fresh:
        assert fresh.load_draft(1).meta.title == "Simskola för alla"


def test_save_both_as_docx(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    kallelse, utdrag = tmp_path / "kallelse.docx", tmp_path / "utdrag"
    messages.files += [kallelse, utdrag]
    _review_step(window)
    assert window.editor is not None
    click(window.editor.review, "Spara kallelse")
    click(window.editor.review, "Spara protokollsutdrag")
    written = _paragraphs(kallelse)
    assert "Kallelse till Idrottsnämndens sammanträde 5 januari 2027" in written
    assert any(p.startswith("1. Avgiftsfri simskola") for p in written)
    assert "Förvaltningens förslag till beslut" in written
    with Store.open(store.path) as fresh:
        doc = utdrag_of(fresh, 1, load_settings(fresh))
    lines = _paragraphs(utdrag.with_suffix(".docx"))
    assert f"§ … {doc.title}" in lines
    for heading in ("Ärendet", "Beslut", "Beslutsunderlag"):
        assert heading in lines
    numbered = [f"{n}. {point}" for n, point in enumerate(doc.decisions, start=1)]
    assert all(point in lines for point in numbered)


def test_saving_cancelled_writes_nothing(
    window: MainWindow, messages: ScriptedMessages, tmp_path: Path
) -> None:
    _review_step(window)
    assert window.editor is not None
    click(window.editor.review, "Spara kallelse")  # the dialog is cancelled
    assert messages.asked == ["Spara kallelse"]
    assert list(tmp_path.glob("*.docx")) == []


def test_a_point_the_granskning_faults_is_told(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    draft = store.load_draft(1)
    store.save_draft(1, dataclasses.replace(draft, decisions=("att godkänna förslaget",)))
    _review_step(window)
    assert window.editor is not None
    click(window.editor.review, "Kopiera protokollsutdrag")
    assert len(messages.told) == 1 and "Beslutspunkt 1" in messages.told[0]
    assert "anmärkningar" in window.statusBar().currentMessage()


def _more_drafts(store: Store, titles: list[str], meeting: dt.date | None = None) -> list[int]:
    example = store.load_draft(1)
    ids: list[int] = []
    for title in titles:
        meta = dataclasses.replace(example.meta, title=title, dnr=f"IDN 2026/{len(ids) + 10}")
        if meeting is not None:
            meta = dataclasses.replace(meta, meeting_date=meeting)
        ids.append(store.create_draft(dataclasses.replace(example, meta=meta)))
    return ids


def _select_all_in_list(window: MainWindow, qtbot: QtBot) -> list[str]:
    """Click the first row, Ctrl+click the others, as a user does; the titles in the
    list's order."""
    window.refresh_list()
    table = window.list_page.table
    model = table.model()
    titles = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        titles.append(str(index.data()))
        rect = table.visualRect(index)
        QTest.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier if row else Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
    assert len(window.list_page.selected_ids()) == model.rowCount()
    return titles


def test_kallelse_of_three_drafts_in_the_list_order(
    window: MainWindow,
    store: Store,
    messages: ScriptedMessages,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    _more_drafts(store, ["Badplatser", "Cykelbanor"])
    titles = _select_all_in_list(window, qtbot)
    assert window.act_kallelse.isVisible() and window.act_kallelse.isEnabled()
    assert not window.act_delete.isEnabled()  # one draft's actions wait for one draft
    target = tmp_path / "kallelse.docx"
    messages.files.append(target)
    window.act_kallelse.trigger()
    numbered = [p for p in _paragraphs(target) if p[:2] in ("1.", "2.", "3.")]
    headings = [p for p in numbered if p.split(". ", 1)[1] in titles]
    assert headings == [f"{n}. {t}" for n, t in enumerate(titles, start=1)]
    _html, text = _clipboard()
    assert [line for line in text.splitlines() if line in headings] == headings
    assert "kallelse.docx" in window.statusBar().currentMessage()


def test_drafts_for_different_meetings_make_no_kallelse(
    window: MainWindow,
    store: Store,
    messages: ScriptedMessages,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    _more_drafts(store, ["Badplatser"], meeting=dt.date(2027, 2, 9))
    _select_all_in_list(window, qtbot)
    messages.files.append(tmp_path / "kallelse.docx")
    window.act_kallelse.trigger()
    assert len(messages.errors) == 1
    assert "En kallelse gäller ett sammanträde" in messages.errors[0]
    assert messages.files and not (tmp_path / "kallelse.docx").exists()  # never asked where


def test_the_list_action_waits_for_a_selection(window: MainWindow) -> None:
    window.list_page.table.clearSelection()
    assert not window.act_kallelse.isEnabled()
    window.open_draft(1)
    assert not window.act_kallelse.isVisible()
