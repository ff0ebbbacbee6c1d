"""The limit on a paragraph's size (MAX_BLOCK_CHARS), applied to what is imported: a
longer paragraph becomes several, cut at line breaks, else at the end of a sentence,
else between words, so that nothing is lost (no Qt).

A table is not split (a cell cannot become two paragraphs); export writes a cell of any
length, in pieces of text that libxml2 accepts.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import replace

from beslut.i18n import _
from beslut.model.draft import MAX_BLOCK_CHARS, Block, BlockKind, Draft, Run

# Where a long paragraph may be cut, best first: after a line break, after the end of a
# sentence, after a space. Only the last half of each piece is searched.
_CUTS = (re.compile(r"\n"), re.compile(r"[.!?…][\"'”’)]*\s"), re.compile(r"\s"))


def too_long(block: Block, limit: int = MAX_BLOCK_CHARS) -> bool:
    """True when a paragraph, or a cell of a table, has more than ``limit`` characters."""
    if block.kind is BlockKind.TABLE:
        return any(_length(cell) > limit for row in block.rows for cell in row)
    return _length(block.runs) > limit


def split_long_blocks(blocks: Iterable[Block], limit: int = MAX_BLOCK_CHARS) -> tuple[Block, ...]:
    """``blocks`` with each paragraph longer than ``limit`` as several paragraphs of at
    most ``limit`` characters; the text, its formatting and its footnotes all kept. A
    piece after the first is a paragraph of the same kind and level (a heading's rest is
    a paragraph; a numbered item's rest continues its list)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE or _length(block.runs) <= limit:
            out.append(block)
            continue
        text = "".join(run.text for run in block.runs)
        bounds = _bounds(text, limit)
        for number, (start, stop, following) in enumerate(bounds):
            runs = _cut_runs(block.runs, start, stop, following)
            if number == 0:
                out.append(replace(block, runs=runs))
            elif block.kind is BlockKind.HEADING:
                out.append(Block(BlockKind.PARAGRAPH, runs))
            else:
                out.append(Block(block.kind, runs, level=block.level))
    return tuple(out)


def within_limits(draft: Draft, limit: int = MAX_BLOCK_CHARS) -> Draft:
    """``draft`` with every part's long paragraphs split (split_long_blocks); the same
    draft when none is too long."""
    if not any(too_long(block, limit) for s in draft.sections for block in s.blocks):
        return draft
    sections = tuple(
        replace(section, blocks=split_long_blocks(section.blocks, limit))
        for section in draft.sections
    )
    return replace(draft, sections=sections)


def limit_text(limit: int = MAX_BLOCK_CHARS) -> str:
    """The limit as a Swedish reader writes a number: "1 000 000"."""
    return f"{limit:,}".replace(",", "\N{NO-BREAK SPACE}")


def split_notice(limit: int = MAX_BLOCK_CHARS) -> str:
    """What import says when it split a paragraph (within_limits changed the draft)."""
    return _("Ett stycke var längre än {limit} tecken och har delats upp i flera stycken.").format(
        limit=limit_text(limit)
    )


def _length(runs: Iterable[Run]) -> int:
    return sum(len(run.text) for run in runs)


def _bounds(text: str, limit: int) -> list[tuple[int, int, int]]:
    """The pieces of ``text`` as (start, stop, next piece's start), each at most ``limit``
    long; a line break or space that a cut falls on is left out (it becomes the
    paragraph break)."""
    bounds = []
    start = 0
    while len(text) - start > limit:
        following = start + limit
        for pattern in _CUTS:
            # The last match in the second half of the piece.
            found = deque(pattern.finditer(text, start + limit // 2, following), maxlen=1)
            if found:
                following = found[0].end()
                break
        stop = following - 1 if text[following - 1].isspace() else following
        bounds.append((start, stop, following))
        start = following
    bounds.append((start, len(text), len(text) + 1))  # a footnote at the end: the last's
    return bounds


def _cut_runs(runs: Sequence[Run], start: int, stop: int, following: int) -> tuple[Run, ...]:
    """The runs cut to the characters ``start:stop``; a run's link stays on each piece,
    its footnote on the piece where it ends (``following``: where the next one starts)."""
    result = []
    position = 0
    for run in runs:
        end = position + len(run.text)
        # A footnote marker (no text) goes with the piece it stands in.
        inside = position < following and end > start if run.text else start <= position < following
        if inside:
            piece = run.text[max(start - position, 0) : max(stop - position, 0)]
            ends = end <= following
            if piece == run.text:
                result.append(run)
            elif piece or (ends and run.note):
                note = run.note if ends else ""
                result.append(Run(piece, run.bold, run.italic, run.link, note))
        position = end
    return tuple(result)
