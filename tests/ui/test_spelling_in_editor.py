"""Misspelled words are underlined in red as the user types; the context menu offers
suggestions, "Lägg till i ordlistan" and "Ignorera"; the granskning counts them too."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from beslut.model import Block, BlockKind, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import type_text

WAIT = 20_000  # the speller's process loads the dictionary at its first question


def _open(window: MainWindow, store: Store, text: str) -> SectionStep:
    draft = store.load_draft(1)
    blocks = (Block.plain(BlockKind.PARAGRAPH, text),)
    sections = tuple(
        Section(s.key, s.heading, blocks) if s.key == "bakgrund" else s for s in draft.sections
    )
    draft_id = store.create_draft(dataclasses.replace(draft, sections=sections))
    window.open_draft(draft_id)
    assert window.editor is not None
    step = next(s for s in window.editor.sections if s.spec.key == "bakgrund")
    assert isinstance(step, SectionStep)
    window.editor.go_to_step(step)
    return step


def _underlined(step: SectionStep) -> list[str]:
    """The words drawn with the red spelling underline."""
    block = step.editor.text_edit.document().begin()
    words = []
    while block.isValid():
        for fmt in block.layout().formats():
            style = fmt.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return words


def _point_at(step: SectionStep, word: str) -> QPoint:
    edit = step.editor.text_edit
    cursor = edit.document().find(word)
    cursor.setPosition(cursor.selectionStart() + 1)
    return edit.cursorRect(cursor).center()


def _menu_action(qtbot: QtBot, step: SectionStep, word: str, choose: str) -> list[str]:
    """Right-click ``word``, wait for the menu's items, trigger ``choose``; the items."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        qtbot.waitUntil(
            lambda: "Söker förslag…" not in [a.text() for a in menu.actions()], timeout=WAIT
        )
        seen.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text() == choose)
        menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, pick)
    edit = step.editor.text_edit
    point = _point_at(step, word)
    # A right click as the window system delivers it (Qt makes the context menu event).
    top = edit.window()
    at = edit.viewport().mapTo(top, point)
    QTest.mouseClick(top.windowHandle(), Qt.MouseButton.RightButton, pos=at)
    return seen


def test_typed_misspelling_is_underlined_and_a_suggestion_replaces_it(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    step = _open(window, store, "Förvaltningen har utrett frågan.")
    edit = step.editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, " Handläggarn föreslår ett beslut.")
    qtbot.waitUntil(lambda: _underlined(step) == ["Handläggarn"], timeout=WAIT)
    items = _menu_action(qtbot, step, "Handläggarn", "Handläggaren")
    assert "Lägg till i ordlistan" in items and "Ignorera" in items
    assert "Handläggaren" in items[:5]
    qtbot.waitUntil(lambda: "Handläggaren föreslår" in edit.toPlainText())
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        draft = fresh.load_draft(max(d.id for d in fresh.list_drafts()))
        text = draft.section("bakgrund").blocks[0].text  # type: ignore[union-attr]
    assert text == "Förvaltningen har utrett frågan. Handläggaren föreslår ett beslut."
    qtbot.waitUntil(lambda: _underlined(step) == [], timeout=WAIT)


def test_a_word_added_to_the_list_is_kept_in_the_database(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store, "Vi har besökt Qvirbergsskolan i Blåsut.")
    qtbot.waitUntil(lambda: "Qvirbergsskolan" in _underlined(step), timeout=WAIT)
    _menu_action(qtbot, step, "Qvirbergsskolan", "Lägg till i ordlistan")
    qtbot.waitUntil(lambda: "Qvirbergsskolan" not in _underlined(step), timeout=WAIT)
    with Store.open(store.path) as fresh:
        assert "Qvirbergsskolan" in fresh.personal_words()


def test_ignore_unmarks_the_word_everywhere_but_keeps_no_list(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store, "Frågan om Zyxgatan. Zyxgatan är smal.")
    qtbot.waitUntil(lambda: _underlined(step) == ["Zyxgatan", "Zyxgatan"], timeout=WAIT)
    _menu_action(qtbot, step, "Zyxgatan", "Ignorera")
    qtbot.waitUntil(lambda: _underlined(step) == [], timeout=WAIT)
    with Store.open(store.path) as fresh:
        assert "Zyxgatan" not in fresh.personal_words()


def test_the_handlaggares_name_is_never_marked(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    draft = store.load_draft(1)
    name = draft.meta.handlaggare.name
    step = _open(window, store, f"Kontakta {name} eller Hjalmarqvisth.")
    qtbot.waitUntil(lambda: _underlined(step) == ["Hjalmarqvisth"], timeout=WAIT)


def test_the_review_counts_misspellings(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    step = _open(window, store, "Förvaltningen har utrett frågan noggrannt.")
    editor = window.editor
    assert editor is not None
    editor.run_checks()
    qtbot.waitUntil(
        lambda: (
            editor.report is not None
            and any(f.rule == "spelling.unknown" for f in editor.report.findings)
        ),
        timeout=WAIT,
    )
    assert step.part == "bakgrund"


def test_an_english_draft_is_not_marked_in_swedish(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store, "The committee has approved the budget.")
    qtbot.waitUntil(lambda: "committee" in _underlined(step), timeout=WAIT)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    language = editor.metadata.language
    language.setFocus()
    QTest.keyClick(language, Qt.Key.Key_Down)  # Svenska -> Engelska
    assert language.currentText() == "Engelska"
    qtbot.waitUntil(lambda: _underlined(step) == [], timeout=WAIT)
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        draft = fresh.load_draft(max(d.id for d in fresh.list_drafts()))
    assert draft.meta.language == "en"


def test_marks_arriving_are_no_edit_of_the_draft(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = _open(window, store, "Förvaltningen har utrett frågan noggrannt och snabbt.")
    draft_id = max(d.id for d in store.list_drafts())
    before = store.draft_change(draft_id)
    edits: list[None] = []
    step.editor.content_changed.connect(lambda: edits.append(None))
    qtbot.waitUntil(lambda: _underlined(step) == ["noggrannt"], timeout=WAIT)
    qtbot.wait(300)
    assert edits == []  # nothing to save, no granskning started by the marks
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        assert fresh.draft_change(draft_id) == before
