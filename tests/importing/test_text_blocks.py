"""Plain text into blocks, the cases real TUs showed: a fact-like line inside a paragraph,
a numbered list after a lead-in without a colon, space-aligned tables, tabs and page
furniture."""

from __future__ import annotations

from beslut.importing.facts import is_fact_line
from beslut.importing.textnotes import text_blocks
from beslut.model import Block


def _blocks(text: str) -> list[Block]:
    return [read.block for read in text_blocks(text, is_fact_line)]


def _summary(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in _blocks(text)]


def test_a_line_that_states_a_fact_inside_a_paragraph_stays_in_it() -> None:
    text = (
        "Bakgrund\n"
        "Kommunstyrelsen har remitterat förslaget till nämnden.\n"
        "\n"
        "Detta tjänsteutlåtande har utarbetats inom kansliavdelningen i samarbete med\n"
        "staben för utredning och projekt, Europaforum Stockholm och Precens.\n"
        "\n"
        "Staben för utredning och statistik\n"
        "har lämnat synpunkter.\n"
    )
    assert _summary(text)[1:] == [
        ("paragraph", "Kommunstyrelsen har remitterat förslaget till nämnden."),
        (
            "paragraph",
            "Detta tjänsteutlåtande har utarbetats inom kansliavdelningen i samarbete med "
            "staben för utredning och projekt, Europaforum Stockholm och Precens.",
        ),
        ("paragraph", "Staben för utredning och statistik har lämnat synpunkter."),
    ]


def test_the_facts_of_the_head_still_stand_alone() -> None:
    text = (
        "Socialtjänstförvaltningen\n"
        "Staben för utredning och statistik\n"
        "Tjänsteutlåtande\n"
        "Dnr 106-555/2004\n"
        "\n"
        "Remissvar om integrationspolicy\n"
    )
    assert [b.text for b in _blocks(text)] == [
        "Socialtjänstförvaltningen",
        "Staben för utredning och statistik",
        "Tjänsteutlåtande",
        "Dnr 106-555/2004",
        "Remissvar om integrationspolicy",
    ]


def test_a_numbered_list_after_a_lead_in_without_a_colon_is_a_list() -> None:
    text = (
        "Medlemsstaterna har utarbetat nationella handlingsplaner.\n"
        "\n"
        "Målen är att\n"
        "1. underlätta deltagande i sysselsättning och allas tillgång till resurser och\n"
        "\n"
        "tjänster,\n"
        "2. förebygga risken för utestängning,\n"
        "3. hjälpa de mest utsatta.\n"
        "\n"
        "Antalet platser i stadens simskolor för barn och unga ökade under året till\n"
        "120. Det är fler än väntat, och ingen lista följer.\n"
    )
    assert _summary(text) == [
        ("paragraph", "Medlemsstaterna har utarbetat nationella handlingsplaner."),
        ("paragraph", "Målen är att"),
        (
            "numbered",
            "underlätta deltagande i sysselsättning och allas tillgång till resurser och tjänster,",
        ),
        ("numbered", "förebygga risken för utestängning,"),
        ("numbered", "hjälpa de mest utsatta."),
        (
            "paragraph",
            "Antalet platser i stadens simskolor för barn och unga ökade under året till 120. "
            "Det är fler än väntat, och ingen lista följer.",
        ),
    ]
