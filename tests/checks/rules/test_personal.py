"""Tests for beslut.checks.rules.personal: personnummer anywhere in the TU."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from beslut.checks import ATTACHMENTS, META, Location
from beslut.checks.findings import TITLE, Finding
from beslut.model import Attachment, Draft

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]


def test_personnummer_in_text_decisions_and_titles(
    check: Check, covered: Covered, text_draft: Build
) -> None:
    draft = text_draft(
        "Klaganden (811218-9876) har överklagat beslutet om bidrag.",
        "Vårdnadshavaren 198112189876 och barnet 20000229-1235 har fått besked.",
    )
    draft = replace(
        draft,
        meta=replace(draft.meta, title="Bidrag till 640823-3234"),
        decisions=("Nämnden avslår ansökan från 810278-9875.",),
        attachments=(Attachment("Ansökan från 121212-1212"),),
    )
    assert covered("personal.personnummer", draft) == [
        "640823-3234",
        "811218-9876",
        "198112189876",
        "20000229-1235",
        "121212-1212",
    ]
    found = check("personal.personnummer", draft)
    assert found[0].location == Location(META, field=TITLE, start=12, end=23)
    assert found[-1].location.part == ATTACHMENTS
    assert "allmän handling" in found[0].message


def test_numbers_that_fail_the_check_and_dnr_and_dates_pass(
    check: Check, text_draft: Build
) -> None:
    draft = text_draft(
        "Ärendet har Dnr T2012-050-05828 och 106-555/2004.",
        "Beslutet fattades 2010-02-22; avtalsnummer 811218-9877 gäller från 20100301.",
        "Ring 08-508 123 45. Organisationsnummer 212000-0142.",
    )
    assert check("personal.personnummer", draft) == []
