"""The document types shipped in templates/doctypes: complete, and with the standard wording."""

from __future__ import annotations

import pytest

from beslut.doctypes import DocType, load_doctype, load_doctypes

SECTION_KEYS = {"sammanfattning", "beredning", "bakgrund", "arendet", "synpunkter"}


def test_the_four_types_in_order() -> None:
    assert [d.key for d in load_doctypes()][:4] == [
        "beslutsarende",
        "remissvar",
        "svar_pa_skrivelse",
        "informationsarende",
    ]


@pytest.mark.parametrize("doctype", load_doctypes(), ids=lambda d: d.key)
def test_every_type_is_complete(doctype: DocType) -> None:
    keys = [s.key for s in doctype.sections]
    assert len(keys) == len(set(keys))
    assert set(keys) <= SECTION_KEYS  # drafts keep their text when the type changes
    summary = doctype.section("sammanfattning")
    assert summary is not None and summary.required
    assert doctype.standard_decisions
    for spec in doctype.sections:
        assert spec.heading and spec.guidance and spec.example


@pytest.mark.parametrize(
    ("key", "wording"),
    [
        (
            "remissvar",
            (
                "Nämnden hänvisar till tjänsteutlåtandet som svar på remissen.",
                "Tjänsteutlåtandet överlämnas till kommunstyrelsen.",
            ),
        ),
        (
            "informationsarende",
            ("Nämnden lägger informationen till handlingarna.", "Nämnden godkänner rapporten."),
        ),
    ],
)
def test_standard_wording(key: str, wording: tuple[str, ...]) -> None:
    assert load_doctype(key).standard_decisions == wording


@pytest.mark.parametrize("doctype", load_doctypes(), ids=lambda d: d.key)
def test_standard_wording_passes_the_granskning_and_the_spelling(doctype: DocType) -> None:
    """A point the user inserts with one click needs no correction."""
    from beslut.checks import run_checks
    from beslut.model import Draft, Metadata
    from beslut.spelling.check import SpellingCheck
    from beslut.spelling.speller import LocalSpeller

    draft = Draft(Metadata(doctype=doctype.key), decisions=doctype.standard_decisions)
    report = run_checks(draft, doctype=doctype, spelling=SpellingCheck(LocalSpeller()))
    on_points = [
        f
        for f in report.findings
        if f.location.part == "decisions" and f.location.index is not None
    ]
    assert on_points == []
