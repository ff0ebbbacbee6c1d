"""BlockReader.expect_changed: after an edit of a few blocks only those are read again,
and a document that reads otherwise is never taken for the expected blocks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind, Run
from beslut.ui.richtext import SectionEditor
from beslut.ui.richtext.convert import document_to_blocks
from beslut.ui.richtext.places import text_blocks
from beslut.ui.spelling import spell_service

P = BlockKind.PARAGRAPH


def _p(text: str) -> Block:
    return Block(P, (Run(text),))


def _table(*cells: str) -> Block:
    """A table of two rows of two cells, the first row its header."""
    runs = [(Run(text),) for text in cells]
    return Block(BlockKind.TABLE, rows=((runs[0], runs[1]), (runs[2], runs[3])), header_rows=1)


TABLE = _table("År", "Kostnad", "2026", "10 kr")
BLOCKS = (_p("Första stycket om simhallar."), TABLE, _p("Tredje stycket om bad."))


@pytest.fixture
def editor(qtbot: QtBot) -> SectionEditor:
    widget = SectionEditor("Ärendet")
    qtbot.addWidget(widget)
    widget.set_blocks(BLOCKS)
    assert widget.blocks() == BLOCKS
    return widget


def _replace(editor: SectionEditor, index: int, old: str, new: str) -> None:
    """``old`` replaced with ``new`` in the index-th block (a table: its first cell)."""
    block = text_blocks(editor.text_edit.document())[index]
    offset = block.text().index(old)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + offset)
    cursor.setPosition(block.position() + offset + len(old), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)


def test_a_changed_paragraph_is_taken_when_it_reads_as_expected(editor: SectionEditor) -> None:
    _replace(editor, 2, "bad", "simning")
    want = (BLOCKS[0], TABLE, _p("Tredje stycket om simning."))
    blocks = text_blocks(editor.text_edit.document())
    assert editor.expect_changed(want, {2: blocks[2]})
    assert editor.blocks() == want
    assert document_to_blocks(editor.text_edit.document()) == want  # what the text holds


def test_a_changed_table_cell_is_read_as_its_table(editor: SectionEditor) -> None:
    _replace(editor, 1, "År", "Året")
    want = (BLOCKS[0], _table("Året", "Kostnad", "2026", "10 kr"), BLOCKS[2])
    blocks = text_blocks(editor.text_edit.document())
    assert editor.expect_changed(want, {1: blocks[1]})
    assert editor.blocks() == want == document_to_blocks(editor.text_edit.document())


def test_a_block_that_reads_otherwise_is_refused_and_the_text_read_again(
    editor: SectionEditor,
) -> None:
    _replace(editor, 2, "bad", "simning")
    wrong = (BLOCKS[0], TABLE, _p("Tredje stycket om dykning."))
    blocks = text_blocks(editor.text_edit.document())
    assert not editor.expect_changed(wrong, {2: blocks[2]})
    assert editor.blocks() == (BLOCKS[0], TABLE, _p("Tredje stycket om simning."))


def test_an_index_outside_the_blocks_is_refused(editor: SectionEditor) -> None:
    blocks = text_blocks(editor.text_edit.document())
    assert not editor.expect_changed(BLOCKS[:2], {2: blocks[2]})
    assert editor.blocks() == BLOCKS


def test_spelling_marks_drawn_again_do_not_make_the_text_read_again(
    editor: SectionEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = spell_service()
    monkeypatch.setattr(service, "enabled", True)
    monkeypatch.setattr(service, "is_misspelled", lambda word: True)
    read = editor.blocks()
    doc = editor.text_edit.document()
    before = doc.revision()
    highlighter = editor.text_edit.marks.highlighter  # type: ignore[union-attr]
    assert highlighter is not None
    highlighter._later([0])  # as when an answer or a word list comes
    qtbot.waitUntil(lambda: doc.revision() != before)  # marking moves the revision ...
    assert editor.blocks() is read  # ... and the text is not read again for it
    _replace(editor, 0, "Första", "Andra")  # an edit after it is read
    assert editor.blocks()[0] == _p("Andra stycket om simhallar.")
