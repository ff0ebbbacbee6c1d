"""The Qt formats of the model's block kinds and runs, and the rules both directions share."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from beslut.model.blocks import (
    PLACEHOLDERS,
    Piece,
    has_placeholder,
    has_text,
    merge_runs,
    normalize_blocks,
    slice_runs,
    without_placeholders,
)
from beslut.model.draft import BlockKind

__all__ = [
    "PLACEHOLDERS",
    "Piece",
    "has_placeholder",
    "has_text",
    "merge_runs",
    "normalize_blocks",
    "slice_runs",
    "without_placeholders",
]

HEADING_LEVEL = 3
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


# --- formats --------------------------------------------------------------------------


@functools.cache
def char_format(bold: bool, italic: bool, heading: bool) -> QTextCharFormat:
    """The format of a run's text (shared: never change the object returned)."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold or heading else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if heading else 0)
    return fmt


# Margins in pixels; Qt keeps the larger of two meeting margins, so a paragraph's top
# margin spaces it from a list above without spacing the list's own items.
_MARGINS = {
    BlockKind.PARAGRAPH: (6, 8),
    BlockKind.HEADING: (14, 6),
    BlockKind.BULLET: (0, 3),
    BlockKind.NUMBERED: (0, 3),
}
_LINE_HEIGHT = 125  # percent


@functools.cache
def block_format(kind: BlockKind) -> QTextBlockFormat:
    """The format of a block of ``kind`` (shared: never change the object returned)."""
    fmt = QTextBlockFormat()
    if kind is BlockKind.HEADING:
        fmt.setHeadingLevel(HEADING_LEVEL)
    top, bottom = _MARGINS[kind]
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def list_format(kind: BlockKind) -> QTextListFormat:
    """The format of a new list of ``kind`` (BULLET or NUMBERED)."""
    fmt = QTextListFormat()
    fmt.setStyle(LIST_STYLES[kind])
    fmt.setIndent(1)
    return fmt


def list_kind(text_list: QTextList) -> BlockKind:
    """BULLET or NUMBERED, by the list's style."""
    if text_list.format().style() in _BULLET_STYLES:
        return BlockKind.BULLET
    return BlockKind.NUMBERED


def continue_list(
    cursor: QTextCursor, kind: BlockKind, above: QTextList | None
) -> QTextList | None:
    """Put the cursor's new block in ``above`` or a new list, as ``kind`` asks."""
    if kind not in LIST_STYLES:
        return None
    if above is not None and list_kind(above) is kind:
        above.add(cursor.block())
        return above
    return cursor.createList(list_format(kind))


def block_kind(block: QTextBlock) -> BlockKind:
    """The model's kind of a Qt block: list items by list style, then heading level."""
    text_list = block.textList()
    if text_list is not None:
        return list_kind(text_list)
    if block.blockFormat().headingLevel() > 0:
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def iter_blocks(first: QTextBlock, last: QTextBlock | None = None) -> Iterator[QTextBlock]:
    """The blocks from ``first`` to ``last`` (or the end), both included."""
    block = first
    while block.isValid():
        yield block
        if last is not None and block == last:
            return
        block = block.next()
