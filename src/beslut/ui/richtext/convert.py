"""A whole section between the model's blocks and a QTextDocument, with few calls into Qt."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import cast

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFragment,
    QTextTable,
)

from beslut.model.blocks import cell_runs
from beslut.model.draft import Block, BlockKind, Run
from beslut.ui.richtext.format import (
    BOLD_WEIGHT,
    LINE_SEPARATOR,
    ListPlacer,
    Shape,
    StyledPiece,
    block_format,
    block_shape,
    char_format,
    has_text,
    link_of,
    merge_pieces,
    note_format,
    note_of,
    without_placeholders,
)
from beslut.ui.richtext.write import NoteNumbers, write_blocks

# A fragment's style: bold, italic, link, note (a footnote marker); None for an image.
_Style = tuple[bool, bool, str, str] | None
_Styles = dict[int, _Style]
_Pieces = tuple[StyledPiece, ...]
_TABLE = "table"


class BlockReader:
    """Reads one document as model blocks, converting again only the Qt blocks that changed.

    A Qt block is looked up by its shape (kind, level, start) and the text and formatting
    of its fragments: the very things its model block is made from, so a block found is
    the block converting would give; a table by its header rows and its cells' pieces.
    Each read keeps the entries it used, so the cache never outgrows the document. A
    read at the document revision of the last one returns that one's result.
    """

    def __init__(self) -> None:
        self._doc: QTextDocument | None = None
        self._revision = -1
        self._result: tuple[Block, ...] = ()
        self._cache: dict[Hashable, Block | None] = {}

    def read(self, doc: QTextDocument) -> tuple[Block, ...]:
        """The model's blocks for ``doc``, blank blocks left out. Reads only."""
        if doc is not self._doc:
            self._doc, self._revision, self._cache = doc, -1, {}
        revision = doc.revision()
        if revision == self._revision:
            return self._result
        cache = self._cache
        used: dict[Hashable, Block | None] = {}
        shapes: dict[int, Shape] = {}
        styles: _Styles = {}
        tables = _tables(doc)
        next_table = tables.pop(0) if tables else None
        result = []
        block = doc.begin()
        while block.isValid():
            key: Hashable
            if next_table is not None and block.position() >= next_table.firstPosition():
                key = _table_key(next_table, styles)
                block = doc.findBlock(next_table.lastPosition() + 1)
                next_table = tables.pop(0) if tables else None
            else:
                index = block.blockFormatIndex()
                shape = shapes.get(index)
                if shape is None:
                    shape = shapes[index] = block_shape(block)
                key = (shape, _pieces(block, shape[0] is BlockKind.HEADING, styles))
                block = block.next()
            try:
                model = cache[key]
            except KeyError:
                model = _convert(key)
            used[key] = model
            if model is not None:
                result.append(model)
        self._cache, self._revision, self._result = used, revision, tuple(result)
        return self._result

    def expect(self, doc: QTextDocument, blocks: tuple[Block, ...]) -> None:
        """Take ``blocks`` as what ``doc`` holds now: blocks_to_document has just written
        them, normalized (the round trip gives them back unchanged). Later reads find the
        blocks not changed since instead of converting them again."""
        if doc is not self._doc:
            self._doc, self._cache = doc, {}
        self._revision, self._result = doc.revision(), blocks
        for block in blocks:
            if block.kind is BlockKind.TABLE:
                rows = tuple(
                    tuple(_model_pieces(cell, False) for cell in row) for row in block.rows
                )
                self._cache[(_TABLE, block.header_rows, rows)] = block
                continue
            heading = block.kind is BlockKind.HEADING
            shape = (block.kind, block.level, block.start)
            self._cache[(shape, _model_pieces(block.runs, heading))] = block

    def carry(self, doc: QTextDocument, before: int, after: int) -> None:
        """``doc``'s revision moved from ``before`` to ``after`` with no change of its
        text (marks drawn on it): a read at ``before`` holds at ``after``."""
        if doc is self._doc and self._revision == before:
            self._revision = after

    def expect_changed(
        self, doc: QTextDocument, blocks: tuple[Block, ...], changed: Mapping[int, QTextBlock]
    ) -> bool:
        """Take ``blocks`` as what ``doc`` holds now when the Qt blocks ``changed`` (by
        model index; a table's first cell for a table) read as those blocks: the caller
        has edited only them in a document that held ``blocks`` elsewhere. Reads only
        the changed blocks; False (and nothing taken) when one reads otherwise."""
        found: dict[Hashable, Block | None] = {}
        styles: _Styles = {}
        for index, block in changed.items():
            if not 0 <= index < len(blocks):
                return False
            table = QTextCursor(block).currentTable()
            key: Hashable
            if table is not None:
                key = _table_key(table, styles)
            else:
                shape = block_shape(block)
                key = (shape, _pieces(block, shape[0] is BlockKind.HEADING, styles))
            model = self._cache[key] if key in self._cache else _convert(key)
            if model != blocks[index]:
                return False
            found[key] = model
        if doc is not self._doc:
            self._doc, self._cache = doc, {}
        self._cache.update(found)
        self._revision, self._result = doc.revision(), blocks
        return True


