"""Tests for beslut.checks.rules.dates: ISO dates and two-digit years in running text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from beslut.checks import apply_fix
from beslut.checks.findings import Finding
from beslut.model import Draft

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]


def test_iso_dates_in_running_text_with_a_fix(check: Check, text_draft: Build) -> None:
    draft = text_draft("Remisstiden går ut 2004-12-22. Svaret lämnas senast 2005-01-07.")
    found = check("date.iso", draft)
    assert [f.fix.replacement for f in found if f.fix] == ["22 december 2004", "7 januari 2005"]
    assert "”22 december 2004”" in found[0].message
    fixed = apply_fix(apply_fix(draft, found[1]), found[0])
    assert fixed.sections[0].text == (
        "Remisstiden går ut 22 december 2004. Svaret lämnas senast 7 januari 2005."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Konferensen hålls i London den 22 februari 2010.",
        "Ärendet har Dnr T2012-050-05828 och 1.5.1-135-2012.",
        "Stadsledningskontorets ärende 106-555/2004 remitterades till nämnden.",
        "Projektet pågår 2003 – 2005.",
        "Simskolan är öppen kl. 9.00–15.30 för barn i årskurs 1–3.",
        "Ring 08-508 123 45 för frågor.",
        "Kostnaden är 1,2 miljoner kronor.",
        "Datumet 2010-02-30 finns inte.",  # not a date: no hint to rewrite it
        "Personen har nummer 19811218-9876.",
        "Enligt SFS 2017:900 gäller förvaltningslagen.",
    ],
)
def test_other_numbers_are_no_iso_dates(text: str, check: Check, text_draft: Build) -> None:
    assert check("date.iso", text_draft(text)) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Mötet hölls 10-02-22 i Stadshuset.", "10-02-22"),
        ("Ansökan kom in 22/2-10 och behandlades direkt.", "22/2-10"),
        ("Ansökan kom in 22/2 -10.", "22/2 -10"),
        ("Beslutet fattades 22.2.10 av nämnden.", "22.2.10"),
        ("Projektet startade i februari -10.", "februari -10"),
        ("Projektet startade i Maj '09 med tre städer.", "Maj '09"),
    ],
)
def test_two_digit_years(text: str, date: str, covered: Covered, text_draft: Build) -> None:
    assert covered("date.short_year", text_draft(text)) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Konferensen hålls den 22 februari 2010 i London.",
        "Remissvar lämnas senast 2010-02-22.",
        "Ärendet 1.5.1-135-2012 och T2012-050-05828 gäller samma sak.",
        "Ärendet TEF/2019:263 och KS 2023/123 behandlas i maj 2023.",
        "Simskolan pågår kl. 9.00–15.30, i 10 veckor, för 1/3 av eleverna.",
        "Telefon 08-508 123 45 eller 070-123 45 67.",
        "Personnummer 811218-9876 ska inte stå i texten.",
        "Resultatet blev 3-1 och 12/4 av lagen gick vidare.",
        "Se avsnitt 3.2 i planen.",
        "Rummen 45/2-10 och 32.1.12 finns inte som datum.",
    ],
)
def test_similar_numbers_are_no_short_years(text: str, check: Check, text_draft: Build) -> None:
    assert check("date.short_year", text_draft(text)) == []


def test_decision_points_are_running_text(covered: Covered, decision_draft: Build) -> None:
    draft = decision_draft("Simskolan startar 2027-02-01.", "Avtalet gäller från 1/2-27.")
    assert covered("date.iso", draft) == ["2027-02-01"]
    assert covered("date.short_year", draft) == ["1/2-27"]
