"""Writing model blocks into a QTextDocument at a cursor, and the edits of block kinds and
lists that keep the document as the model sees it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable, QTextTableFormat

from beslut.model.draft import Block, BlockKind, Run
from beslut.ui.richtext.format import (
    BOLD_WEIGHT,
    LINE_SEPARATOR,
    LIST_STYLES,
    PLACEHOLDERS,
    ListPlacer,
    block_format,
    block_shape,
    char_format,
    heading_level,
    iter_blocks,
    link_of,
    list_fits,
    list_format,
    list_kind,
    list_level,
    note_format,
    note_number,
    note_of,
    restart_of,
    style_header,
)

# --- model -> document: inserting into text ---------------------------------------------


def insert_blocks(cursor: QTextCursor, blocks: Sequence[Block], *, whole: bool = False) -> None:
    """Insert ``blocks`` at ``cursor``, replacing its selection.

    A single paragraph, or a single block put into text, joins the text around the
    cursor (unless ``whole``); anything more (and a table) becomes whole blocks of their
    own between the text before and after the cursor. Call regroup_lists and
    renumber_notes after.
    """
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        return
    if cursor.hasSelection():
        cursor.removeSelectedText()
    into_text = cursor.block().length() > 1
    single = not whole and len(blocks) == 1 and blocks[0].kind is not BlockKind.TABLE
    if single and (into_text or blocks[0].kind is BlockKind.PARAGRAPH):
        insert_runs(cursor, blocks[0].runs, heading_level(cursor.block()), NoteNumbers())
    else:
        open_empty_block(cursor)
        write_blocks(cursor, blocks)


def write_blocks(cursor: QTextCursor, blocks: Sequence[Block]) -> None:
    """Write ``blocks`` from the empty block the cursor stands in."""
    placer = ListPlacer()
    notes = NoteNumbers()
    fresh = True  # the cursor stands in an empty block that takes the next block
    for block in blocks:
        kind = block.kind
        if kind is BlockKind.TABLE:
            if not fresh:
                cursor.insertBlock(block_format(BlockKind.PARAGRAPH), char_format(False, False, 0))
            table = cursor.insertTable(max(len(block.rows), 1), _width(block), table_format())
            write_table(table, block, notes)
            cursor.setPosition(table.lastPosition() + 1)
            fresh = cursor.block().length() == 1
            continue
        heading = block.level if kind is BlockKind.HEADING else 0
        fmt = block_format(kind, block.level, block.start)
        if fresh:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(char_format(False, False, heading))
        else:
            cursor.insertBlock(fmt, char_format(False, False, heading))
        insert_runs(cursor, block.runs, heading, notes)
        placer.place(cursor, kind, block.level, block.start)  # after the text: see other()
        fresh = False


def _width(block: Block) -> int:
    return max((len(row) for row in block.rows), default=1) or 1


def table_format(header_rows: int = 0) -> QTextTableFormat:
    """The format of a table in the editor: full width, thin borders, padded cells."""
    from PySide6.QtGui import QTextLength

    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderCollapse(True)
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setTopMargin(6)
    fmt.setBottomMargin(8)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(header_rows)
    return fmt


def write_table(table: QTextTable, block: Block, notes: NoteNumbers) -> None:
    """Fill ``table`` (as large as ``block``'s rows) with the cells' runs."""
    fmt = table.format()
    fmt.setHeaderRowCount(block.header_rows)
    table.setFormat(fmt)
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            insert_runs(table.cellAt(r, c).firstCursorPosition(), cell, 0, notes)
    style_header(table)


def insert_runs(cursor: QTextCursor, runs: Iterable[Run], heading: int, notes: NoteNumbers) -> None:
    """Insert ``runs`` at ``cursor`` in a block of heading level ``heading`` (0: none)."""
    for run in runs:
        text = PLACEHOLDERS.sub("", run.text).replace("\n", LINE_SEPARATOR)
        cursor.insertText(text, char_format(run.bold, run.italic, heading, run.link))
        if run.note:
            marker = notes.marker(run.note)
            cursor.insertText(marker, note_format(run.note, int(marker)))
    # Text typed next continues as plain text, not as the link or the marker before it.
    cursor.setCharFormat(char_format(False, False, heading))


def open_empty_block(cursor: QTextCursor) -> None:
    """Move ``cursor`` into an empty block of its own, splitting the text around it."""
    if not cursor.atBlockStart():
        cursor.insertBlock()
    if cursor.block().length() > 1:
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)


# --- block kinds --------------------------------------------------------------------------


def set_block_kind(block: QTextBlock, kind: BlockKind, level: int = 0) -> None:
    """Make ``block`` a block of ``kind`` (a heading of ``level``, a list item at it),
    keeping its text, italic, links, footnotes and (outside headings) bold. Call
    regroup_lists after."""
    was = heading_level(block)
    heading = max(level, 1) if kind is BlockKind.HEADING else 0
    if kind is BlockKind.HEADING:
        level = heading
    if was != heading:
        _restyle_text(block, was, heading)
    start = restart_of(block) if kind is BlockKind.NUMBERED else None
    cursor = QTextCursor(block)
    cursor.setBlockFormat(block_format(kind, level, start))
    cursor.setBlockCharFormat(char_format(False, False, heading))
    if kind in LIST_STYLES:
        cursor.createList(list_format(kind, level, start or 1))


def _restyle_text(block: QTextBlock, was: int, heading: int) -> None:
    spans = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fmt = fragment.charFormat()
        bold = not was and fmt.fontWeight() >= BOLD_WEIGHT
        note = note_of(fmt)
        style = (
            note_format(note, note_number(fmt))
            if note
            else char_format(bold, fmt.fontItalic(), heading, link_of(fmt))
        )
        spans.append((fragment.position(), fragment.length(), style))
        fragments += 1
    cursor = QTextCursor(block)
    for position, length, style in spans:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(style)


def regroup_lists(doc: QTextDocument) -> None:
    """Put list items in Qt lists as the model numbers them (ListPlacer): a numbered item
    continues its level's numbering across anything between unless it restarts.

    A block keeps its list where that list already is the right one, so an edit moves
    only the items whose list changed.
    """
    placer = ListPlacer()
    seen: set[int] = set()
    for block in iter_blocks(doc.begin()):
        text_list = block.textList()
        if text_list is None:
            placer.other(block)
            continue
        kind, level, start = block_shape(block)
        target = placer.target(kind, level, start)
        if target is None:
            if text_list.objectIndex() in seen or not list_fits(text_list, kind, level, start):
                text_list = QTextCursor(block).createList(list_format(kind, level, start or 1))
            target = text_list
        elif target.objectIndex() != text_list.objectIndex():
            target.add(block)
        placer.placed(kind, level, target)
        seen.add(target.objectIndex())


def set_list_level(block: QTextBlock, level: int) -> None:
    """Move the list item ``block`` to ``level`` (0-2). Call regroup_lists after."""
    text_list = block.textList()
    if text_list is None:
        return
    kind = list_kind(text_list)
    start = restart_of(block) if kind is BlockKind.NUMBERED else None
    QTextCursor(block).createList(list_format(kind, level, start or 1))


def set_restart(block: QTextBlock, start: int | None) -> None:
    """Make the numbered item ``block`` restart at ``start`` (None: continue). Call
    regroup_lists after."""
    text_list = block.textList()
    if text_list is None or list_kind(text_list) is not BlockKind.NUMBERED:
        return
    level = list_level(text_list)
    cursor = QTextCursor(block)
    cursor.setBlockFormat(block_format(BlockKind.NUMBERED, level, start))
    cursor.createList(list_format(BlockKind.NUMBERED, level, start or 1))


class NoteNumbers:
    """The markers of a section's footnotes, numbered 1, 2, ... in the order written."""

    def __init__(self) -> None:
        self.count = 0

    def marker(self, note: str) -> str:
        """The next marker's text for a run with ``note``; "" for a run without one."""
        if not note:
            return ""
        self.count += 1
        return str(self.count)
