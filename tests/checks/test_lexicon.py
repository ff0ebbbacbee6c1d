"""Tests for beslut.checks.lexicon: word lists compiled into patterns."""

from __future__ import annotations

import re

from beslut.checks import CheckConfig
from beslut.checks.config import StiffWord
from beslut.checks.lexicon import Phrases, lexicon_for, normalise, phrase_pattern, trie_pattern


def _found(phrases: Phrases | None, text: str) -> list[str]:
    assert phrases is not None
    return [text[a:b] for a, b in phrases.spans(text)]


def test_normalise_folds_case_and_space() -> None:
    assert normalise("  I  syfte\natt ") == "i syfte att"


def test_phrases_match_whole_words_in_any_case_and_spacing() -> None:
    phrases = phrase_pattern(["i syfte att", "torde"])
    text = "Förvaltningen torde I  syfte\natt spara pengar. Tordes ingen? Nej, otorde."
    assert _found(phrases, text) == ["torde", "I  syfte\natt"]


def test_a_rejected_match_inside_a_word_does_not_hide_the_next() -> None:
    phrases = phrase_pattern(["ej", "i enlighet med förslaget", "förslaget"])
    assert _found(phrases, "dej ej, xi enlighet med förslaget") == ["ej", "förslaget"]
    assert _found(phrases, "medej_ej EJ") == ["EJ"]


def test_text_that_changes_length_in_lower_case_is_still_searched() -> None:
    # "İ" becomes two characters in lower case; positions must still be right.
    text = "İstanbul erhåller ERHÅLLER"
    assert len(text.lower()) != len(text)
    assert _found(phrase_pattern(["erhåller"]), text) == ["erhåller", "ERHÅLLER"]


def test_hyphenated_compounds_are_not_the_word_itself() -> None:
    phrases = phrase_pattern(["ej"])
    assert _found(phrases, "Beslutet gäller ej-medlemmar och EJ-listan, BEJ-ej.") == []
    assert _found(phrases, "Beslutet gäller ej medlemmar.") == ["ej"]


def test_the_longest_phrase_wins() -> None:
    phrases = phrase_pattern(["enligt förslaget", "enligt förslaget i tjänsteutlåtandet"])
    text = "Nämnden beslutar enligt förslaget i tjänsteutlåtandet."
    assert _found(phrases, text) == ["enligt förslaget i tjänsteutlåtandet"]


def test_the_trie_shares_beginnings_and_matches_the_same_phrases() -> None:
    words = ["erhålla", "erhåller", "erhöll", "emellertid", "i syfte att"]
    source = trie_pattern(words)
    assert source == r"(?:e(?:mellertid|rh(?:åll(?:a|er)|öll))|i\s+syfte\s+att)"
    pattern = re.compile(f"(?:{source})$")
    for word in words:
        assert pattern.match(word), word
    assert pattern.match("i syfte\n att")
    for other in ["erhåll", "erhållare", "emellan", "i syfte"]:
        assert not pattern.match(other), other


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
