"""Where a finding's location is in a section editor's document: a block's text (its
footnote markers skipped, as the model's text has none), a table cell, a footnote."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable

from beslut.checks.findings import Location, parse_text_field
from beslut.model.blocks import without_placeholders
from beslut.model.draft import Block
from beslut.ui.richtext.format import iter_blocks, note_of


def text_blocks(doc: QTextDocument) -> list[QTextBlock]:
    """The document's blocks that hold text: the model's blocks, in order (the model
    leaves out empty paragraphs, so a finding's block index counts only these). A table
    is one model block: its first cell stands for it (an empty one, as in the model, for
    nothing)."""
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    blocks = []
    block: QTextBlock = doc.begin()
    while block.isValid():
        if tables and block.position() >= tables[0].firstPosition():
            table = tables.pop(0)
            cursor = QTextCursor(doc)
            cursor.setPosition(table.firstPosition())
            cursor.setPosition(table.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            if without_placeholders(cursor.selectedText()).strip():
                blocks.append(block)
            block = doc.findBlock(table.lastPosition() + 1)
            continue
        if block.text().strip():
            blocks.append(block)
        block = block.next()
    return blocks


def cursor_for(
    blocks: Sequence[QTextBlock], model: Sequence[Block], location: Location
) -> QTextCursor | None:
    """A cursor over what ``location`` points at in a section's text: characters of a
    block or of a table cell; a footnote's marker for a finding in the note's text."""
    index = location.index
    if index is None or not 0 <= index < len(blocks) or index >= len(model):
        return None
    block = blocks[index]
    field = parse_text_field(location.field) if location.field else (None, None)
    if field is None:
        return None
    cell, note = field
    first, last = block, block
    runs = model[index].runs
    if cell is not None:
        table = QTextCursor(block).currentTable()
        row, column = cell
        if table is None or row >= table.rows() or column >= table.columns():
            return None
        if row >= len(model[index].rows) or column >= len(model[index].rows[row]):
            return None
        runs = model[index].rows[row][column]
        table_cell = table.cellAt(row, column)
        first = table_cell.firstCursorPosition().block()
        last = table_cell.lastCursorPosition().block()
    cells = list(iter_blocks(first, last))
    if note is not None:
        return _marker(cells, sum(1 for run in runs[: note + 1] if run.note) - 1)
    return _span(cells, location.start or 0, location.end)


def _fragments(blocks: Iterable[QTextBlock]) -> list[tuple[int, int, bool]]:
    """(position, length, is a marker) of each fragment, with each block separator as
    a one-character piece of text between blocks."""
    pieces: list[tuple[int, int, bool]] = []
    for number, block in enumerate(blocks):
        if number:
            pieces.append((block.position() - 1, 1, False))
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            marker = bool(note_of(fragment.charFormat()))
            pieces.append((fragment.position(), fragment.length(), marker))
            it += 1
    return pieces


def _span(blocks: list[QTextBlock], start: int, end: int | None) -> QTextCursor | None:
    """Model characters ``start``..``end`` (markers not counted) as a document range."""
    pieces = _fragments(blocks)
    text_end = blocks[-1].position() + blocks[-1].length() - 1
    count = sum(length for _, length, marker in pieces if not marker)
    last_char = count if end is None else min(end, count)
    first_char = min(start, last_char)
    first, last = _position(pieces, first_char, text_end), _position(pieces, last_char, text_end)
    cursor = QTextCursor(blocks[0])
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _position(pieces: list[tuple[int, int, bool]], char: int, text_end: int) -> int:
    """The document position of model character ``char`` (markers not counted): in the
    first piece that holds it; ``text_end`` past the last character."""
    count = 0
    for position, length, marker in pieces:
        if marker:
            continue
        if char < count + length:
            return position + char - count
        count += length
    return text_end


def _marker(blocks: list[QTextBlock], number: int) -> QTextCursor | None:
    """The ``number``-th footnote marker (0-based) in ``blocks``."""
    markers = [(p, n) for p, n, marker in _fragments(blocks) if marker]
    if not 0 <= number < len(markers):
        return None
    position, length = markers[number]
    cursor = QTextCursor(blocks[0])
    cursor.setPosition(position)
    cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
    return cursor
