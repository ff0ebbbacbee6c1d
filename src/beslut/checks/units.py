"""Every piece of text in a draft, with what kind of text it is and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from beslut.checks.findings import ATTACHMENTS, DECISIONS, HEADING, META, SUBTITLE, TITLE, Location
from beslut.model.draft import BlockKind, Draft


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


# Running text: written in sentences.
RUNNING = frozenset({UnitKind.PARAGRAPH, UnitKind.BULLET, UnitKind.NUMBERED, UnitKind.DECISION})
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
        units += [
            TextUnit(_BLOCK_KINDS[block.kind], Location(key, index), block.text)
            for index, block in enumerate(section.blocks)
        ]
    units += [
        TextUnit(UnitKind.ATTACHMENT_TITLE, Location(ATTACHMENTS, index, TITLE), att.title)
        for index, att in enumerate(draft.attachments)
    ]
    return [unit for unit in units if unit.text.strip()]
