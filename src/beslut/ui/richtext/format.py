"""The Qt formats of the model's block kinds, runs and table header rows, and the rules
both directions share."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableCellFormat,
)

from beslut.model.blocks import (
    PLACEHOLDERS,
    Piece,
    StyledPiece,
    has_placeholder,
    has_text,
    merge_pieces,
    merge_runs,
    normalize_blocks,
    slice_runs,
    without_placeholders,
)
from beslut.model.draft import MAX_LIST_LEVEL, BlockKind

__all__ = [
    "PLACEHOLDERS",
    "Piece",
    "StyledPiece",
    "has_placeholder",
    "has_text",
    "merge_pieces",
    "merge_runs",
    "normalize_blocks",
    "slice_runs",
    "without_placeholders",
]

HEADING_LEVEL = 3  # Qt's heading level of a sub-heading; a sub-sub-heading has the next
BOLD_WEIGHT = 600  # DemiBold and heavier read as bold, whatever the source used
LINE_SEPARATOR = "\u2028"  # a line break inside a block; "\n" would start a new block
LIST_STYLES = {
    BlockKind.BULLET: QTextListFormat.Style.ListDisc,
    BlockKind.NUMBERED: QTextListFormat.Style.ListDecimal,
}
_BULLET_STYLES = frozenset(
    {
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListSquare,
    }
)
# Bullets and numbers by level, as Word shows them: disc, circle, square; 1, a, i.
_LEVEL_STYLES = {
    BlockKind.BULLET: (
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListSquare,
    ),
    BlockKind.NUMBERED: (
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListLowerRoman,
    ),
}
_USER = QTextFormat.Property.UserProperty.value
NOTE_PROPERTY = _USER + 1  # on a footnote marker's char format: the note's text
RESTART_PROPERTY = _USER + 2  # on a numbered item's block format: the number it restarts at
NOTE_NUMBER_PROPERTY = _USER + 3  # on a footnote marker's char format: its number
LINK_COLOUR = "#1a55b0"
NOTE_COLOUR = "#8a3b00"


# --- formats --------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def char_format(bold: bool, italic: bool, heading: int | bool, link: str = "") -> QTextCharFormat:
    """The format of a run's text (shared: never change the object returned).

    ``heading`` is the heading level (1 or 2; True is 1, False or 0 body text): a
    sub-heading is larger, a sub-sub-heading bold at the body's size.
    """
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold or heading else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if int(heading) == 1 else 0)
    if link:
        fmt.setAnchor(True)
        fmt.setAnchorHref(link)
        fmt.setToolTip(link)
        fmt.setFontUnderline(True)
        fmt.setForeground(QColor(LINK_COLOUR))
    return fmt


@functools.lru_cache(maxsize=1024)
def note_format(note: str, number: int) -> QTextCharFormat:
    """The format of footnote marker ``number``: raised, coloured, the note as its
    tooltip. The number makes two markers side by side two fragments, so two notes."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Normal)
    fmt.setFontItalic(False)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
    fmt.setProperty(NOTE_NUMBER_PROPERTY, number)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setForeground(QColor(NOTE_COLOUR))
    fmt.setToolTip(note)
    fmt.setProperty(NOTE_PROPERTY, note)
    return fmt


def note_of(fmt: QTextCharFormat) -> str:
    """The note of a footnote marker's format; "" for any other text."""
    if not fmt.hasProperty(NOTE_PROPERTY):
        return ""
    return str(fmt.property(NOTE_PROPERTY) or "")


def note_number(fmt: QTextCharFormat) -> int:
    """The number a footnote marker's format shows (0 before the markers are numbered)."""
    return fmt.intProperty(NOTE_NUMBER_PROPERTY)


def link_of(fmt: QTextCharFormat) -> str:
    """The address a run's format links to; "" when it is no link."""
    return fmt.anchorHref() if fmt.isAnchor() else ""


# Margins in pixels; Qt keeps the larger of two meeting margins, so a paragraph's top
# margin spaces it from a list above without spacing the list's own items.
_MARGINS = {
    BlockKind.PARAGRAPH: (6, 8),
    BlockKind.HEADING: (14, 6),
    BlockKind.BULLET: (0, 3),
    BlockKind.NUMBERED: (0, 3),
    BlockKind.TABLE: (6, 8),
}
_LINE_HEIGHT = 125  # percent


@functools.lru_cache(maxsize=256)
def block_format(kind: BlockKind, level: int = 0, start: int | None = None) -> QTextBlockFormat:
    """The format of a block of ``kind`` (shared: never change the object returned).

    A heading's ``level`` (1 or 2) is its Qt heading level; a numbered item that
    restarts the numbering carries its ``start``.
    """
    fmt = QTextBlockFormat()
    if kind is BlockKind.HEADING:
        fmt.setHeadingLevel(HEADING_LEVEL + max(level, 1) - 1)
    top, bottom = _MARGINS[kind]
    if kind is BlockKind.HEADING and level == 2:
        top = 10
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if start is not None and kind is BlockKind.NUMBERED:
        fmt.setProperty(RESTART_PROPERTY, start)
    return fmt


