"""Tests for beslut.checks.rules.readability: LIX findings and long sentences."""

from __future__ import annotations

from collections.abc import Callable

from beslut.checks import DOCUMENT, CheckConfig, Location
from beslut.checks.findings import Finding
from beslut.model import Draft

Check = Callable[..., list[Finding]]
Build = Callable[..., Draft]

# Official prose of the kind real TUs hold (counted by hand):
# sentence 1: 16 words, 10 long (Förvaltningen, konstaterar, integrationspolicyn, tydliga,
#   mätbara, konkreta, anvisningar, integrationsarbetet, stadens, verksamheter);
# sentence 2: 28 words, 11 long (fortsatta, utvecklingsarbetet, bibringas, samlade,
#   kunnande, nationell, europeisk, angående, förutsättningarna, framgångsrikt,
#   integrationsarbete).
# LIX = 44 / 2 + 100 × 21 / 44 = 22 + 47.7 = 69.7: very hard.
HARD = (
    "Förvaltningen konstaterar att integrationspolicyn saknar tydliga mätbara mål och "
    "konkreta anvisningar för integrationsarbetet inom stadens verksamheter. De som ska "
    "leda det fortsatta utvecklingsarbetet bör bibringas det samlade kunnande som finns "
    "såväl inom staden som på nationell och europeisk nivå angående förutsättningarna "
    "för framgångsrikt integrationsarbete."
)
# Plain prose: 8 sentences of 6 + 4 + 5 + 5 + 11 + 7 + 5 + 9 = 52 words; 6 long words
# (Nämnden, föreslår, simskola, årskurs, Lärarna, simhallar).
# LIX = 52 / 8 + 100 × 6 / 52 = 6.5 + 11.5 = 18.0: very easy.
EASY = (
    "Var fjärde elev kan inte simma. Det är för många. Nämnden vill ändra på det. "
    "Därför föreslår vi en simskola. Den är gratis för alla barn i årskurs ett till tre. "
    "Barnen lär sig simma på tio veckor. Lärarna finns i tre simhallar. "
    "Vi följer upp hur det går efter ett år."
)


def test_hard_sections_and_the_whole_text_get_a_hint(check: Check, text_draft: Build) -> None:
    draft = text_draft(HARD)
    found = check("readability.lix", draft)
    assert [f.location for f in found] == [Location("arendet"), Location(DOCUMENT)]
    assert "LIX 70 (mycket svår)" in found[0].message
    # The whole text adds the decision point "Idrottsnämnden godkänner förstudien."
    # (3 words, 3 long): 47 / 3 + 100 × 24 / 47 = 15.7 + 51.1 = 66.7.
    assert found[1].message.startswith("Hela texten har LIX 67 (mycket svår).")


def test_easy_text_passes(check: Check, text_draft: Build) -> None:
    assert check("readability.lix", text_draft(EASY)) == []


def test_short_sections_say_too_little_for_lix(check: Check, text_draft: Build) -> None:
    draft = text_draft(HARD)
    assert check("readability.lix", draft, config=CheckConfig(lix_min_words=48)) == []
    found = check("readability.lix", draft, config=CheckConfig(lix_min_words=45))
    assert [f.location for f in found] == [Location(DOCUMENT)]  # 47 words in all


def test_sentences_over_the_limit(check: Check, text_draft: Build) -> None:
    found = check("readability.sentence_length", text_draft(EASY, HARD))
    assert len(found) == 1
    loc = found[0].location
    assert (loc.part, loc.index) == ("arendet", 1)
    assert HARD[loc.start : loc.end].startswith("De som ska leda")
    assert HARD[loc.start : loc.end].endswith("integrationsarbete.")
    assert "Meningen har 28 ord" in found[0].message


def test_the_limit_comes_from_the_settings(check: Check, text_draft: Build) -> None:
    assert len(check("readability.sentence_length", text_draft(HARD))) == 1
    config = CheckConfig(sentence_max_words=15)
    assert len(check("readability.sentence_length", text_draft(HARD), config=config)) == 2


def test_decision_points_are_running_text(check: Check, decision_draft: Build) -> None:
    point = (
        "Nämnden godkänner förvaltningens förslag till reviderad integrationspolicy för "
        "stadens verksamheter och lämnar det som eget yttrande till kommunstyrelsen med "
        "de ändringar som framgår av nämndens diskussion vid dagens sammanträde."
    )
    assert len(check("readability.sentence_length", decision_draft(point))) == 1
