"""Plain text into blocks: lines of a paragraph joined again, hyphenation, double-spaced
extractions, page furniture, lists with levels and numbers, headings, tables."""

from __future__ import annotations

import time

from beslut.importing.facts import is_fact_line, parse_date, read_facts
from beslut.importing.recognize import continued
from beslut.importing.textnotes import text_blocks
from beslut.model import Block, BlockKind


def _blocks(text: str) -> list[Block]:
    return [read.block for read in text_blocks(text, is_fact_line)]


def _summary(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in _blocks(text)]


def test_the_lines_of_a_paragraph_are_joined_and_broken_words_mended() -> None:
    text = (
        "Förslaget till policy är ambitiöst liksom det tidigare integrations-\n"
        "programmet. Det saknas mål för sysselsättnings- och utbildnings-\n"
        "nivåer i Rinkeby-\n"
        "Kista.\n"
    )
    assert _summary(text) == [
        (
            "paragraph",
            "Förslaget till policy är ambitiöst liksom det tidigare integrationsprogrammet. "
            "Det saknas mål för sysselsättnings- och utbildningsnivåer i Rinkeby-Kista.",
        )
    ]


def test_a_blank_line_parts_paragraphs_and_a_short_last_line_too() -> None:
    wide = "Nämnden har under året följt upp verksamheten och funnit att målen nås"
    text = f"{wide}\nväl.\nNästa stycke börjar här och fortsätter en bit.\n\nTredje.\n"
    assert [b.text for b in _blocks(text)] == [
        f"{wide} väl.",
        "Nästa stycke börjar här och fortsätter en bit.",
        "Tredje.",
    ]


def test_double_spaced_text_parts_paragraphs_at_lines_of_spaces() -> None:
    lines = [
        " Sammanfattning ",
        "",
        "Konferensen i London samlar städer från hela Europa kring frågan om ",
        "",
        "integration, och avsiktsförklaringen undertecknas där. ",
        "",
        " ",
        "",
        "Ärendet har beretts inom förvaltningen i samråd med stadsledningskontoret. ",
        "",
        "Inga fler har hörts. ",
    ]
    assert _summary("\n".join(lines)) == [
        ("heading", "Sammanfattning"),
        (
            "paragraph",
            "Konferensen i London samlar städer från hela Europa kring frågan om "
            "integration, och avsiktsförklaringen undertecknas där.",
        ),
        (
            "paragraph",
            "Ärendet har beretts inom förvaltningen i samråd med stadsledningskontoret. "
            "Inga fler har hörts.",
        ),
    ]


def test_page_furniture_is_left_out() -> None:
    text = (
        "Det saknas redovisning för hur arbetet har fungerat och vad som har\n"
        "DNR 106-555/2004\n"
        "SID. 3 (7)\n"
        "lyckats under året.\n"
        "Sida 4 (7)\n"
        "12\n"
        "_____________________\n"
    )
    assert [b.text for b in _blocks(text)] == [
        "Det saknas redovisning för hur arbetet har fungerat och vad som har lyckats under året."
    ]


def test_lists_with_levels_numbers_and_a_lead_in() -> None:
    text = (
        "Målen är följande:\n"
        "• fler barn ska kunna simma och\n"
        "  färre drunkna,\n"
        "  • i synnerhet i ytterstaden,\n"
        "• alla skolor ska ha tillgång till en simhall.\n"
        "\n"
        "Förvaltningen föreslår:\n"
        "1. att starta i januari,\n"
        "2. att följa upp efter ett år.\n"
        "\n"
        "Mellan listorna står ett stycke.\n"
        "\n"
        "3. att rapportera till nämnden.\n"
        "7. en punkt som börjar om.\n"
    )
    printed = _blocks(text)
    assert [b.start for b in printed if b.kind is BlockKind.NUMBERED] == [1, 2, 3, 7]
    blocks = continued(printed)  # as recognition has them in a part
    assert [(b.kind.value, b.level, b.start) for b in blocks] == [
        ("paragraph", 0, None),
        ("bullet", 0, None),
        ("bullet", 1, None),
        ("bullet", 0, None),
        ("paragraph", 0, None),
        ("numbered", 0, None),
        ("numbered", 0, None),
        ("paragraph", 0, None),
        ("numbered", 0, None),  # 3 continues the list across the paragraph
        ("numbered", 0, 7),
    ]
    assert blocks[1].text == "fler barn ska kunna simma och färre drunkna,"


