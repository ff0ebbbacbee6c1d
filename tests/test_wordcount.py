"""Counting words as Word does: in a text, a part and a draft's printed body."""

from __future__ import annotations

import pytest

from beslut.doctypes import load_doctype
from beslut.model.draft import Attachment, Block, BlockKind, Draft, Run, Section, Signatory
from beslut.parts import DECISIONS, META
from beslut.wordcount import block_words, count_words, draft_words, part_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Nämnden godkänner förslaget.", 3),
        ("EU-stöd", 1),  # a hyphenated compound is one word
        ("3,5 mkr", 2),
        ("t.ex. 2026-12-07", 2),
        ("kostnaden – som väntat – steg", 4),  # a spaced dash is no word
        ("§ 12 & …", 1),  # nor a sign alone
        ("3\u00a0500 kronor", 2),  # a no-break space joins
        ("rad ett\nrad\u2029två\tcell", 5),  # line and paragraph breaks, tabs part
        ("”citat” (parentes)", 2),
        ("a", 1),
    ],
)
def test_words_in_a_text(text: str, words: int) -> None:
    assert count_words(text) == words


def test_a_table_counts_every_cell_and_notes_only_when_asked() -> None:
    table = Block.table([["Post", "Belopp"], ["Drift och underhåll", "3,5 mkr"]])
    assert block_words(table) == 7
    noted = Block(BlockKind.PARAGRAPH, (Run("Enligt besiktningen", note="Se bilaga 2."),))
    assert block_words(noted) == 2
    assert block_words(noted, notes=True) == 5


def _draft() -> Draft:
    return Draft(
        decisions=("Nämnden godkänner förslaget.", "  ", "Paragrafen justeras omedelbart."),
        sections=(
            Section("bakgrund", "", (Block.plain("paragraph", "Ett två tre."),)),
            Section("eget", "Ekonomiska konsekvenser", (Block.plain("bullet", "Fyra fem"),)),
            Section("tom", "Rubrik som inte skrivs ut", ()),
        ),
        attachments=(Attachment("Karta över området"), Attachment("")),
        signatories=(Signatory("Anna Andersson", "Förvaltningschef"),),
    )


def test_a_drafts_printed_body() -> None:
    doctype = load_doctype("beslutsarende")
    heading = doctype.section("bakgrund")
    assert heading is not None
    expected = (
        count_words(doctype.decision_heading)  # Förslag till beslut
        + 3
        + 3  # the points; the empty one is not printed
        + 3  # Anna Andersson, Förvaltningschef
        + count_words(heading.heading)
        + 3  # Bakgrund, under the document type's heading
        + 2
        + 2  # Ekonomiska konsekvenser: Fyra fem
        + 1
        + 3  # Bilagor: Karta över området
    )
    assert draft_words(_draft(), doctype) == expected
    assert draft_words(Draft(), doctype) == 0


def test_a_parts_text_without_its_heading() -> None:
    draft = _draft()
    assert part_words(draft, DECISIONS) == 6
    assert part_words(draft, "bakgrund") == 3
    assert part_words(draft, "eget") == 2
    assert part_words(draft, META) is None


def test_counts_are_written_with_the_languages_thousands_separator() -> None:
    from beslut.i18n import current_language, format_number, set_language

    before = current_language()
    try:
        set_language("sv")
        assert format_number(1234567) == "1\u00a0234\u00a0567"
        assert format_number(12) == "12"
        set_language("en")
        assert format_number(1234) == "1,234"
    finally:
        set_language(before)
