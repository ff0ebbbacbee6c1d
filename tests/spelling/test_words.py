"""Which words spelling looks at."""

from __future__ import annotations

import pytest

from beslut.spelling.words import accepts, name_words, word_spans, words_of


def test_prose_words_are_found_with_their_places() -> None:
    text = "Nämnden beslutar  att godkänna förslaget."
    assert [text[a:b] for a, b in word_spans(text)] == [
        "Nämnden",
        "beslutar",
        "att",
        "godkänna",
        "förslaget",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "https://www.stockholm.se/politik",
        "www.example.se",
        "anna.lindqvist@stockholm.se",
        r"G:\Gemensam\Ärenden",
        "KS 2023/123",
        "SBK EU KF",  # abbreviations
        "PowerPoint iPhone",  # inner capitals: names of things
        "3e 2a m2 x_y",  # part of a number or a code
        "a i",  # single letters
        "gatu- och",  # the first part of a compound
        "x" * 61,  # no word is that long
    ],
)
def test_what_is_no_prose_is_left_alone(text: str) -> None:
    assert list(words_of(text)) == [w for w in ("och",) if w in text.split()]


def test_hyphens_split_and_apostrophes_join() -> None:
    assert list(words_of("EU-stödet och it's")) == ["stödet", "och", "it's"]


def test_a_list_takes_a_capital_and_a_genitive_but_not_a_lower_case_name() -> None:
    listed = name_words(["Anna Lindqvist", "kista"])
    assert accepts(listed, "Lindqvists")
    assert accepts(listed, "Kista")
    assert accepts(listed, "kista")
    assert not accepts(listed, "lindqvist")
    assert not accepts(listed, "Lindgren")