def _model_pieces(runs: Iterable[Run], heading: bool) -> _Pieces:
    """The pieces reading the runs' text back from a document gives."""
    pieces: list[StyledPiece] = []
    for run in runs:
        text = run.text.replace("\n", LINE_SEPARATOR)
        pieces.append((text, run.bold and not heading, run.italic, run.link, ""))
        if run.note:
            pieces.append(("", False, False, "", run.note))
    return tuple(pieces)


def _tables(doc: QTextDocument) -> list[QTextTable]:
    """The document's top-level tables, in order (a table's blocks are read as one)."""
    frames = doc.rootFrame().childFrames()
    return [frame for frame in frames if isinstance(frame, QTextTable)]


def _pieces(block: QTextBlock, heading: bool, styles: _Styles) -> _Pieces:
    pieces = []
    # Iterating the block (the stubs say object) gives its iterator at each fragment in
    # turn: a third cheaper than calling atEnd and += from Python.
    for fragments in cast("Iterable[QTextBlock.iterator]", block):
        fragment = fragments.fragment()
        index = fragment.charFormatIndex()
        try:
            style = styles[index]
        except KeyError:
            style = styles[index] = _style(fragment)
        if style is None:
            continue
        bold, italic, link, note = style
        if note:
            pieces.append(("", False, False, "", note))
        else:
            pieces.append((fragment.text(), bold and not heading, italic, link, ""))
    return tuple(pieces)


def _style(fragment: QTextFragment) -> _Style:
    """Bold, italic, link and note of the fragment's format; None for an image."""
    fmt = fragment.charFormat()
    if fmt.isImageFormat():
        return None
    return (fmt.fontWeight() >= BOLD_WEIGHT, fmt.fontItalic(), link_of(fmt), note_of(fmt))


def _table_key(table: QTextTable, styles: _Styles) -> Hashable:
    rows = []
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            first = cell.firstCursorPosition().block()
            last = cell.lastCursorPosition().block()
            pieces: list[StyledPiece] = []
            block = first
            while block.isValid():
                if block != first:
                    pieces.append((LINE_SEPARATOR, False, False, "", ""))
                pieces.extend(_pieces(block, False, styles))
                if block == last:
                    break
                block = block.next()
            cells.append(tuple(pieces))
        rows.append(tuple(cells))
    header = min(table.format().headerRowCount(), len(rows))
    return (_TABLE, header, tuple(rows))


def _convert(key: Hashable) -> Block | None:
    assert isinstance(key, tuple)
    if key[0] == _TABLE:
        _, header, cells = key
        rows = tuple(tuple(cell_runs(cell) for cell in row) for row in cells)
        if not any(has_text(cell) for row in rows for cell in row):
            return None
        return Block(BlockKind.TABLE, rows=rows, header_rows=header)
    (kind, level, start), pieces = key
    runs = merge_pieces(pieces)
    if not has_text(runs):
        return None
    return Block(kind, runs, level=level, start=start)


def document_to_blocks(doc: QTextDocument) -> tuple[Block, ...]:
    """The model's blocks for ``doc``, blank blocks left out. Reads only."""
    return BlockReader().read(doc)


def blocks_to_document(blocks: Sequence[Block], doc: QTextDocument) -> None:
    """Replace the content of ``doc`` with ``blocks`` (blank blocks left out).

    All text goes in with one insertion as plain paragraphs; then only what differs
    from that is set: headings, list items, formatted runs and footnote markers. The
    document is the one writing block by block gives (see insert_blocks), with far
    fewer calls into Qt. A section with a table is written block by block.
    """
    doc.clear()
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        return
    if any(block.kind is BlockKind.TABLE for block in blocks):
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        write_blocks(cursor, blocks)
        cursor.endEditBlock()
        return
    notes = NoteNumbers()
    texts = [[_stored(run.text) + notes.marker(run.note) for run in block.runs] for block in blocks]
    text = "\n".join("".join(runs) for runs in texts)
    # Qt counts positions in UTF-16 code units: as Python counts unless a character is
    # beyond U+FFFF (one encoding of the whole text tells).
    length = len if len(text.encode("utf-16-le")) == 2 * len(text) else _utf16_length
    plain = char_format(False, False, False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setBlockFormat(block_format(BlockKind.PARAGRAPH))
    cursor.setBlockCharFormat(plain)
    cursor.insertText(text, plain)
    position = 0
    placer = ListPlacer()
    notes = NoteNumbers()
    for block, runs in zip(blocks, texts, strict=True):
        kind = block.kind
        heading = block.level if kind is BlockKind.HEADING else 0
        cursor.setPosition(position)
        if kind is not BlockKind.PARAGRAPH:
            cursor.setBlockFormat(block_format(kind, block.level, block.start))
            if heading:
                cursor.setBlockCharFormat(char_format(False, False, heading))
        placer.place(cursor, kind, block.level, block.start)
        for run, run_text in zip(block.runs, runs, strict=True):
            marker = notes.marker(run.note)
            end = position + length(run_text)
            text_end = end - len(marker)
            if text_end > position and (heading or run.bold or run.italic or run.link):
                cursor.setPosition(position)
                cursor.setPosition(text_end, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(char_format(run.bold, run.italic, heading, run.link))
            if marker:
                cursor.setPosition(text_end)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(note_format(run.note, int(marker)))
            position = end
        position += 1  # the block separator
    cursor.endEditBlock()


def _stored(text: str) -> str:
    """A run's text as the document holds it: no placeholders, line breaks as such."""
    return without_placeholders(text).replace("\n", LINE_SEPARATOR)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
