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


def test_a_table_laid_out_with_spaces_is_a_table_not_headings() -> None:
    text = (
        "Kostnaderna framgår av tabellen.\n"
        "\n"
        "År      Kostnad     Antal\n"
        "------  ----------  -----\n"
        "2027    4,5 mnkr       12\n"
        "2028    12,25 mnkr      3\n"
        "\n"
        "Nästa stycke.  Efter punkten står två mellanslag, som förr, i en text som\n"
        "går vidare.  Också här står två mellanslag, men på en annan plats.\n"
    )
    blocks = _blocks(text)
    assert [b.kind.value for b in blocks] == ["paragraph", "table", "paragraph"]
    table = blocks[1]
    assert table.header_rows == 1
    assert [[cell[0].text for cell in row] for row in table.rows] == [
        ["År", "Kostnad", "Antal"],
        ["2027", "4,5 mnkr", "12"],
        ["2028", "12,25 mnkr", "3"],
    ]


def test_a_table_laid_out_with_tabs_is_a_table_and_a_list_with_tabs_a_list() -> None:
    text = "Nämnd\tDatum\nIdrottsnämnden\t2027-01-05\n\n•\tfler barn\n•\tfärre drunkna\n"
    blocks = _blocks(text)
    assert [b.kind.value for b in blocks] == ["table", "bullet", "bullet"]
    assert blocks[0].text == "Nämnd\tDatum\nIdrottsnämnden\t2027-01-05"
    assert [b.text for b in blocks[1:]] == ["fler barn", "färre drunkna"]


def test_tabs_indent_a_list_and_part_words_as_spaces() -> None:
    text = (
        "Nämnden följer upp verksamheten\toch finner att målen nås.\n"
        "\n"
        "\t• en punkt\n"
        "\t\t• en punkt under den\n"
    )
    assert [(b.kind.value, b.level, b.text) for b in _blocks(text)] == [
        ("paragraph", 0, "Nämnden följer upp verksamheten och finner att målen nås."),
        ("bullet", 1, "en punkt"),
        ("bullet", 2, "en punkt under den"),
    ]


def test_page_numbers_and_page_furniture_leave_the_text() -> None:
    text = (
        "Nämnden har under året följt upp verksamheten och funnit att målen nås i\n"
        "Sida 3 av 7\n"
        "hela staden.\n"
        "Idrottsförvaltningen |15\n"
        "\n"
        "3 (7)\n"
        "Nästa stycke börjar här\n"
        "och slutar här.\n"
        "Idrottsförvaltningen |16\n"
        "Sista stycket.\n"
        "|17\n"
    )
    assert [b.text for b in _blocks(text)] == [
        "Nämnden har under året följt upp verksamheten och funnit att målen nås i hela staden.",
        "Nästa stycke börjar här och slutar här.",
        "Sista stycket.",
    ]


def test_a_table_of_bars_keeps_its_numbers() -> None:
    (table,) = _blocks("År | Antal\n2027 | 12\n2028 | 3\n")
    assert [[cell[0].text for cell in row] for row in table.rows] == [
        ["År", "Antal"],
        ["2027", "12"],
        ["2028", "3"],
    ]


def test_the_head_laid_out_in_columns_stays_facts() -> None:
    text = (
        "Idrottsförvaltningen         Tjänsteutlåtande\n"
        "Avdelningen för anläggning   Dnr IDN 2026/251\n"
        "\n"
        "Simskola för alla\n"
    )
    assert [b.kind.value for b in _blocks(text)] == ["paragraph", "paragraph", "heading"]
    labelled = "Handläggare:\tEva Ek\nTelefon:\t08-508 250 00\n\nSimskola för alla\n"
    assert [b.text for b in _blocks(labelled)] == [
        "Handläggare: Eva Ek",
        "Telefon: 08-508 250 00",
        "Simskola för alla",
    ]


def test_a_sentence_is_no_fact_line() -> None:
    assert is_fact_line("Staben för utredning och statistik")
    assert is_fact_line("Avdelningen för anläggning och evenemang")
    assert not is_fact_line("Enheten har under året arbetat med att förbättra tillsynen.")
    assert not is_fact_line("staben för utredning och projekt, Europaforum Stockholm och Precens.")


def test_a_page_header_that_repeats_facts_leaves_the_body_but_a_sentence_stays() -> None:
    text = (
        "Sammanfattning\n"
        "Förvaltningen föreslår en taxa som bygger på efterhandsdebitering.\n"
        "\n"
        "Enheten för livsmedel har tagit fram förslaget tillsammans med andra.\n"
        "Sida 2 (3)\n"
        "Miljöförvaltningen\n"
        "Taxan prövas igen efter två år.\n"
        "Miljöförvaltningen\n"
        "Sida 3 (3)\n"
        "Sista stycket.\n"
    )
    joined = " ".join(b.text for b in _blocks(text)[1:])
    assert joined == (
        "Förvaltningen föreslår en taxa som bygger på efterhandsdebitering. "
        "Enheten för livsmedel har tagit fram förslaget tillsammans med andra. "
        "Taxan prövas igen efter två år. Sista stycket."
    )


def test_a_short_list_item_ends_before_a_capital_in_double_spaced_text() -> None:
    wide = "Utredningen har gått igenom hur verksamheten har utvecklats under de senaste"
    text = (
        f"Bilagor\n\n1. Karta över området\n\n2. Tidplan\n\n{wide}\n\nåren och framåt.\n\n"
        "• En punkt som bryts vid radens slut när nästa ord inte längre får plats på\n\n"
        "Stockholms stads vägnar.\n"
    )
    assert _summary(text) == [
        ("heading", "Bilagor"),
        ("numbered", "Karta över området"),
        ("numbered", "Tidplan"),
        ("paragraph", f"{wide} åren och framåt."),
        (
            "bullet",
            "En punkt som bryts vid radens slut när nästa ord inte längre får plats på "
            "Stockholms stads vägnar.",
        ),
    ]
