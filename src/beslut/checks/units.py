"""Every piece of text in a draft, with what kind of text it is and where it is."""

from __future__ import annotations

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


def text_units(draft: Draft) -> list[TextUnit]:
    """All non-empty texts of ``draft`` in document order."""
    meta = draft.meta
    units = [
        TextUnit(UnitKind.TITLE, Location(META, field=TITLE), meta.title),
        TextUnit(UnitKind.SUBTITLE, Location(META, field=SUBTITLE), meta.subtitle),
    ]
    units += [
        TextUnit(UnitKind.DECISION, Location(DECISIONS, index), text)
        for index, text in enumerate(draft.decisions)
    ]
    for section in draft.sections:
        key = section.key
        units.append(
            TextUnit(UnitKind.SECTION_HEADING, Location(key, field=HEADING), section.heading)
        )
        for index, block in enumerate(section.blocks):
            units += _block_units(block, Location(key, index))
    units += [
        TextUnit(UnitKind.ATTACHMENT_TITLE, Location(ATTACHMENTS, index, TITLE), att.title)
        for index, att in enumerate(draft.attachments)
    ]
    return [unit for unit in units if unit.text.strip()]


def _block_units(block: Block, where: Location) -> list[TextUnit]:
    """The block's text (a table's: each cell), then the footnotes in it."""
    if block.kind is not BlockKind.TABLE:
        units = [TextUnit(_BLOCK_KINDS[block.kind], where, block.text)]
        return units + _notes(block.runs, where, None)
    units = []
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            text = "".join(run.text for run in cell)
            field = text_field((r, c))
            units.append(TextUnit(UnitKind.TABLE_CELL, _at(where, field), text))
            units += _notes(cell, where, (r, c))
    return units


def _notes(runs: tuple[Run, ...], where: Location, cell: tuple[int, int] | None) -> list[TextUnit]:
    return [
        TextUnit(UnitKind.NOTE, _at(where, text_field(cell, j)), run.note)
        for j, run in enumerate(runs)
        if run.note
    ]


def _at(where: Location, field: str) -> Location:
    return Location(where.part, where.index, field)