def test_a_short_line_alone_is_a_heading_a_wrapped_one_is_not() -> None:
    text = (
        "Bakgrund\n"
        "Kommunstyrelsen har remitterat förslaget till nämnden för yttrande och svaret\n"
        "har beretts av förvaltningen tillsammans med stadsdelarna och föreningarna,\n"
        "som alla har fått lämna sina synpunkter på förslaget i god tid före mötet.\n"
        "Ska Vara Inne I December Enligt Remissen Som Kom In Tidigare I År Till Oss Här\n"
        "lämnas senast den 22 december.\n"
    )
    blocks = _blocks(text)
    assert [b.kind.value for b in blocks] == ["heading", "paragraph"]


def test_a_table_of_cells_parted_by_bars() -> None:
    (table,) = _blocks("År | Kostnad\n2027 | 4,5 mnkr\n2028 | 2,1 mnkr\n")
    assert table.kind is BlockKind.TABLE and table.header_rows == 1
    assert table.text == "År\tKostnad\n2027\t4,5 mnkr\n2028\t2,1 mnkr"


def test_facts_stand_alone_and_are_read() -> None:
    lines = [
        "Idrottsförvaltningen",
        "Avdelningen för anläggning och",
        "evenemang",
        "Tjänsteutlåtande",
        "Dnr IDN 2026/251",
        "2026-12-01",
        "Handläggare: Sara Lindqvist",
        "Telefon: 08-508 123 45",
        "E-post: sara.lindqvist@example.se",
        "Till Idrottsnämnden",
        "Sammanträde 5 januari 2027",
    ]
    blocks = _blocks("\n".join(lines))
    assert [b.text for b in blocks][1] == "Avdelningen för anläggning och evenemang"
    facts = read_facts(b.text for b in blocks)
    assert (facts.dnr, facts.namnd, facts.handlaggare) == (
        "IDN 2026/251",
        "Idrottsnämnden",
        "Sara Lindqvist",
    )
    assert (facts.telefon, facts.epost) == ("08-508 123 45", "sara.lindqvist@example.se")
    assert str(facts.date) == "2026-12-01" and str(facts.meeting_date) == "2027-01-05"
    assert facts.forvaltning == "Idrottsförvaltningen"


def test_older_forms_of_the_facts() -> None:
    facts = read_facts(["DNR 106-555/2004", "Handläggare Eva Ek, telefon 08-508 250 00"])
    assert (facts.dnr, facts.handlaggare, facts.telefon) == (
        "106-555/2004",
        "Eva Ek",
        "08-508 250 00",
    )
    assert parse_date("den 30 februari 2026") is None
    assert str(parse_date("Sammanträde 16 mars 2027")) == "2027-03-16"


