"""The Qt formats of the model's block kinds and runs, and the rules both directions share."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

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

from beslut.model.draft import Block, BlockKind, Run

HEADING_LEVEL = 3
BOLD_WEIGHT = 600  # DemiBold and heavier read as bold, whatever the source used
LINE_SEPARATOR = "\u2028"  # a line break inside a block; "\n" would start a new block
# Object replacement (images) and frame markers: Qt's placeholders, never text. Qt keeps
# them out of a block's text, so only the way in needs to drop them.
PLACEHOLDERS = re.compile("[\ufffc\ufdd0\ufdd1]")
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

Piece = tuple[str, bool, bool]  # text, bold, italic


# --- the model side -------------------------------------------------------------------


def normalize_blocks(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """``blocks`` as the editor gives them back.

    Blank blocks are dropped (spacing never comes from empty paragraphs), empty runs
    go, neighbouring runs with the same formatting merge, and a heading's runs carry
    no bold of their own: a heading is bold by its style. A block that is already so
    is kept as it is.
    """
    result = []
    for block in blocks:
        if _is_normal(block):
            result.append(block)
            continue
        heading = block.kind is BlockKind.HEADING
        pieces = [
            (without_placeholders(r.text), r.bold and not heading, r.italic) for r in block.runs
        ]
        runs = merge_runs(pieces)
        if has_text(runs):
            result.append(Block(block.kind, runs))
    return tuple(result)


def _is_normal(block: Block) -> bool:
    """True when normalizing ``block`` gives it back unchanged."""
    heading = block.kind is BlockKind.HEADING
    previous: tuple[bool, bool] | None = None
    visible = False
    for run in block.runs:
        text, style = run.text, (run.bold, run.italic)
        if not text or style == previous or (heading and run.bold) or has_placeholder(text):
            return False
        previous = style
        visible = visible or not text.isspace()
    return visible


def has_placeholder(text: str) -> bool:
    """True when ``text`` holds one of Qt's placeholder characters (PLACEHOLDERS)."""
    # Three searches for one character beat a regular expression: for text without
    # characters above U+00FF (most Swedish text) each one returns at once.
    return "\ufffc" in text or "\ufdd0" in text or "\ufdd1" in text


def without_placeholders(text: str) -> str:
    """``text`` without Qt's placeholder characters."""
    return PLACEHOLDERS.sub("", text) if has_placeholder(text) else text


def merge_runs(pieces: Iterable[Piece]) -> tuple[Run, ...]:
    """Runs for ``pieces``: empty ones left out, neighbours of one formatting joined."""
    runs = []
    text, bold, italic = "", False, False
    for piece_text, piece_bold, piece_italic in pieces:
        if not piece_text:
            continue
        if text and piece_bold == bold and piece_italic == italic:
            text += piece_text
            continue
        if text:
            runs.append(Run(text, bold, italic))
        text, bold, italic = piece_text, piece_bold, piece_italic
    if text:
        runs.append(Run(text, bold, italic))
    return tuple(runs)


def has_text(runs: Iterable[Run]) -> bool:
    """True when ``runs`` hold any visible text."""
    return any(run.text.strip() for run in runs)


def slice_runs(runs: Sequence[Run], start: int, stop: int) -> tuple[Run, ...]:
    """The runs cut to the characters ``start:stop`` of the block's text."""
    result = []
    position = 0
    for run in runs:
        piece = run.text[max(start - position, 0) : max(stop - position, 0)]
        if piece:
            result.append(run if piece == run.text else Run(piece, run.bold, run.italic))
        position += len(run.text)
    return tuple(result)


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
