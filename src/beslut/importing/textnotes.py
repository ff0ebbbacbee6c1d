"""Footnotes in plain text (no Qt): text copied out of a PDF, or saved as text from Word,
has a footnote's mark as digits right after a word ("rustas upp.1") and the note's text
as a line of its own that begins with the number ("1 Enligt besiktningen ...").

A line is taken for a note's text only when it has the number the next note should have
(1, 2, 3, ...) and a mark with that number stands in the text before it. The note leaves
the text; its mark becomes NOTE_MARK (which text.py reads past, so "upp.1" still ends a
sentence) until the blocks are made, and then the note goes on the run the mark ends.
Other digits stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from beslut.importing.read import Read
from beslut.importing.text import CELLS, NOTE_MARK, blocks_of, text_lines
from beslut.model.draft import Block, BlockKind, Run

NOTE_LINE = re.compile(r"^\s*(\d{1,3})\s+([A-ZÅÄÖÉ].*\S)\s*$")


def _mark(number: int) -> re.Pattern[str]:
    """The mark of note ``number``: right after a letter or a sentence's punctuation,
    not part of a longer number, before a space, punctuation or the end."""
    return re.compile(rf"(?<=[^\W\d_]|[.,;:!?)”]){number}(?=[\s.,;:!?)]|$)")


def text_blocks(
    text: str,
    alone: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[Read]:
    """The paragraphs, list items, headings and tables of a text file, in order, with
    its footnotes on their runs; a line for which ``alone`` is true stands alone, one
    for which ``known`` is (a part's name) is a heading (text.py's ``blocks_of``)."""
    lines, notes = take_notes(text_lines(text))
    return place_notes(list(blocks_of(lines, alone, indent_step=2, known=known)), notes)


def take_notes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """``lines`` without the notes' lines and with their marks made NOTE_MARK, and the
    notes by their number."""
    notes: dict[int, str] = {}
    kept: list[str] = []
    searched = 0  # the kept lines before this hold the marks found so far
    current: int | None = None  # the note whose text a lower-case line goes on with
    for line in lines:
        if current is not None and line.strip()[:1].islower():
            notes[current] = f"{notes[current]} {line.strip()}"
            continue
        current = None
        match = NOTE_LINE.match(line)
        number = len(notes) + 1
        if match and int(match.group(1)) == number:
            mark = _mark(number)
            at = next(
                (
                    i
                    for i in range(searched, len(kept))
                    if CELLS not in kept[i] and mark.search(kept[i])
                ),
                None,
            )
            if at is not None:
                kept[at] = mark.sub(NOTE_MARK, kept[at], count=1)
                notes[number], current, searched = match.group(2), number, at
                kept.append("")  # the note parted what stood around it
                continue
        kept.append(line)
    return kept, notes


def place_notes(reads: list[Read], notes: dict[int, str]) -> list[Read]:
    """The notes put on the runs their marks end, in order."""
    if not notes:
        return reads
    out: list[Read] = []
    number = 1
    for read in reads:
        block = read.block
        if block.kind is not BlockKind.TABLE and NOTE_MARK in block.text:
            pieces = block.text.split(NOTE_MARK)
            runs = []
            for piece in pieces[:-1]:
                runs.append(Run(piece, note=notes.get(number, "")))
                number += 1
            if pieces[-1]:
                runs.append(Run(pieces[-1]))
            block = Block(block.kind, tuple(runs), block.level, block.start)
        out.append(Read(block, read.role))
    return out
