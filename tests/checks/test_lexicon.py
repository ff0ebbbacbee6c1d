"""Tests for beslut.checks.lexicon: word lists compiled into patterns."""

from __future__ import annotations

from beslut.checks import CheckConfig
from beslut.checks.config import StiffWord
from beslut.checks.lexicon import lexicon_for, normalise, phrase_pattern


def test_normalise_folds_case_and_space() -> None:
    assert normalise("  I  syfte\natt ") == "i syfte att"


def test_phrases_match_whole_words_in_any_case_and_spacing() -> None:
    pattern = phrase_pattern(["i syfte att", "torde"])
    assert pattern is not None
    text = "Förvaltningen torde I  syfte\natt spara pengar. Tordes ingen? Nej, otorde."
    assert [m.group() for m in pattern.finditer(text)] == ["torde", "I  syfte\natt"]


def test_hyphenated_compounds_are_not_the_word_itself() -> None:
    pattern = phrase_pattern(["ej"])
    assert pattern is not None
    assert pattern.search("Beslutet gäller ej-medlemmar och EJ-listan.") is None
    assert pattern.search("Beslutet gäller ej medlemmar.") is not None


def test_the_longest_phrase_wins() -> None:
    pattern = phrase_pattern(["enligt förslaget", "enligt förslaget i tjänsteutlåtandet"])
    assert pattern is not None
    match = pattern.search("Nämnden beslutar enligt förslaget i tjänsteutlåtandet.")
    assert match is not None and match.group() == "enligt förslaget i tjänsteutlåtandet"


def test_nothing_to_look_for_gives_no_pattern() -> None:
    assert phrase_pattern([]) is None
    assert phrase_pattern(["  "]) is None


def test_the_lexicon_maps_each_form_to_its_alternative() -> None:
    config = CheckConfig(
        stiff_words=(StiffWord(("Erhålla", "erhöll"), "få"),),
        empty_heading_words=("Angående",),
        abbreviations=("T.ex.",),
    )
    lexicon = lexicon_for(config)
    assert lexicon.stiff_instead == {"erhålla": "få", "erhöll": "få"}
    assert lexicon.empty_heading_words == frozenset({"angående"})
    assert lexicon.abbreviations == frozenset({"t.ex."})
    assert lexicon.dependent is None
    assert lexicon_for(config) is lexicon  # compiled once per configuration
