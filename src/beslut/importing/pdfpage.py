"""What the places of a PDF page's lines tell (no Qt): the footnotes at the page's foot,
and where paragraphs part.

The layout text pypdf gives has a blank line only where a whole line's height is
empty; a template's paragraphs are often parted by less (6 pt after each, say). Each
line's characters are found among the page's (pdfstyle.py) for its size, baseline,
right edge and, in a tagged PDF, its paragraph. Small lines at the foot that begin with
a number, a number the page marks in small digits, are footnotes. Two lines are two
paragraphs when a tagged PDF says so; without tags, when the gap between them is wider
than the line pitch by a quarter, or when the first ends a sentence though the next
line's first word would have fitted after it (by the fonts' widths).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from beslut.importing.pdfstyle import MARK_SIZE, PLAIN, Chars
from beslut.importing.text import (
    BULLET,
    CELLS,
    NOTE_LINE,
    NUMBER,
    PAGE_BREAK,
    ends_sentence,
    is_heading_line,
    join_lines,
)

NOTE_SIZE = 0.95  # a footnote's text is set smaller than this share of the body's (10 under 11 pt)
SPACED = 1.25  # a gap this many line pitches wide parts two paragraphs
SPACE = 0.25  # a space is at least this wide, in em
SLACK = 0.5  # points: a word fits when it fits with this to spare
Breaks = Literal["measured", "spaced", "guessed"]


@dataclass(frozen=True, slots=True)
class _Line:
    """Where a line stands: its baseline, where its last character ends (0: unknown),
    how wide its first word is, the size it is set in, its paragraph, and where its
    characters are among the page's."""

    baseline: float
    right: float
    first: float
    size: float
    block: int  # the tagged paragraph its last character belongs to (-1: not known)
    begin: int
    end: int


def footnotes(lines: list[str], chars: Chars, body: float) -> tuple[list[str], dict[int, str]]:
    """A page's lines without the footnotes at its foot, and those notes by their
    number: the last lines, set smaller than the body's text (``body`` points), from
    the first that begins with a number; every such number must stand as a mark (small
    digits) in the page's text, else nothing is taken for a note."""
    if body <= 0:
        return lines, {}
    stream = "".join(c for c, _s in chars)
    cut, taken = len(lines), set[int]()
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].strip():
            continue
        found = _place(lines[i], stream, 0, reverse=True)
        if found is None or CELLS in lines[i]:
            break
        begin, end = found
        if statistics.median(s.size for _c, s in chars[begin:end]) > NOTE_SIZE * body:
            break
        cut = i
        taken.update(range(begin, end))
    first = next((i for i in range(cut, len(lines)) if NOTE_LINE.match(lines[i].strip())), None)
    if first is None:
        return lines, {}
    notes: dict[int, str] = {}
    number = 0
    for line in lines[first:]:
        text = line.strip()
        note = NOTE_LINE.match(text)
        if note:
            number = int(note.group(1))
            notes[number] = note.group(2)
        elif text:
            notes[number] = join_lines(notes[number], text)
    if not set(notes) <= _marks(chars, taken, body):
        return lines, {}
    return lines[:first], notes


def _marks(chars: Chars, taken: set[int], body: float) -> set[int]:
    """The numbers that small digits make in the page's text (outside ``taken``, the
    notes' own lines)."""
    marks, digits = set(), ""
    for i, (c, style) in enumerate([*chars, (" ", PLAIN)]):
        if c.isdigit() and 0 < style.size <= MARK_SIZE * body and i not in taken:
            digits += c
        elif digits:
            marks.add(int(digits))
            digits = ""
    return marks


