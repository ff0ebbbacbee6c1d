"""A draft full of personal data of every kind, for the publication-copy tests."""

from __future__ import annotations

import datetime as dt

from beslut.model import Attachment, Block, BlockKind, Draft, Section
from beslut.model.draft import Metadata, Person, Run, Signatory

HANDLAGGARE = Person("Karin Perols", "08-508 123 45", "karin.perols@stockholm.se")
SIGNATORY = Signatory("Eva Ek", "Förvaltningschef")

# Every private value in the draft: none may be in the publication copy.
PRIVATE = (
    "Anna Svensson",
    "811218-9876",
    "Storgatan 5 B",
    "123 45 Åby",
    "anna.svensson@gmail.com",
    "070-123 45 67",
    "701063-2391",
    "811218-9875",
    "Lars Nilsson",
    "Per Andersson",
    "Kungsgatan 12",
    "Gustav Berg",
    "0731234567",
    "Maria Lind",
    "Olle Holm",
)
# What must stay: the organisation's own people and details, and the rest of the text.
KEPT = (
    "Karin Perols",
    "08-508 123 45",
    "karin.perols@stockholm.se",
    "Eva Ek",
    "Bidrag till",
    "Nämnden avslår ansökan från",
    "har yttrat sig",
    "Se yttrandet",
    "Yttrande från",
    "Brev från",
    "Telefon",
)


def personal_draft() -> Draft:
    """A TU with personal data in the title, subtitle, decisions, paragraphs, a table
    cell, a footnote, a heading and a bilaga title."""
    note = Run("Se yttrandet", note="Yttrande från Per Andersson, Kungsgatan 12.")
    link = Run("anna.svensson@gmail.com", link="mailto:anna.svensson@gmail.com")
    return Draft(
        meta=Metadata(
            title="Bidrag till Anna Svensson",
            subtitle="Ansökan från 811218-9876",
            namnd="Socialnämnden",
            dnr="SN 2026/12",
            date=dt.date(2026, 2, 22),
            forvaltning="Socialförvaltningen",
            handlaggare=HANDLAGGARE,
        ),
        decisions=("Nämnden avslår ansökan från Lars Nilsson.",),
        sections=(
            Section(
                "bakgrund",
                "Bakgrund om Olle Holm",
                (
                    Block.plain(
                        BlockKind.PARAGRAPH,
                        "Sökanden Anna Svensson, 811218-9876, bor på Storgatan 5 B, 123 45 Åby.",
                    ),
                    Block(
                        BlockKind.PARAGRAPH,
                        (Run("Hon nås på "), link, Run(" eller 070-123 45 67.")),
                    ),
                    Block.plain(
                        BlockKind.PARAGRAPH,
                        "Hennes make har samordningsnummer 701063-2391, och 811218-9875 står "
                        "i ansökan.",
                    ),
                    Block.plain(
                        BlockKind.PARAGRAPH,
                        "Kontakta handläggaren Karin Perols på 08-508 123 45 eller "
                        "karin.perols@stockholm.se. Förvaltningschef Eva Ek har yttrat sig.",
                    ),
                    Block(BlockKind.PARAGRAPH, (note, Run("."))),
                    Block.table([["Namn", "Telefon"], ["Gustav Berg", "0731234567"]]),
                ),
            ),
        ),
        attachments=(Attachment("Brev från Maria Lind"),),
        signatories=(SIGNATORY,),
    )
