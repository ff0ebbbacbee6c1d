"""A PDF's headings by the document's own sizes (no Qt).

The body's size is the size most of the characters are set in. A heading is a short
line standing alone (or a bold one) that is clearly larger than the body, or bold and
alone in the body's size. Its level is the rank of its size among the distinct sizes
larger than the body that headings use: the largest a part's heading, the next a sub-
heading, the rest a sub-sub-heading; a size that only the first of the larger headings
uses is the title, not a part (small lines of the page's head may come before it).
Word's Heading 1 (16 pt over 11) and Heading 2 (13 pt) are thus a part and its sub-
heading, whatever the ratios. A part's name set in the body's own type alone on a line
(``known`` says which) stays a heading. A heading wrapped over two lines (the same size
and weight, a line's pitch apart, the first not ended as a sentence is) is one heading.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from beslut.importing.pdfstyle import Style
from beslut.importing.read import Read, Role
from beslut.importing.text import ends_sentence, is_heading_line
from beslut.model.draft import Block, BlockKind, Run

LARGER = 0.5  # points: a heading's size is at least this much over the body's
SAME = 0.25  # points: two sizes within this are one size
PITCH = 1.5  # a wrapped heading's lines stand at most this many sizes apart
TITLE_RATIO = 1.35  # the title is set at least this much larger than the body

Found = tuple[Read, list[Style] | None]


@dataclass(frozen=True, slots=True)
class _Look:
    size: float
    bold: bool


def _look(styles: list[Style]) -> _Look:
    return _Look(statistics.median(s.size for s in styles), all(s.bold for s in styles))


def _heading_like(read: Read, look: _Look, body: float) -> bool:
    block = read.block
    if read.role is not Role.TEXT or block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
        return False
    if block.kind is BlockKind.HEADING:
        return True
    return is_heading_line(block.text) and (look.bold or look.size >= body + LARGER)


def joined(found: list[Found], body: float, known: Callable[[str], bool]) -> list[Found]:
    """``found`` with each heading wrapped over two lines made one."""
    out: list[Found] = []
    for read, styles in found:
        if out and styles and out[-1][1]:
            upper, above = out[-1]
            assert above is not None
            first, second = _look(above), _look(styles)
            if (
                _heading_like(upper, first, body)
                and _heading_like(read, second, body)
                and abs(first.size - second.size) <= SAME
                and first.bold == second.bold
                and (first.bold or first.size >= body + LARGER)
                and 0 < above[-1].y - styles[0].y <= PITCH * first.size
                and not ends_sentence(upper.block.text)
                and not known(upper.block.text)
                and not known(read.block.text)
            ):
                text = f"{upper.block.text} {read.block.text}"
                block = Block(BlockKind.HEADING, (Run(text),), level=1)
                out[-1] = (Read(block, upper.role), above + styles)
                continue
        out.append((read, styles))
    return out


def headings(found: list[Found], body: float, known: Callable[[str], bool]) -> list[Read]:
    """The blocks with their headings' kinds and levels (see the module's docstring)."""
    looks = [_look(styles) if styles else None for _read, styles in found]
    candidates = [
        i
        for i, ((read, _styles), look) in enumerate(zip(found, looks, strict=True))
        if look is not None and _heading_like(read, look, body)
    ]
    larger: list[float] = []
    for i in candidates:
        look = looks[i]
        assert look is not None
        if look.size >= body + LARGER and not any(abs(look.size - s) <= SAME for s in larger):
            larger.append(look.size)
    larger.sort(reverse=True)
    title = None
    if larger and larger[0] >= TITLE_RATIO * body:
        sizes = {i: look.size for i, look in enumerate(looks) if look is not None}
        top = [i for i in candidates if abs(sizes[i] - larger[0]) <= SAME]
        big = [i for i in candidates if sizes[i] >= body + LARGER]
        if top == big[:1]:  # the first large heading alone is set so large: the title
            title = top[0]
            larger.pop(0)
    reads = []
    for i, (read, _styles) in enumerate(found):
        look = looks[i]
        if i not in candidates or i == title or look is None:
            reads.append(read)
            continue
        rank = next((r for r, s in enumerate(larger) if abs(look.size - s) <= SAME), None)
        reads.append(_as_heading(read, rank, look.bold, known))
    return reads


def _as_heading(read: Read, rank: int | None, bold: bool, known: Callable[[str], bool]) -> Read:
    block = read.block
    plain = tuple(Run(r.text) for r in block.runs)
    if rank == 0:
        return Read(Block(BlockKind.HEADING, plain, level=1), Role.PART_HEADING)
    if rank == 1:
        return Read(Block(BlockKind.HEADING, plain, level=1))
    if rank is not None or bold:
        return Read(Block(BlockKind.HEADING, plain, level=2))
    if known(block.text):  # a part's name in the body's own type, alone on its line
        return Read(Block(BlockKind.HEADING, plain, level=1))
    if block.kind is BlockKind.HEADING:  # a short line in the body's own type: text
        return Read(Block(BlockKind.PARAGRAPH, block.runs))
    return read
