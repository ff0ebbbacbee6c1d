"""Blocks of text as the editor and paste leave them, in plain Python (no Qt).

The rules the rich-text editor applies on the way in and out (blank blocks dropped,
runs merged, Qt's placeholder characters removed) and the reading of pasted plain text
and of Word's typed list markers: tested without a QApplication.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from beslut.model.draft import Block, BlockKind, Run
from beslut.model.jsonio import LINK_SCHEMES
from beslut.model.text import clean_text

# Object replacement (images) and frame markers: Qt's placeholders, never text. Qt keeps
# them out of a block's text, so only the way in needs to drop them.
PLACEHOLDERS = re.compile("[\ufffc\ufdd0\ufdd1]")

Piece = tuple[str, bool, bool]  # text, bold, italic
# text, bold, italic, link, note: a footnote marker is a piece with no text and a note.
StyledPiece = tuple[str, bool, bool, str, str]

# Word writes a list item as a paragraph starting with the glyph or number and a run of
# no-break spaces; web pages use real <ul>/<ol>, which Qt reads as lists.
_WORD_MARKER = re.compile(
    r"\s*(?:(?P<bullet>[·•o§▪■\uf0a7\uf0b7\uf0d8\-–*])|(?P<number>\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)])\xa0\s*"
)
_TEXT_MARKER = re.compile(r"\s*(?:(?P<bullet>[•·]\s*|[-–*]\s+)|(?P<number>\d{1,3}[.)]\s+))")


def normalize_blocks(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """``blocks`` as the editor gives them back.

    Blank blocks are dropped (spacing never comes from empty paragraphs), empty runs
    go, neighbouring runs with the same formatting (bold, italic, link) merge unless
    the first ends with a footnote, and a heading's runs carry no bold of their own: a
    heading is bold by its style. A table keeps its shape, its rows made as wide as the
    widest; its cells are normalized as runs are. A block that is already so is kept
    as it is.
    """
    result = []
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            table = _normal_table(block)
            if table is not None:
                result.append(table)
            continue
        if _is_normal(block):
            result.append(block)
            continue
        runs = merge_pieces(run_pieces(block.runs, heading=block.kind is BlockKind.HEADING))
        if has_text(runs):
            result.append(Block(block.kind, runs, level=block.level, start=block.start))
    return tuple(result)


def run_pieces(runs: Iterable[Run], *, heading: bool = False) -> list[StyledPiece]:
    """The styled pieces of ``runs`` as the editor reads them back (see merge_pieces)."""
    pieces: list[StyledPiece] = []
    for r in runs:
        pieces.append((without_placeholders(r.text), r.bold and not heading, r.italic, r.link, ""))
        if r.note:
            pieces.append(("", False, False, "", r.note))
    return pieces


def _normal_table(block: Block) -> Block | None:
    width = max((len(row) for row in block.rows), default=0)
    rows = tuple(
        tuple(cell_runs(run_pieces(cell)) for cell in row) + ((),) * (width - len(row))
        for row in block.rows
    )
    if not width or not any(has_text(cell) for row in rows for cell in row):
        return None
    if rows == block.rows:
        return block
    return Block(BlockKind.TABLE, rows=rows, header_rows=block.header_rows)


def cell_runs(pieces: Iterable[StyledPiece]) -> tuple[Run, ...]:
    """A table cell's runs for ``pieces``: as merge_pieces, and none when the cell holds
    no visible text (a space or an Enter left in a cell is no content)."""
    runs = merge_pieces(pieces)
    return runs if has_text(runs) else ()


def _is_normal(block: Block) -> bool:
    """True when normalizing ``block`` gives it back unchanged."""
    heading = block.kind is BlockKind.HEADING
    previous: tuple[bool, bool, str] | None = None
    visible = False
    for run in block.runs:
        text, style = run.text, (run.bold, run.italic, run.link)
        if not text or style == previous or (heading and run.bold) or has_placeholder(text):
            return False
        previous = None if run.note else style
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


def merge_pieces(pieces: Iterable[StyledPiece]) -> tuple[Run, ...]:
    """Runs for styled ``pieces``: as merge_runs, with links, and with each footnote
    marker's note on the run before it (two markers in a row: their notes joined). A
    marker with no text before it in the block has no run to follow and is left out."""
    runs: list[Run] = []
    text, bold, italic, link, note = "", False, False, "", ""
    for p_text, p_bold, p_italic, p_link, p_note in pieces:
        if p_note:
            if text:
                note = f"{note} {p_note}" if note else p_note
            elif runs:
                last = runs[-1]
                joined = f"{last.note} {p_note}" if last.note else p_note
                runs[-1] = Run(last.text, last.bold, last.italic, last.link, joined)
            continue
        if not p_text:
            continue
        if text and not note and (p_bold, p_italic, p_link) == (bold, italic, link):
            text += p_text
            continue
        if text:
            runs.append(Run(text, bold, italic, link, note))
        text, bold, italic, link, note = p_text, p_bold, p_italic, p_link, ""
    if text:
        runs.append(Run(text, bold, italic, link, note))
    return tuple(runs)


def slice_runs(runs: Sequence[Run], start: int, stop: int) -> tuple[Run, ...]:
    """The runs cut to the characters ``start:stop`` of the block's text; a run's link
    stays on each piece of it, its footnote on the piece that ends it."""
    result = []
    position = 0
    for run in runs:
        piece = run.text[max(start - position, 0) : max(stop - position, 0)]
        if piece:
            if piece == run.text:
                result.append(run)
            else:
                ends = stop - position >= len(run.text)
                note = run.note if ends else ""
                result.append(Run(piece, run.bold, run.italic, run.link, note))
        position += len(run.text)
    return tuple(result)


# --- paste --------------------------------------------------------------------------------


def is_allowed_link(address: str) -> bool:
    """True when ``address`` is a link a TU may hold: https, http or mailto, with more
    than the scheme."""
    value = address.strip()
    lower = value.lower()
    return any(lower.startswith(s) and len(value) > len(s) for s in LINK_SCHEMES)


def _allowed_links(runs: Iterable[Run]) -> tuple[Run, ...]:
    """``runs`` without the links a TU may not hold (a page's "#top", "file:", ...)."""
    kept = [
        run
        if not run.link or is_allowed_link(run.link)
        else Run(run.text, run.bold, run.italic, "", run.note)
        for run in runs
    ]
    return merge_pieces(run_pieces(kept))


def word_list_marker(text: str) -> tuple[BlockKind, int, int | None] | None:
    """The list item a pasted Word paragraph starting with a typed marker is ("·\xa0\xa0",
    "2.\xa0"): its kind, where its text starts, and its number when the marker is one."""
    marker = _WORD_MARKER.match(text)
    if marker is None:
        return None
    if marker["bullet"]:
        return BlockKind.BULLET, marker.end(), None
    number = marker["number"]
    return BlockKind.NUMBERED, marker.end(), int(number) if number.isdigit() else None


def pasted_block(block: Block, trim: bool) -> Block | None:
    """``block`` with Word's list marker turned into a list kind, and its ends trimmed
    (a table as it is, when it holds any text); links a TU may not hold are plain text."""
    if block.kind is BlockKind.TABLE:
        rows = tuple(tuple(_allowed_links(cell) for cell in row) for row in block.rows)
        return _normal_table(Block(BlockKind.TABLE, rows=rows, header_rows=block.header_rows))
    block = Block(block.kind, _allowed_links(block.runs), level=block.level, start=block.start)
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
    if not runs:
        return None
    level = block.level if kind in (BlockKind.BULLET, BlockKind.NUMBERED, BlockKind.HEADING) else 0
    return Block(kind, runs, level=level, start=block.start if kind is BlockKind.NUMBERED else None)


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
