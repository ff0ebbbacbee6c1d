"""Every piece of text in a draft, with what kind of text it is and where it is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from beslut.checks.findings import (
    ATTACHMENTS,
    DECISIONS,
    HEADING,
    META,
    SUBTITLE,
    TITLE,
    Location,
    text_field,
)
from beslut.model.draft import Block, BlockKind, Draft, Run


class UnitKind(StrEnum):
    """What a piece of text is; rules choose the kinds they read."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"
    SUBHEADING = "subheading"
    DECISION = "decision"
    SECTION_HEADING = "section_heading"
    TITLE = "title"
    SUBTITLE = "subtitle"
    ATTACHMENT_TITLE = "attachment_title"
    TABLE_CELL = "table_cell"
    NOTE = "note"


# Running text: written in sentences (a footnote is too). A table cell is not: "4,5" or
# "Ventilation" is no sentence, so LIX and sentence length leave cells out; the rules on
# dates, personnummer and spacing read them (DATED, and every unit).
RUNNING = frozenset(
    {UnitKind.PARAGRAPH, UnitKind.BULLET, UnitKind.NUMBERED, UnitKind.DECISION, UnitKind.NOTE}
)
DATED = RUNNING | {UnitKind.TABLE_CELL}
HEADINGS = frozenset({UnitKind.SUBHEADING, UnitKind.SECTION_HEADING, UnitKind.TITLE})

_BLOCK_KINDS = {
    BlockKind.PARAGRAPH: UnitKind.PARAGRAPH,
    BlockKind.BULLET: UnitKind.BULLET,
    BlockKind.NUMBERED: UnitKind.NUMBERED,
    BlockKind.HEADING: UnitKind.SUBHEADING,
}


@dataclass(frozen=True, slots=True)
class TextUnit:
    """One piece of text of the draft: a block, a decision point, a heading or a title."""

    kind: UnitKind
    location: Location
    text: str

    @property
    def part(self) -> str:
        """The part of the draft the text belongs to (section key, DECISIONS, ...)."""
        return self.location.part


# One text as raw_texts gives it: kind, part, index, field and the text (maybe blank).
RawText = tuple[UnitKind, str, int | None, str, str]


def text_units(draft: Draft) -> list[TextUnit]:
    """All non-empty texts of ``draft`` in document order."""
    return [
        TextUnit(kind, Location(part, index, field), text)
        for kind, part, index, field, text in raw_texts(draft)
        if text.strip()
    ]


def raw_texts(draft: Draft) -> Iterator[RawText]:
    """Every text of ``draft`` in document order as plain tuples, blank ones included.

    text_units without an object per text, for a caller that reads every text and keeps
    few (find in the draft).
    """
    meta = draft.meta
    yield UnitKind.TITLE, META, None, TITLE, meta.title
    yield UnitKind.SUBTITLE, META, None, SUBTITLE, meta.subtitle
    for index, text in enumerate(draft.decisions):
        yield UnitKind.DECISION, DECISIONS, index, "", text
    for section in draft.sections:
        key = section.key
        yield UnitKind.SECTION_HEADING, key, None, HEADING, section.heading
        for index, block in enumerate(section.blocks):
            yield from _block_texts(block, key, index)
    for index, att in enumerate(draft.attachments):
        yield UnitKind.ATTACHMENT_TITLE, ATTACHMENTS, index, TITLE, att.title


def _block_texts(block: Block, part: str, index: int) -> Iterator[RawText]:
    """The block's text (a table's: each cell), then the footnotes in it."""
    if block.kind is not BlockKind.TABLE:
        yield _BLOCK_KINDS[block.kind], part, index, "", block.text
        yield from _notes(block.runs, part, index, None)
        return
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            text = "".join(run.text for run in cell)
            yield UnitKind.TABLE_CELL, part, index, text_field((r, c)), text
            yield from _notes(cell, part, index, (r, c))


def _notes(
    runs: tuple[Run, ...], part: str, index: int, cell: tuple[int, int] | None
) -> Iterator[RawText]:
    for j, run in enumerate(runs):
        if run.note:
            yield UnitKind.NOTE, part, index, text_field(cell, j), run.note