def test_footnotes_copied_out_of_a_pdf_or_saved_by_word_come_back_as_notes() -> None:
    at_foot = (  # as copied out of a PDF: the note at the page's foot, then the footer
        "Badet byggdes 1974 och behöver rustas upp.1 Ventilationen är\n"
        "uttjänt sedan länge.2\n"
        "1 Enligt statusbesiktningen från 2026.\n"
        "2 Se bilaga 2, som beskriver\n"
        "ventilationen.\n"
        "Idrottsförvaltningen\n"
    )
    blocks = _blocks(at_foot)
    first = blocks[0]
    assert [(r.text, r.note) for r in first.runs] == [
        ("Badet byggdes 1974 och behöver rustas upp.", "Enligt statusbesiktningen från 2026."),
        (" Ventilationen är uttjänt sedan länge.", "Se bilaga 2, som beskriver ventilationen."),
    ]
    assert [b.text for b in blocks[1:]] == ["Idrottsförvaltningen"]
    at_end = "Sammanfattning\n\nBadet rustas upp.1\n\nÄrendet\n\nText.\n\n1 Enligt besiktningen.\n"
    assert [(b.kind.value, b.runs[-1].note) for b in _blocks(at_end)] == [
        ("heading", ""),
        ("paragraph", "Enligt besiktningen."),
        ("heading", ""),
        ("paragraph", ""),
    ]


def test_digits_that_are_no_marks_stay() -> None:
    text = (
        "Eleverna i årskurs 6 ska kunna simma 200 meter enligt Lgr22 och 2026.\n"
        "\n"
        "1 Kommunfullmäktige beslutade om detta i fjol.\n"  # no mark 1 before it
    )
    assert [(b.text, b.runs[0].note) for b in _blocks(text)] == [
        ("Eleverna i årskurs 6 ska kunna simma 200 meter enligt Lgr22 och 2026.", ""),
        ("1 Kommunfullmäktige beslutade om detta i fjol.", ""),
    ]


def test_what_only_looks_like_a_note_stays_text() -> None:
    text = (
        "Utsläppen av CO2 minskade med 2,1 procent under året.\n"
        "\n"
        "1 Bakgrund\n"  # a numbered heading: no sentence
        "\n"
        "1 Uppdraget gavs av nämnden i fjol.\n"  # no mark 1 before it ("2,1", "CO2")
    )
    assert [(b.text, b.runs[-1].note) for b in _blocks(text)] == [
        ("Utsläppen av CO2 minskade med 2,1 procent under året.", ""),
        ("1 Bakgrund", ""),
        ("1 Uppdraget gavs av nämnden i fjol.", ""),
    ]


def test_a_note_ends_with_its_sentence_and_the_paragraph_goes_on() -> None:
    text = (
        "Badet behöver rustas upp.1 Förvaltningen föreslår\n"
        "1 Enligt besiktningen 2023.\n"
        "därför att nämnden beslutar om en upprustning.\n"
    )
    (block,) = _blocks(text)
    assert [(r.text, r.note) for r in block.runs] == [
        ("Badet behöver rustas upp.", "Enligt besiktningen 2023."),
        (" Förvaltningen föreslår därför att nämnden beslutar om en upprustning.", ""),
    ]


def test_many_lines_that_look_like_notes_are_read_in_linear_time() -> None:
    began = time.perf_counter()
    blocks = _blocks("Text utan märken.\n" + "1 Ab.\n" * 8000)
    assert time.perf_counter() - began < 3
    assert all(not r.note for b in blocks for r in b.runs)


def test_an_underline_makes_any_short_line_a_heading() -> None:
    text = (
        "Varför behövs en ny taxa?\n-------------------------\n\nText.\n\n"
        "2026 års budget\n~~~~~~~~~~~~~~~\n\nMer text.\n"
    )
    assert [(b.kind.value, b.level, b.text) for b in _blocks(text)] == [
        ("heading", 1, "Varför behövs en ny taxa?"),
        ("paragraph", 0, "Text."),
        ("heading", 2, "2026 års budget"),
        ("paragraph", 0, "Mer text."),
    ]


def test_a_row_like_the_header_row_stays_in_its_table_in_text() -> None:
    (table,) = _blocks("Ja | Nej\n1 | 2\nJa | Nej\n")
    assert [[cell[0].text for cell in row] for row in table.rows] == [
        ["Ja", "Nej"],
        ["1", "2"],
        ["Ja", "Nej"],
    ]
