"""Tests for beslut.checks.units: every text of a draft with its kind and place."""

from __future__ import annotations

from beslut.checks.findings import ATTACHMENTS, DECISIONS, HEADING, META, SUBTITLE, TITLE
from beslut.checks.units import TextUnit, UnitKind, text_units
from beslut.model import Attachment, Block, BlockKind, Draft, Metadata, Section


def test_units_come_in_document_order_with_their_locations() -> None:
    draft = Draft(
        meta=Metadata(title="Avgiftsfri simskola", subtitle="Svar på uppdrag"),
        decisions=("Idrottsnämnden inför avgiftsfri simskola.", ""),
        sections=(
            Section(
                "arendet",
                "Ärendet",
                (
                    Block.plain(BlockKind.HEADING, "Vem simskolan är till för"),
                    Block.plain(BlockKind.PARAGRAPH, "Simskolan vänder sig till barn som"),
                    Block.plain(BlockKind.PARAGRAPH, "   "),
                    Block.plain(BlockKind.BULLET, "går i årskurs 1–3,"),
                    Block.plain(BlockKind.NUMBERED, "anmäls av vårdnadshavare."),
                ),
            ),
        ),
        attachments=(Attachment("Kostnadsberäkning"), Attachment("")),
    )
    units = text_units(draft)
    assert [(u.kind, u.part, u.location.index, u.location.field) for u in units] == [
        (UnitKind.TITLE, META, None, TITLE),
        (UnitKind.SUBTITLE, META, None, SUBTITLE),
        (UnitKind.DECISION, DECISIONS, 0, ""),
        (UnitKind.SECTION_HEADING, "arendet", None, HEADING),
        (UnitKind.SUBHEADING, "arendet", 0, ""),
        (UnitKind.PARAGRAPH, "arendet", 1, ""),
        (UnitKind.BULLET, "arendet", 3, ""),
        (UnitKind.NUMBERED, "arendet", 4, ""),
        (UnitKind.ATTACHMENT_TITLE, ATTACHMENTS, 0, TITLE),
    ]
    assert isinstance(units[0], TextUnit) and units[0].text == "Avgiftsfri simskola"
