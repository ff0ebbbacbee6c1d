"""Footnotes in plain text (no Qt): text copied out of a PDF, or saved as text from Word,
has a footnote's mark as digits right after a word ("rustas upp.1") and the note's text
as a line of its own that begins with the number ("1 Enligt besiktningen ...").

A line is taken for a note's text only when it has the number the next note should have
(1, 2, 3, ...), its text (with the lower-case lines that go on with it) ends as a
sentence does, and a mark with that number stands in the text before it (the nearest
is taken, so a "1" further up is no mark of this note). The note leaves
the text; its mark becomes NOTE_MARK (which text.py reads past, so "upp.1" still ends a
sentence) until the blocks are made, and then the note goes on the run the mark ends.
Other digits stay as they are. The plain-text export writes notes in a form of its own
(textformat.py: "upp.[1]", and "[1] Enligt ..." after the part), read exactly; a text
that has notes in that form is not searched for the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from beslut.importing.read import Read
from beslut.importing.text import CELLS, NOTE_MARK, blocks_of, ends_sentence, text_lines
from beslut.importing.textlayout import laid_out
from beslut.model.draft import Block, BlockKind, Run
from beslut.textformat import INDENT_STEP, NOTE_LINE, NOTE_REF, NOTE_TEXT, note_ref

NOTE_END = (".", "!", "?", ")")  # a note's text is a sentence, where a heading is not
WINDOW = 200  # lines: how far before its text a note's mark is looked for


def _mark(number: int) -> re.Pattern[str]:
    """The mark of note ``number``: right after a lower-case letter, or after a
    sentence's punctuation that follows a letter ("upp.1"), not after a digit ("2,1")
    nor in a code in capitals ("CO2"), before a space, punctuation or the end."""
    return re.compile(rf"(?:(?<=[a-zåäöéü])|(?<=[^\W\d_][.,;:!?)”])){number}(?=[\s.,;:!?)]|$)")


def text_blocks(
    text: str,
    alone: Callable[[str], bool] | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[Read]:
    """The paragraphs, list items, headings and tables of a text file, in order, with
    its footnotes on their runs; a line for which ``alone`` is true stands alone, one
    for which ``known`` is (a part's name) is a heading (text.py's ``blocks_of``)."""
    lines = laid_out(text_lines(text.replace(NOTE_MARK, "")), alone)
    lines, notes = take_marked_notes(lines)
    if not notes:  # in the export's own form, "[1]", every note is marked so
        lines, notes = take_notes(lines)
    blocks = blocks_of(lines, alone, indent_step=INDENT_STEP, known=known)
    return place_notes(list(blocks), notes)


def take_marked_notes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """The notes in the plain-text export's form (textformat.py): a line "[2] Enligt
    ..." is note 2 when a mark "[2]" stands before it, in the nearest line that has one
    and is no table's row. The notes are numbered again in the order of their marks."""
    at: dict[int, int] = {}  # a mark's number: the kept line it stands in, the latest
    kept: list[str] = []
    taken: list[tuple[int, int, str]] = []  # the mark's line, its number, the note
    for line in lines:
        match = NOTE_TEXT.match(line) if line.startswith("[") else None
        if match is not None and int(match.group(1)) in at:
            number = int(match.group(1))
            taken.append((at.pop(number), number, match.group(2)))
            continue
        if "[" in line and CELLS not in line:
            for mark in NOTE_REF.finditer(line):
                at[int(mark.group(1))] = len(kept)
        kept.append(line)
    if not taken:
        return lines, {}
    placed: list[tuple[int, int, str]] = []  # where each mark stood, in reading order
    for index, number, note in taken:
        where = kept[index].index(note_ref(number))
        kept[index] = kept[index].replace(note_ref(number), NOTE_MARK, 1)
        placed.append((index, where, note))
    # A mark's place measured after others in its line were replaced still orders it.
    placed.sort()
    return kept, {n: note for n, (_i, _w, note) in enumerate(placed, start=1)}


def take_notes(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """``lines`` without the notes' lines and with their marks made NOTE_MARK, and the
    notes by their number."""
    notes: dict[int, str] = {}
    kept: list[str] = []
    searched = 0  # the kept lines before this hold the marks found so far
    i = 0
    while i < len(lines):
        line = lines[i]
        match = NOTE_LINE.match(line)
        number = len(notes) + 1
        if match is None or int(match.group(1)) != number:
            kept.append(line)
            i += 1
            continue
        text, after = match.group(2), i + 1  # a note's text may go on, in lower case
        while after < len(lines) and not ends_sentence(text) and lines[after].strip()[:1].islower():
            text, after = f"{text} {lines[after].strip()}", after + 1
        mark = _mark(number)
        at = next(
            (
                k
                for k in range(len(kept) - 1, max(searched, len(kept) - WINDOW) - 1, -1)
                if CELLS not in kept[k] and mark.search(kept[k])
            ),
            None,
        )
        if at is None or not text.endswith(NOTE_END):
            kept.append(line)
            i += 1
            continue
        kept[at] = mark.sub(NOTE_MARK, kept[at], count=1)
        notes[number], searched = text, at
        i = after  # the note's lines leave the text: what stood around them meets
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