def list_format(kind: BlockKind, level: int = 0, start: int = 1) -> QTextListFormat:
    """The format of a new list of ``kind`` (BULLET or NUMBERED) at ``level`` (0-2),
    numbered from ``start``."""
    fmt = QTextListFormat()
    fmt.setStyle(_LEVEL_STYLES[kind][level])
    fmt.setIndent(level + 1)
    if start != 1:
        fmt.setStart(start)
    return fmt


def list_fits(text_list: QTextList, kind: BlockKind, level: int, start: int | None) -> bool:
    """True when ``text_list`` has the format a list of this shape is made with."""
    fmt = text_list.format()
    return (
        fmt.style() == _LEVEL_STYLES[kind][level]
        and fmt.indent() == level + 1
        and fmt.start() == (start or 1)
    )


def list_kind(text_list: QTextList) -> BlockKind:
    """BULLET or NUMBERED, by the list's style."""
    if text_list.format().style() in _BULLET_STYLES:
        return BlockKind.BULLET
    return BlockKind.NUMBERED


def list_level(text_list: QTextList) -> int:
    """The model's level (0-2) of a list's items, by its indent."""
    return min(max(text_list.format().indent() - 1, 0), MAX_LIST_LEVEL)


def restart_of(block: QTextBlock) -> int | None:
    """The number a numbered item restarts at, or None when it continues."""
    fmt = block.blockFormat()
    if not fmt.hasProperty(RESTART_PROPERTY):
        return None
    value = fmt.intProperty(RESTART_PROPERTY)
    return value if value >= 1 else None


Shape = tuple[BlockKind, int, int | None]  # kind, level, start


def block_shape(block: QTextBlock) -> Shape:
    """The model's kind, level and start of a Qt block."""
    text_list = block.textList()
    if text_list is not None:
        kind = list_kind(text_list)
        start = restart_of(block) if kind is BlockKind.NUMBERED else None
        return (kind, list_level(text_list), start)
    heading = block.blockFormat().headingLevel()
    if heading > 0:
        return (BlockKind.HEADING, 1 if heading <= HEADING_LEVEL else 2, None)
    return (BlockKind.PARAGRAPH, 0, None)


def block_kind(block: QTextBlock) -> BlockKind:
    """The model's kind of a Qt block: list items by list style, then heading level."""
    text_list = block.textList()
    if text_list is not None:
        return list_kind(text_list)
    if block.blockFormat().headingLevel() > 0:
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def heading_level(block: QTextBlock) -> int:
    """The model's heading level (1 or 2) of a heading block; 0 for any other block."""
    heading = block.blockFormat().headingLevel()
    if heading <= 0 or block.textList() is not None:
        return 0
    return 1 if heading <= HEADING_LEVEL else 2


class ListPlacer:
    """Puts list items into Qt lists as the model numbers them, block after block.

    A numbered item continues the last numbered list at its level, across anything
    between, unless it restarts; a bullet item continues the bullet list at its level
    while only list items come between. One rule for writing a document and for
    regrouping it after an edit, so both give the same lists.
    """

    def __init__(self) -> None:
        self._numbered: dict[int, QTextList] = {}
        self._bullets: dict[int, QTextList] = {}

    def target(self, kind: BlockKind, level: int, start: int | None) -> QTextList | None:
        """The list an item of this shape joins; None when it starts a new one."""
        if kind is BlockKind.NUMBERED:
            return None if start is not None else self._numbered.get(level)
        return self._bullets.get(level)

    def placed(self, kind: BlockKind, level: int, text_list: QTextList) -> None:
        """Note that an item of ``kind`` at ``level`` is now in ``text_list``."""
        (self._numbered if kind is BlockKind.NUMBERED else self._bullets)[level] = text_list

    def other(self, block: QTextBlock) -> None:
        """A block that is no list item: text ends the bullet lists (not the numbering)."""
        if self._bullets and block.text().strip():
            self._bullets.clear()

    def place(self, cursor: QTextCursor, kind: BlockKind, level: int, start: int | None) -> None:
        """Put the cursor's block (just written with its format) where ``kind`` asks."""
        if kind not in LIST_STYLES:
            self.other(cursor.block())
            return
        text_list = self.target(kind, level, start)
        if text_list is not None:
            text_list.add(cursor.block())
        else:
            text_list = cursor.createList(list_format(kind, level, start or 1))
        self.placed(kind, level, text_list)


def iter_blocks(first: QTextBlock, last: QTextBlock | None = None) -> Iterator[QTextBlock]:
    """The blocks from ``first`` to ``last`` (or the end), both included."""
    block = first
    while block.isValid():
        yield block
        if last is not None and block == last:
            return
        block = block.next()


HEADER_BACKGROUND = "#e4e9f2"


def style_header(table: QTextTable) -> None:
    """Shade the table's header rows and only those."""
    header = table.format().headerRowCount()
    for r in range(table.rows()):
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            fmt = cell.format().toTableCellFormat()
            shaded = fmt.background().style().value != 0
            if (r < header) == shaded:
                continue
            new = QTextTableCellFormat()
            if r < header:
                new.setBackground(QBrush(QColor(HEADER_BACKGROUND)))
            else:
                new.setBackground(QBrush())
            cell.setFormat(new)
