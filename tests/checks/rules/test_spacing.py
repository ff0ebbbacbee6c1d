"""Tests for beslut.checks.rules.spacing: double spaces and space before punctuation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from beslut.checks import apply_fixes
from beslut.checks.findings import Finding
from beslut.model import Block, BlockKind, Draft, Run

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]


def test_double_spaces_become_one(check: Check, text_draft: Build) -> None:
    draft = text_draft("Simskolan startar i februari.  Den hålls i tre  simhallar.")
    found = check("spacing.double", draft)
    assert [(f.location.start, f.location.end) for f in found] == [(29, 31), (46, 48)]
    assert {f.fix.replacement for f in found if f.fix} == {" "}
    fixed = apply_fixes(draft, found)
    assert fixed.sections[0].text == "Simskolan startar i februari. Den hålls i tre simhallar."


def test_spaces_at_the_edges_of_a_block_or_line_go(check: Check, text_draft: Build) -> None:
    draft = text_draft("   Simskolan startar i februari.  ", "Målen är:\n  fler simmare.")
    fixed = apply_fixes(draft, check("spacing.double", draft))
    assert fixed.sections[0].text == "Simskolan startar i februari.\nMålen är:\nfler simmare."


def test_double_spaces_in_headings_and_decisions(check: Check, text_draft: Build) -> None:
    draft = text_draft("Text.", heading="Förvaltningens  synpunkter")
    draft = replace(draft, decisions=("Nämnden  godkänner avtalet.",))
    found = check("spacing.double", draft)
    assert [(f.location.part, f.location.field) for f in found] == [
        ("decisions", ""),
        ("arendet", "heading"),
    ]
    fixed = apply_fixes(draft, found)
    assert fixed.decisions == ("Nämnden godkänner avtalet.",)
    assert fixed.sections[0].heading == "Förvaltningens synpunkter"


@pytest.mark.parametrize(
    "text",
    [
        "Simskolan startar i februari. Den hålls i tre simhallar.",
        "Det här … är ett citat med utelämnad text.",
    ],
)
def test_single_spaces_pass(text: str, check: Check, text_draft: Build) -> None:
    assert check("spacing.double", text_draft(text)) == []


def test_space_before_punctuation(check: Check, covered: Covered, text_draft: Build) -> None:
    draft = text_draft(
        "Kostnaden ryms inom budgeten . Förvaltningen följer upp resultatet , "
        "liksom antalet barn ; och (bilaga 1 ) visar kostnaden : 1,2 miljoner kronor !"
    )
    assert covered("spacing.punctuation", draft) == [" "] * 6
    fixed = apply_fixes(draft, check("spacing.punctuation", draft))
    assert fixed.sections[0].text == (
        "Kostnaden ryms inom budgeten. Förvaltningen följer upp resultatet, "
        "liksom antalet barn; och (bilaga 1) visar kostnaden: 1,2 miljoner kronor!"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Förvaltningen menar att ... inte räcker.",
        "Andelen var .5 procent.",
        "Simskolan startar i februari, i tre simhallar: Eriksdalsbadet och Husbybadet.",
        " , står först i stycket.",
    ],
)
def test_no_space_before_punctuation_passes(text: str, check: Check, text_draft: Build) -> None:
    assert check("spacing.punctuation", text_draft(text)) == []


def test_spaces_before_punctuation_are_not_also_double_spaces(
    check: Check, text_draft: Build
) -> None:
    draft = text_draft("Kostnaden ryms inom budgeten   .")
    assert check("spacing.double", draft) == []
    assert len(check("spacing.punctuation", draft)) == 1


def test_fixes_keep_bold_and_italic(check: Check, text_draft: Build) -> None:
    block = Block(
        BlockKind.PARAGRAPH,
        (Run("Anmälan görs i e-tjänsten.  "), Run("Ingen avgift", bold=True), Run(" tas ut .")),
    )
    draft = text_draft()
    draft = replace(draft, sections=(replace(draft.sections[0], blocks=(block,)),))
    findings = check("spacing.double", draft) + check("spacing.punctuation", draft)
    fixed = apply_fixes(draft, findings).sections[0].blocks[0]
    assert fixed.runs == (
        Run("Anmälan görs i e-tjänsten. "),
        Run("Ingen avgift", bold=True),
        Run(" tas ut."),
    )
