"""Tests for beslut.checks.tokens: words, long words and sentence ends."""

from __future__ import annotations

import pytest

from beslut.checks.tokens import WORD, count_words, is_long, sentence_spans, sentences

ABBREVIATIONS = frozenset({"kl.", "t.ex.", "bl.a.", "m.m."})


def _sentences(text: str, abbreviations: frozenset[str] = ABBREVIATIONS) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, abbreviations)]


def test_words_hold_together_across_inner_marks() -> None:
    text = "EU-direktoratet avsätter 1,2 miljoner, t.ex. till TEF/2019:263 och DIVE´s mål."
    assert WORD.findall(text) == [
        "EU-direktoratet",
        "avsätter",
        "1,2",
        "miljoner",
        "t.ex",
        "till",
        "TEF/2019:263",
        "och",
        "DIVE",
        "s",
        "mål",
    ]


@pytest.mark.parametrize(
    ("word", "long"),
    [
        ("Stockholm", True),  # 9 letters
        ("simmar", False),  # 6 letters: not more than six
        ("nämnden", True),  # 7 letters
        ("EU-direktoratet", True),
        ("2019:263", False),  # digits are no letters
        ("1234567", False),
        ("T2012-05", False),  # one letter
    ],
)
def test_a_long_word_has_more_than_six_letters(word: str, long: bool) -> None:
    assert is_long(word) is long


def test_count_words_in_a_range() -> None:
    text = "Förvaltningen föreslår en simskola. Den kostar lite."
    assert count_words(text) == (7, 3)
    assert count_words(text, 36) == (3, 0)


def test_full_stop_question_and_exclamation_marks_end_sentences() -> None:
    text = "Vad har lyckats? Det vet vi inte! Förvaltningen följer upp resultatet."
    assert _sentences(text) == [
        "Vad har lyckats?",
        "Det vet vi inte!",
        "Förvaltningen följer upp resultatet.",
    ]


def test_a_colon_before_a_space_ends_a_sentence_as_lix_counts_it() -> None:
    assert _sentences("Målen är följande: fler barn ska kunna simma.") == [
        "Målen är följande:",
        "fler barn ska kunna simma.",
    ]


def test_colons_and_points_inside_numbers_do_not_end_sentences() -> None:
    text = "Ärendet har Dnr TEF/2019:263 och kostar 1.200 kronor per år."
    assert _sentences(text) == [text]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Simskolan börjar kl. 9.00 i Eriksdalsbadet. Barnen lånar bl.a. Simglasögon på plats."
    assert _sentences(text) == [
        "Simskolan börjar kl. 9.00 i Eriksdalsbadet.",
        "Barnen lånar bl.a. Simglasögon på plats.",
    ]
    # Without the list, "kl." before a digit and "bl.a." before a capital end sentences.
    assert len(_sentences(text, frozenset())) == 4


def test_a_full_stop_before_a_small_letter_is_no_sentence_end() -> None:
    assert len(_sentences("Anmälan görs i e-tjänsten senast ca. tre veckor före start.")) == 1


def test_closing_quotes_belong_to_the_sentence() -> None:
    text = "Konferensen heter ”Europa berikas.” Den hålls i London."
    assert _sentences(text) == ["Konferensen heter ”Europa berikas.”", "Den hålls i London."]


def test_the_end_of_the_text_ends_the_last_sentence() -> None:
    assert _sentences("  Simskolan vänder sig till barn som  ") == [
        "Simskolan vänder sig till barn som"
    ]
    assert _sentences("") == []
    assert _sentences("   ") == []


def test_an_abbreviation_at_the_very_end_still_ends_the_sentence() -> None:
    assert _sentences("Stödet gäller simhallar, badplatser m.m.") == [
        "Stödet gäller simhallar, badplatser m.m."
    ]


def test_sentences_carry_their_word_counts_and_skip_wordless_ones() -> None:
    text = "Nämnden godkänner avtalet. – ! Beslutet justeras omedelbart."
    assert len(sentence_spans(text)) == 3
    found = sentences(text)
    assert [(s.words, s.long_words) for s in found] == [(3, 3), (3, 3)]
    assert text[found[1].start : found[1].end] == "Beslutet justeras omedelbart."
