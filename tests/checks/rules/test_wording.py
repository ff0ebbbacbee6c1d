"""Tests for beslut.checks.rules.wording: stiff words and headings without content."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from beslut.checks import CheckConfig, Location
from beslut.checks.findings import HEADING, META, TITLE, Finding
from beslut.model import Block, BlockKind, Draft, Metadata, Section

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]


@pytest.mark.parametrize(
    ("text", "word", "instead"),
    [
        ("Föreningen erhåller bidrag för två år.", "erhåller", "få"),
        ("Föreningen erhöll bidrag redan 2024.", "erhöll", "få"),
        ("Staden tillhandahåller bassängtid.", "tillhandahåller", "ge"),
        ("Ombyggnaden erfordrar bygglov.", "erfordrar", "behöva"),
        ("Den som innehar tillstånd får hyra hallen.", "innehar", "ha"),
        ("Det föreligger inga hinder.", "föreligger", "finnas"),
        ("Beträffande kostnaderna hänvisas till bilaga 1.", "Beträffande", "om"),
        ("Frågor angående simskolan besvaras av förvaltningen.", "angående", "om"),
        (
            "Förvaltningen har träffat föreningarna i syfte att samordna tiderna.",
            "i syfte att",
            "för att",
        ),
        ("Kostnaden torde rymmas inom budgeten.", "torde", "bör"),
        ("Därest bidraget inte räcker återkommer förvaltningen.", "Därest", "om"),
        ("Dylika avgifter tas inte ut.", "Dylika", "sådan"),
        ("Avgiften är emellertid det vanligaste skälet.", "emellertid", "men"),
    ],
)
def test_stiff_words_with_their_alternative(
    text: str, word: str, instead: str, check: Check, covered: Covered, text_draft: Build
) -> None:
    draft = text_draft(text)
    assert covered("wording.stiff", draft) == [word]
    assert f"Skriv hellre ”{instead}”" in check("wording.stiff", draft)[0].message


def test_plain_words_and_look_alikes_pass(check: Check, text_draft: Build) -> None:
    draft = text_draft(
        "Föreningen får bidrag för två år. Staden ger bassängtid till skolorna.",
        "Innehållet i avtalet framgår av bilaga 1. Förelegaten är inget ord.",
        "Erhållandet av bidrag kräver en ansökan; ordet är ett substantiv.",
        "Barnen ska få simma, om det finns plats.",
    )
    assert check("wording.stiff", draft) == []


def test_decision_points_are_checked_too(covered: Covered, decision_draft: Build) -> None:
    draft = decision_draft("Föreningen erhåller 200 000 kronor i bidrag.")
    assert covered("wording.stiff", draft) == ["erhåller"]


def test_the_word_list_comes_from_the_settings(check: Check, text_draft: Build) -> None:
    assert (
        check("wording.stiff", text_draft("Avgiften erhålls vid terminsstart."), CheckConfig())
        == []
    )


def _headings_draft(title: str, section_heading: str, sub_heading: str) -> Draft:
    return Draft(
        meta=Metadata(title=title),
        sections=(
            Section(
                "arendet",
                section_heading,
                (
                    Block.plain(BlockKind.HEADING, sub_heading),
                    Block.plain(BlockKind.PARAGRAPH, "Simskolan startar i februari."),
                ),
            ),
        ),
    )


def test_headings_without_content_words(check: Check) -> None:
    draft = _headings_draft("Information", "Angående", "Övrigt och diverse")
    found = check("heading.empty", draft)
    assert [f.location for f in found] == [
        Location(META, field=TITLE, start=0, end=11),
        Location("arendet", field=HEADING, start=0, end=8),
        Location("arendet", 0, start=0, end=18),
    ]
    assert "Rubriken ”Angående” säger inget om innehållet" in found[1].message


def test_headings_with_content_words_pass(check: Check) -> None:
    draft = _headings_draft(
        "Information om avgiftsfri simskola", "Ärendet", "Vem simskolan är till för"
    )
    assert check("heading.empty", draft) == []


def test_running_text_is_no_heading(check: Check, text_draft: Build) -> None:
    assert check("heading.empty", text_draft("Information.")) == []
