"""A paragraph a colleague moved, worked in the app as a user does it: Ta emot granskad
version…, one row for the move in the changes panel, the move marked at both places,
and Godta clicked, which stores the paragraph at its new place with its comment."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.model.comments import Comment
from beslut.model.draft import Draft
from beslut.model.jsonio import dumps
from beslut.review import Kind
from beslut.store import Store
from beslut.ui.change_marks import INSERTED_BACKGROUND, MOVED
from beslut.ui.main_window import MainWindow
from beslut.workflow.changes import changes
from tests.ui.helpers import receive_review
from tests.ui.scripted import ScriptedMessages

LEFT = Qt.MouseButton.LeftButton
PART = "arendet"
MOVED_TEXT = "Förvaltningen föreslår en simskola"


def _blocks(draft: Draft) -> list[str]:
    section = draft.section(PART)
    assert section is not None
    return [b.text for b in section.blocks]


def _moved(store: Store, folder: Path) -> Path:
    """Draft 1 with a comment on Ärendet's first paragraph, and as a colleague sends it
    back: that paragraph moved to the end of the part, nothing else changed."""
    draft = store.load_draft(1)
    comment = Comment("c1", PART, 0, "", 0, 13, "Sara", "2026-01-01T10:00:00", "Stämmer?")
    store.save_draft(1, replace(draft, comments=(*draft.comments, comment)))
    section = draft.section(PART)
    assert section is not None and section.blocks[0].text.startswith(MOVED_TEXT)
    blocks = (*section.blocks[1:], section.blocks[0])
    sections = tuple(replace(s, blocks=blocks) if s.key == PART else s for s in draft.sections)
    path = folder / "Eva Ek.beslut"
    received = replace(draft, sections=sections)
    path.write_text(dumps(received, store.files_for(received)), encoding="utf-8")
    return path


def test_a_moved_paragraph_is_one_row_marked_at_both_places_and_godta_moves_it(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    path = _moved(store, tmp_path)
    before = _blocks(store.load_draft(1))
    window.open_draft(1)
    controller = receive_review(window, messages, path, qtbot)
    editor = controller.editor

    panel = controller.panel
    tree = panel.tree
    assert tree.topLevelItemCount() == 1
    row = tree.topLevelItem(0)
    assert row is not None
    count = len(before)
    assert row.text(1) == f"Ärendet, stycke 1 → stycke {count}"
    assert (row.text(2), row.text(3)) == ("flyttat stycke", "Eva Ek")
    assert MOVED_TEXT in row.text(4)

    step = editor.step_for(PART)
    assert step is not None
    edit = step.editor.text_edit  # type: ignore[attr-defined]
    marks = edit.extraSelections()
    struck = [s for s in marks if s.format.fontStrikeOut()]
    assert [s.cursor.selectedText() for s in struck] == [before[0]]
    assert struck[0].format.foreground().color().name() == MOVED
    green = [s for s in marks if s.format.background().color().name() == INSERTED_BACKGROUND]
    assert len(green) == 1 and green[0].cursor.selectedText() == before[-1][-1]
    said = [text for _cursor, text in edit.marks.changes]
    assert said[0].startswith("Flyttat härifrån av Eva Ek") and said[1].startswith("Flyttat hit")

    panel.choose(1)
    QTest.mouseClick(panel.accept_button, LEFT)
    qtbot.waitUntil(lambda: not controller.busy)

    with Store.open(store.path) as fresh:
        draft = fresh.load_draft(1)
        assert changes(fresh, 1) == [] and fresh.get_review(1) is None
    assert _blocks(draft) == [*before[1:], before[0]]
    (comment,) = [c for c in draft.comments if c.id == "c1"]
    assert (comment.part, comment.index) == (PART, count - 1)
    assert _blocks(draft)[count - 1][comment.start : comment.end] == "Förvaltningen"
    assert _blocks(editor.collect()) == _blocks(draft)  # the editor shows it
    assert tree.topLevelItemCount() == 0


def test_the_move_is_one_change_of_the_core_too(store: Store, tmp_path: Path) -> None:
    from beslut.workflow.changes import receive_for_review

    found = receive_for_review(store, 1, _moved(store, tmp_path))
    assert [c.kind for c in found] == [Kind.MOVE_BLOCK]
