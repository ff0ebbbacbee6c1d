"""A draft with every kind of content the model holds (format version 2), for the tests
of the format, the export, the granskning and the editor."""

from __future__ import annotations

import datetime as dt

from beslut.model import Block, BlockKind, Draft, Metadata, Person, Run, Section, Signatory
from beslut.model.draft import Attachment


def rich_draft() -> Draft:
    """Tables, list levels, a numbered list that continues after a paragraph and one that
    restarts, both heading levels, a footnote, a link, and an own part between two of
    the document type's parts, under its own heading."""
    numbered = BlockKind.NUMBERED
    return Draft(
        Metadata(
            title="Upprustning av Husbybadet",
            doctype="beslutsarende",
            namnd="Idrottsnämnden",
            meeting_date=dt.date(2027, 3, 16),
            dnr="IDN 2027/88",
            date=dt.date(2027, 2, 20),
            forvaltning="Idrottsförvaltningen",
            handlaggare=Person("Eva Ek", "08-508 000 00", "eva.ek@stad.se"),
        ),
        decisions=("Idrottsnämnden godkänner upprustningen av Husbybadet.",),
        sections=(
            Section(
                "sammanfattning",
                "Sammanfattning",
                (
                    Block(
                        BlockKind.PARAGRAPH,
                        (
                            Run("Badet byggdes 1974 och behöver rustas upp"),
                            Run(".", note="Enligt statusbesiktningen från 2026."),
                        ),
                    ),
                ),
            ),
            Section(
                "bakgrund",
                "Bakgrund och tidigare beslut",  # an own heading for a known part
                (
                    Block.plain(BlockKind.HEADING, "Badets skick"),
                    Block.plain(BlockKind.PARAGRAPH, "Besiktningen fann tre brister:"),
                    Block.plain(numbered, "Ventilationen är uttjänt."),
                    Block.plain(numbered, "Bassängens kakel lossnar."),
                    Block.plain(BlockKind.PARAGRAPH, "Dessutom gäller följande:"),
                    Block.plain(numbered, "Omklädningsrummen saknar tillgänglighet."),
                    Block(numbered, (Run("Ett nytt varv av punkter."),), start=1),
                    Block(BlockKind.HEADING, (Run("Tidigare utredningar"),), level=2),
                    Block(
                        BlockKind.PARAGRAPH,
                        (
                            Run("Se "),
                            Run("stadens anläggningsplan", link="https://start.stockholm/plan"),
                            Run(" för helheten."),
                        ),
                    ),
                ),
            ),
            Section(
                "ekonomiska_konsekvenser",
                "Ekonomiska konsekvenser",  # an own part the document type does not know
                (
                    Block.table(
                        [["Åtgärd", "Kostnad (mnkr)"], ["Ventilation", "4,5"], ["Kakel", "2,1"]]
                    ),
                    Block.plain(BlockKind.BULLET, "Finansieras inom investeringsramen."),
                    Block(BlockKind.BULLET, (Run("varav 1 mnkr under 2027"),), level=1),
                    Block(BlockKind.BULLET, (Run("resten 2028"),), level=2),
                ),
            ),
            Section(
                "arendet",
                "Ärendet",
                (Block(BlockKind.PARAGRAPH, (Run("Arbetet planeras till hösten.", bold=True),)),),
            ),
        ),
        attachments=(Attachment("Statusbesiktning"),),
        signatories=(Signatory("Anna Andersson", "Förvaltningschef"),),
    )