def parted(pages: list[list[str]], chars: list[Chars]) -> tuple[list[str], Breaks, Chars]:
    """The pages' lines in one list, PAGE_BREAK between pages, with a blank line where
    two paragraphs part (see the module's docstring); what the blank lines tell
    (text.py's ``blocks_of``): every paragraph break when tags or widths are known, else
    those within a page when the gaps tell them, else only some; and the characters of
    those lines, in order (not the footnotes' or the pages' furniture)."""
    placed = [_lines(page, page_chars) for page, page_chars in zip(pages, chars, strict=True)]
    gaps = Counter(
        round(upper.baseline - lower.baseline)
        for ms in placed
        for upper, lower in pairwise(ms)
        if upper is not None and lower is not None and upper.baseline > lower.baseline
    )
    pitch = gaps.most_common(1)[0][0] if gaps else 0
    margin = _margin(pages, placed)
    text: Chars = []
    out: list[str] = []
    spaced = tagged = 0
    upper: tuple[str, _Line] | None = None
    for page, ms, page_chars in zip(pages, placed, chars, strict=True):
        text += [c for m in ms if m is not None for c in page_chars[m.begin : m.end]]
        filled = list(zip(page, ms, strict=True))
        while filled and not filled[-1][0].strip():
            filled.pop()
        while filled and not filled[0][0].strip():
            filled.pop(0)
        if not filled:
            continue
        if out:
            out.append(PAGE_BREAK)
        for i, (line, m) in enumerate(filled):
            if not line.strip():  # a blank line of the layout's own: a break
                out.append("")
                upper = None
                continue
            if upper is not None and m is not None:
                table = CELLS in line and CELLS in upper[0]
                gap = bool(i and pitch and upper[1].baseline - m.baseline > SPACED * pitch)
                if min(upper[1].block, m.block) >= 0 and not table:
                    tagged += 1
                    if upper[1].block != m.block:
                        out.append("")
                elif gap and not table:
                    out.append("")
                    spaced += _parts_paragraphs(upper[0], line)
                elif margin and _fitted(upper, (line, m), margin):
                    out.append("")
            out.append(line)
            upper = (line, m) if m is not None else None
    measured = margin > 0 or tagged > 0
    return out, "measured" if measured else "spaced" if spaced >= 2 else "guessed", text


def _margin(pages: list[list[str]], placed: list[list[_Line | None]]) -> float:
    """The text's right edge: nearly the furthest that lines of the body's size reach
    (a line that reaches further, a heading or a head's column, does not count); 0 when
    the widths are not known."""
    lines = [
        m
        for page, ms in zip(pages, placed, strict=True)
        for line, m in zip(page, ms, strict=True)
        if m and CELLS not in line
    ]
    sizes = Counter(m.size for m in lines)
    if not sizes:
        return 0.0
    body = sizes.most_common(1)[0][0]
    rights = sorted(m.right for m in lines if m.size == body)
    return rights[int(len(rights) * 0.98)] if len(rights) >= 20 else rights[-1]


def _fitted(upper: tuple[str, _Line], lower: tuple[str, _Line], margin: float) -> bool:
    """True when ``upper`` ends a sentence and ``lower``'s first word would have fitted
    after it within ``margin`` (the text's right edge): the paragraph ended there."""
    (text, above), (line, below) = upper, lower
    line = line.strip()
    if CELLS in text or CELLS in line or not ends_sentence(text) or not line[:1].isupper():
        return False
    if BULLET.match(line) or NUMBER.match(line) or not above.right:
        return False
    return above.right + SPACE * above.size + below.first <= margin - SLACK


def _parts_paragraphs(upper: str, lower: str) -> bool:
    """True when a gap between ``upper`` and ``lower`` parts two paragraphs of running
    text (not a heading from its text, a list or a table): the sign that the text's
    paragraphs have space between them."""
    lower = lower.strip()
    return not (
        CELLS in upper
        or CELLS in lower
        or BULLET.match(lower)
        or NUMBER.match(lower)
        or is_heading_line(lower)
        or is_heading_line(upper)
    )


def _lines(lines: list[str], chars: Chars) -> list[_Line | None]:
    """Where each of a page's lines stands; None for a blank line or one whose
    characters are not found."""
    stream = "".join(c for c, _s in chars)
    out: list[_Line | None] = []
    position = 0
    for line in lines:
        found = _place(line, stream, position)
        if found is None:
            out.append(None)
            continue
        begin, position = found
        styles = [s for _c, s in chars[begin:position]]
        word = len(line.split(maxsplit=1)[0]) if line.split() else 0
        first = sum(s.width for s in styles[:word])
        baseline = Counter(s.y for s in styles).most_common(1)[0][0]
        last = styles[-1]
        out.append(_Line(baseline, last.right, first, last.size, last.block, begin, position))
    return out


def _place(line: str, stream: str, start: int, reverse: bool = False) -> tuple[int, int] | None:
    """Where ``line``'s characters stand in the page's ``stream``: the first place from
    ``start`` (else the first of all), or with ``reverse`` the last."""
    wanted = "".join(line.replace(CELLS, "").split())
    if not wanted:
        return None
    begin = stream.rfind(wanted) if reverse else stream.find(wanted, start)
    if begin < 0 and not reverse:
        begin = stream.find(wanted)
    return (begin, begin + len(wanted)) if begin >= 0 else None
