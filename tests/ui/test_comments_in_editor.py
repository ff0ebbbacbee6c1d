"""Comments in a section's margin, as a user makes them: Ctrl+Alt+M on the selection,
answers, resolving and deleting by clicks, each undone with Ctrl+Z; checked from a
fresh Store."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from beslut.model.comments import Comment, Reply
from beslut.model.draft import Block, BlockKind
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import click, type_text
from tests.ui.rich_helpers import ALT, CONTROL, key, open_section, put_cursor

P = BlockKind.PARAGRAPH
TEXT = "Nämnden föreslås godkänna planen för skolan."
AT = TEXT.index("planen")  # 26


def stored_comments(window: MainWindow, store: Store) -> tuple[Comment, ...]:
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        return fresh.load_draft(1).comments


def write_comment(step: SectionStep, text: str) -> None:
    """Ctrl+Alt+M, the comment typed in the margin, Ctrl+Enter."""
    key(step, Qt.Key.Key_M, CONTROL | ALT)
    field = step.margin.new_field
    assert field.hasFocus() or field.isVisible()
    type_text(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return, CONTROL)
    QApplication.processEvents()


def test_ctrl_alt_m_comments_the_selection_and_the_anchor_follows_typing(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.settings = dataclasses.replace(window.settings, name="Eva Ek")
    step = open_section(window, store, "bakgrund", (Block.plain(P, TEXT),))
    put_cursor(step, 0, AT, AT + 6)  # "planen"
    write_comment(step, "Vilken plan? Ange datum.")
    (comment,) = stored_comments(window, store)
    assert (comment.part, comment.index, comment.field) == ("bakgrund", 0, "")
    assert TEXT[comment.start : comment.end] == "planen"
    assert comment.author == "Eva Ek"
    assert comment.text == "Vilken plan? Ange datum."
    assert not comment.resolved
    assert dt.datetime.fromisoformat(comment.created)
    card = step.margin.cards[comment.id]
    assert card.isVisible()
    # Typing before the range moves it; typing just after it does not widen it.
    put_cursor(step, 0, 0)
    type_text(step.editor.text_edit, "Ja. ")
    put_cursor(step, 0, AT + 10)  # right after "planen"
    type_text(step.editor.text_edit, "x")
    (moved,) = stored_comments(window, store)
    assert (moved.start, moved.end) == (comment.start + 4, comment.end + 4)
    # Typing inside keeps the comment on the same words, one longer.
    put_cursor(step, 0, AT + 4 + 3)  # "pla|nen"
    type_text(step.editor.text_edit, "n")
    (inside,) = stored_comments(window, store)
    assert (inside.start, inside.end) == (moved.start, moved.end + 1)
    # The exported text (the model's runs) knows nothing of the comment.
    with Store.open(store.path) as fresh:
        section = fresh.load_draft(1).section("bakgrund")
    assert section is not None
    assert len(section.blocks[0].runs) == 1
    # Ctrl+Z undoes the typing back to the text as it was; one more takes the comment.
    for _ in range(10):
        if step.editor.text_edit.toPlainText() == TEXT:
            break
        key(step, Qt.Key.Key_Z, CONTROL)
    assert step.editor.text_edit.toPlainText() == TEXT
    assert len(stored_comments(window, store)) == 1
    key(step, Qt.Key.Key_Z, CONTROL)
    assert stored_comments(window, store) == ()
    qtbot.waitUntil(lambda: not step.margin.cards, timeout=2000)


def test_answer_resolve_and_delete_by_clicks_each_undone(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, TEXT),))
    put_cursor(step, 0, 0, 7)  # "Nämnden"
    write_comment(step, "Rätt nämnd?")
    (comment,) = stored_comments(window, store)
    assert comment.author == "Sara Lindqvist"  # no name in settings: the handläggare
    card = step.margin.cards[comment.id]
    click(card, "Svara")
    type_text(card.reply_field, "Ja, det stämmer.")
    click(card, "Skicka")
    (answered,) = stored_comments(window, store)
    assert [r.text for r in answered.replies] == ["Ja, det stämmer."]
    key(step, Qt.Key.Key_Z, CONTROL)
    assert stored_comments(window, store)[0].replies == ()
    key(step, Qt.Key.Key_Y, CONTROL)
    assert len(stored_comments(window, store)[0].replies) == 1

    click(step.margin.cards[comment.id], "Markera som löst")
    assert stored_comments(window, store)[0].resolved
    assert step.margin.cards[comment.id].resolve_button.text() == "Öppna igen"
    key(step, Qt.Key.Key_Z, CONTROL)
    assert not stored_comments(window, store)[0].resolved
    key(step, Qt.Key.Key_Y, CONTROL)

    click(step.margin.cards[comment.id], "Ta bort")
    assert stored_comments(window, store) == ()
    key(step, Qt.Key.Key_Z, CONTROL)
    (back,) = stored_comments(window, store)
    assert back.resolved and len(back.replies) == 1
    assert (back.start, back.end) == (0, 7)


def test_a_stored_draft_shows_its_comments_in_the_margin(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    draft = store.load_draft(1)
    comments = (
        Comment("c1", "bakgrund", 0, "", 8, 17, "Eva Ek", "2026-03-02T09:45:00+00:00",
                "Kort motivering.", (Reply("Sara", "2026-03-02T10:00:00+00:00", "Ok"),)),
        Comment("c2", "bakgrund", 0, "", AT, AT + 6, "Per Ny", "2026-03-03T11:00:00+00:00",
                "Klart.", resolved=True),
        Comment("d1", "beslut", 0, "", 0, 3, "Eva Ek", "2026-03-02T09:45:00+00:00", "X"),
    )  # fmt: skip
    store.save_draft(1, dataclasses.replace(draft, comments=comments))
    step = open_section(window, store, "bakgrund", (Block.plain(P, TEXT),))
    assert set(step.margin.cards) == {"c1", "c2"}
    labels = step.margin.cards["c1"].findChildren(QLabel)
    assert "Ok" in [label.text() for label in labels]
    # Clicking the text of c1 marks its card.
    put_cursor(step, 0, 10)
    assert step.margin._selected == "c1"
    # Hidden behind the toggle: the resolved one.
    step.margin.show_resolved.setChecked(False)
    assert set(step.margin.cards) == {"c1"}
    # Saved again unchanged, the other part's comment too.
    put_cursor(step, 0, 44)
    type_text(step.editor.text_edit, " Mer.")
    assert sorted(stored_comments(window, store), key=lambda c: c.id) == sorted(
        comments, key=lambda c: c.id
    )


def test_a_one_click_fix_keeps_the_comments(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    """A fix replaces the section's whole text (take_from); its comments stay on."""
    step = open_section(window, store, "bakgrund", (Block.plain(P, TEXT),))
    put_cursor(step, 0, AT, AT + 6)
    write_comment(step, "Vilken plan?")
    assert window.editor is not None
    draft = window.editor.collect()
    new = (Block.plain(P, TEXT + " Ja."),)
    sections = tuple(
        dataclasses.replace(s, blocks=new) if s.key == "bakgrund" else s for s in draft.sections
    )
    step.take_from(dataclasses.replace(draft, sections=sections), "Rätta")
    (comment,) = stored_comments(window, store)
    assert (comment.start, comment.end, comment.text) == (AT, AT + 6, "Vilken plan?")
