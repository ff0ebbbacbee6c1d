"""Blocks of text as the editor and paste leave them, in plain Python (no Qt).

The rules the rich-text editor applies on the way in and out (blank blocks dropped,
runs merged, Qt's placeholder characters removed) and the reading of pasted plain text
and of Word's typed list markers: tested without a QApplication.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from beslut.model.draft import Block, BlockKind, Run
from beslut.model.text import clean_text

# Object replacement (images) and frame markers: Qt's placeholders, never text. Qt keeps
# them out of a block's text, so only the way in needs to drop them.
PLACEHOLDERS = re.compile("[\ufffc\ufdd0\ufdd1]")

Piece = tuple[str, bool, bool]  # text, bold, italic

# Word writes a list item as a paragraph starting with the glyph or number and a run of
# no-break spaces; web pages use real <ul>/<ol>, which Qt reads as lists.
_WORD_MARKER = re.compile(
    r"\s*(?:(?P<bullet>[·•o§▪■\uf0a7\uf0b7\uf0d8\-–*])|(?P<number>\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)])\xa0\s*"
)
_TEXT_MARKER = re.compile(r"\s*(?:(?P<bullet>[•·]\s*|[-–*]\s+)|(?P<number>\d{1,3}[.)]\s+))")


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


# --- paste --------------------------------------------------------------------------------


def pasted_block(block: Block, trim: bool) -> Block | None:
    """``block`` with Word's list marker turned into a list kind, and its ends trimmed."""
    text = block.text
    kind, start, stop = block.kind, 0, len(text)
    marker = _WORD_MARKER.match(text) if kind is BlockKind.PARAGRAPH else None
    if marker is not None:
        kind = BlockKind.BULLET if marker["bullet"] else BlockKind.NUMBERED
        start = marker.end()
    if trim or marker is not None:
        start += len(text[start:]) - len(text[start:].lstrip())
        stop = len(text.rstrip())
    runs = slice_runs(block.runs, start, stop)
    return Block(kind, runs) if runs else None


def blocks_from_text(text: str) -> tuple[Block, ...]:
    """The model's blocks for pasted plain text: a block a line, list markers recognised."""
    blocks = []
    for line in clean_text(text).split("\n"):
        marker = _TEXT_MARKER.match(line)
        kind = BlockKind.PARAGRAPH
        if marker is not None:
            kind = BlockKind.BULLET if marker["bullet"] else BlockKind.NUMBERED
            line = line[marker.end() :]
        if line.strip():
            blocks.append(Block.plain(kind, line.strip()))
    return tuple(blocks)
