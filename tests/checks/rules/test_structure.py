"""Tests for beslut.checks.rules.structure: required parts and the Sammanfattning."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from beslut.checks import CheckConfig, default_config
from beslut.checks.findings import DECISIONS, META, TITLE, Finding, Location
from beslut.doctypes.loader import DocType, SectionSpec
from beslut.model import Block, BlockKind, Draft, Metadata, Section

Check = Callable[..., list[Finding]]

DOCTYPE = DocType(
    "beslutsarende",
    "Beslutsärende",
    decision_heading="Förvaltningens förslag till beslut",
    sections=(
        SectionSpec("sammanfattning", "Sammanfattning", required=True),
        SectionSpec("beredning", "Ärendets beredning"),
        SectionSpec("bakgrund", "Bakgrund", required=True),
        SectionSpec("arendet", "Ärendet", required=True),
    ),
)
# The same parts, with the Sammanfattning optional (as in a short informationsärende).
OPTIONAL_SUMMARY = replace(
    DOCTYPE,
    sections=(SectionSpec("sammanfattning", "Sammanfattning"), *DOCTYPE.sections[1:]),
)

BAKGRUND = (
    "Enligt läroplanen ska alla elever kunna simma 200 meter när de slutar årskurs 6. "
    "Stadens uppföljning visar att 24 procent av eleverna inte når målet."
)
# 12 words a sentence, repeated: 12 × 10 = 120 words of case text.
ARENDET = "Förvaltningen föreslår en simskola med tio lektioner per termin i tre simhallar. " * 10


def _section(key: str, heading: str, *texts: str) -> Section:
    return Section(key, heading, tuple(Block.plain(BlockKind.PARAGRAPH, t) for t in texts))


def _draft(*sections: Section, decisions: tuple[str, ...] = ("Nämnden inför simskola.",)) -> Draft:
    meta = Metadata(title="Avgiftsfri simskola", namnd="Idrottsnämnden", dnr="IDN 2026/242")
    return Draft(meta=meta, decisions=decisions, sections=sections)


def test_required_sections_that_are_missing_or_empty(check: Check) -> None:
    draft = _draft(
        _section("sammanfattning", "Sammanfattning", "  "),
        _section("arendet", "Ärendet", ARENDET),
    )
    found = check("structure.required", draft, doctype=DOCTYPE)
    assert [f.location for f in found] == [Location("sammanfattning"), Location("bakgrund")]
    assert "”Bakgrund” måste fyllas i" in found[1].message


def test_a_complete_draft_has_its_required_parts(check: Check) -> None:
    draft = _draft(
        _section("sammanfattning", "Sammanfattning", "Förvaltningen föreslår en simskola."),
        _section("bakgrund", "Bakgrund", BAKGRUND),
        _section("arendet", "Ärendet", ARENDET),
    )
    assert check("structure.required", draft, doctype=DOCTYPE) == []


def test_metadata_and_decision_points_are_always_required(check: Check) -> None:
    draft = Draft(meta=Metadata(title=""), decisions=())
    found = check("structure.required", draft)
    assert [f.location for f in found] == [
        Location(META, field=TITLE),
        Location(META, field="namnd"),
        Location(META, field="dnr"),
        Location(DECISIONS),
    ]
    assert found[0].message.startswith("Ärendemeningen saknas.")
    assert found[1].message.startswith("Nämnden saknas.")
    assert found[2].message.startswith("Dnr saknas.")
    found = check("structure.required", draft, doctype=DOCTYPE)
    assert "”Förvaltningens förslag till beslut” saknas" in found[3].message


@pytest.mark.parametrize(
    ("missing", "field"), [({"title": ""}, TITLE), ({"namnd": ""}, "namnd"), ({"dnr": " "}, "dnr")]
)
def test_the_metadata_part_is_filled_with_title_namnd_and_dnr(
    check: Check, missing: dict[str, str], field: str
) -> None:
    filled = _draft()
    assert filled.meta.is_filled
    assert check("structure.required", filled) == []
    draft = replace(filled, meta=replace(filled.meta, **missing))  # type: ignore[arg-type]
    assert not draft.meta.is_filled
    assert draft.meta.missing_fields == (field,)
    assert [f.location for f in check("structure.required", draft)] == [Location(META, field=field)]


def test_an_empty_decision_point_among_others(check: Check) -> None:
    draft = _draft(decisions=("Nämnden godkänner avtalet.", "", "Beslutet justeras omedelbart."))
    found = check("structure.required", draft)
    assert [f.location for f in found] == [Location(DECISIONS, 1)]
    assert "Beslutspunkt 2 är tom" in found[0].message


def test_a_long_text_needs_a_summary(check: Check) -> None:
    draft = _draft(
        _section("bakgrund", "Bakgrund", BAKGRUND), _section("arendet", "Ärendet", ARENDET)
    )
    found = check("summary.missing", draft, doctype=OPTIONAL_SUMMARY)
    assert [f.location for f in found] == [Location("sammanfattning")]
    assert "ingen sammanfattning" in found[0].message
    # Without a document type the rule still applies.
    assert len(check("summary.missing", draft)) == 1


def test_a_short_text_or_a_written_summary_needs_nothing_more(check: Check) -> None:
    short = _draft(_section("bakgrund", "Bakgrund", BAKGRUND))
    assert check("summary.missing", short, doctype=OPTIONAL_SUMMARY) == []
    summarised = _draft(
        _section("sammanfattning", "Sammanfattning", "Förvaltningen föreslår en simskola."),
        _section("arendet", "Ärendet", ARENDET),
    )
    assert check("summary.missing", summarised, doctype=OPTIONAL_SUMMARY) == []


def test_a_required_summary_is_reported_once(check: Check) -> None:
    draft = _draft(_section("arendet", "Ärendet", ARENDET))
    assert check("summary.missing", draft, doctype=DOCTYPE) == []
    # ... unless the required-parts rule is switched off.
    config = default_config().with_disabled(["structure.required"])
    assert len(check("summary.missing", draft, config=config, doctype=DOCTYPE)) == 1


def test_the_threshold_comes_from_the_settings(check: Check) -> None:
    draft = _draft(_section("bakgrund", "Bakgrund", BAKGRUND))  # 25 words
    config = CheckConfig(summary_needed_above_words=20)
    assert len(check("summary.missing", draft, config=config)) == 1


def test_a_summary_within_its_limit(check: Check) -> None:
    draft = _draft(_section("sammanfattning", "Sammanfattning", ARENDET))  # 120 words
    assert check("summary.length", draft) == []
    config = CheckConfig(summary_max_words=100)
    found = check("summary.length", draft, config=config)
    assert [f.location for f in found] == [Location("sammanfattning")]
    assert "120 ord" in found[0].message and "högst 100 ord" in found[0].message
