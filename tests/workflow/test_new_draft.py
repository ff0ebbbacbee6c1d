"""A new draft with the user's details (beslut.workflow.drafts)."""

from __future__ import annotations

import datetime as dt

from beslut.doctypes import load_doctype
from beslut.doctypes.loader import DocType, SectionSpec
from beslut.model import Draft, Metadata, Person, Section, Status
from beslut.settings import Settings
from beslut.workflow.drafts import new_draft
from tests.today import TODAY

DOCTYPE = DocType(
    "yttrande",
    "Yttrande",
    sections=(
        SectionSpec("sammanfattning", "Sammanfattning", required=True, guidance="Kort."),
        SectionSpec("synpunkter", "Förvaltningens synpunkter", example="Exempel."),
    ),
)
SETTINGS = Settings(
    name="Åsa Öberg",
    telefon="08-508 000 00",
    epost="asa.oberg@example.se",
    forvaltning="Idrottsförvaltningen",
    avdelning="Avdelningen för anläggningar",
    adress="Box 1",
)


def test_a_new_draft_has_the_users_details_and_the_types_sections() -> None:
    draft = new_draft(DOCTYPE, SETTINGS, dt.date(2026, 3, 2))
    assert draft == Draft(
        meta=Metadata(
            doctype="yttrande",
            date=dt.date(2026, 3, 2),
            forvaltning="Idrottsförvaltningen",
            avdelning="Avdelningen för anläggningar",
            handlaggare=Person("Åsa Öberg", "08-508 000 00", "asa.oberg@example.se"),
        ),
        sections=(
            Section("sammanfattning", "Sammanfattning"),
            Section("synpunkter", "Förvaltningens synpunkter"),
        ),
    )
    assert draft.meta.status is Status.UTKAST
    assert (draft.meta.title, draft.meta.namnd, draft.meta.dnr) == ("", "", "")
    assert draft.decisions == () and draft.attachments == () and draft.signatories == ()


def test_a_new_draft_is_dated_today_by_default() -> None:
    draft = new_draft(load_doctype("beslutsarende"), Settings())
    assert draft.meta.date == TODAY
    assert draft.meta.handlaggare == Person()
    assert [s.key for s in draft.sections] == [
        s.key for s in load_doctype("beslutsarende").sections
    ]
