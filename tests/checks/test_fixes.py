"""Tests for beslut.checks.fixes: one-click fixes give a new draft."""

from __future__ import annotations

import pytest

from beslut.checks import StaleFixError, apply_fix, apply_fixes, run_checks
from beslut.checks.findings import (
    ATTACHMENTS,
    DECISIONS,
    HEADING,
    META,
    SUBTITLE,
    TITLE,
    Finding,
    Fix,
    Location,
    Severity,
)
from beslut.checks.fixes import current_text, replace_in_runs
from beslut.model import Attachment, Block, BlockKind, Draft, Metadata, Run, Section


def _finding(loc: Location, replacement: str, original: str) -> Finding:
    return Finding("spacing.double", Severity.TIPS, "", loc, Fix(replacement, original, ""))


DRAFT = Draft(
    meta=Metadata(title="Avgiftsfri  simskola", subtitle="Svar på  uppdrag"),
    decisions=("nämnden inför avgiftsfri simskola",),
    sections=(
        Section(
            "arendet",
            "Ärendet  i korthet",
            (
                Block.plain(BlockKind.HEADING, "Vem simskolan är till för"),
                Block(
                    BlockKind.PARAGRAPH,
                    (Run("Anmälan görs i e-tjänsten.  "), Run("Ingen avgift", bold=True)),
                ),
            ),
        ),
    ),
    attachments=(Attachment("Schema  vt 2027"),),
)


@pytest.mark.parametrize(
    ("loc", "replacement", "original", "after"),
    [
        (Location(META, field=TITLE, start=10, end=12), " ", "  ", "Avgiftsfri simskola"),
        (Location(META, field=SUBTITLE, start=7, end=9), " ", "  ", "Svar på uppdrag"),
        (Location(DECISIONS, 0, start=0, end=1), "N", "n", "Nämnden inför avgiftsfri simskola"),
        (Location(DECISIONS, 0, start=33, end=33), ".", "", "nämnden inför avgiftsfri simskola."),
        (Location("arendet", field=HEADING, start=7, end=9), " ", "  ", "Ärendet i korthet"),
        (
            Location("arendet", 1, start=26, end=28),
            " ",
            "  ",
            "Anmälan görs i e-tjänsten. Ingen avgift",
        ),
        (Location(ATTACHMENTS, 0, TITLE, 6, 8), " ", "  ", "Schema vt 2027"),
    ],
)
def test_a_fix_replaces_its_range(
    loc: Location, replacement: str, original: str, after: str
) -> None:
    fixed = apply_fix(DRAFT, _finding(loc, replacement, original))
    assert current_text(fixed, loc) == after
    assert current_text(DRAFT, loc) != after  # the old draft is untouched


def test_a_fix_for_text_that_changed_is_refused() -> None:
    finding = _finding(Location(META, field=TITLE, start=0, end=2), " ", "  ")
    with pytest.raises(StaleFixError) as info:
        apply_fix(DRAFT, finding)
    assert info.value.user_message.startswith("Texten har ändrats sedan granskningen.")


def test_a_finding_without_a_fix_cannot_be_applied() -> None:
    finding = Finding("meta.dnr", Severity.VARNING, "", Location(META, field="dnr"))
    with pytest.raises(ValueError, match="no fix"):
        apply_fix(DRAFT, finding)


def test_fix_all_applies_every_fix_once() -> None:
    report = run_checks(DRAFT)
    fixed = apply_fixes(DRAFT, report.findings)
    assert fixed.meta.title == "Avgiftsfri simskola"
    assert fixed.decisions == ("Nämnden inför avgiftsfri simskola.",)
    assert fixed.sections[0].blocks[1].runs == (
        Run("Anmälan görs i e-tjänsten. "),
        Run("Ingen avgift", bold=True),
    )
    assert [f for f in run_checks(fixed).findings if f.fix is not None] == []


def test_overlapping_fixes_apply_only_the_later_one() -> None:
    loc = Location(META, field=TITLE)
    findings = [
        _finding(loc.span(9, 12), "", "a  "),
        _finding(loc.span(10, 12), " ", "  "),
    ]
    assert apply_fixes(DRAFT, findings).meta.title == "Avgiftsfri simskola"


@pytest.mark.parametrize(
    ("start", "end", "new", "texts"),
    [
        (0, 3, "Den", [("Den", False), (" simskola", False), (" startar", True)]),
        (10, 13, "", [("Vår", False), (" simsko", False), ("startar", True)]),  # across runs
        (12, 12, "X", [("Vår", False), (" simskola", False), ("X startar", True)]),
        (20, 20, ".", [("Vår", False), (" simskola", False), (" startar.", True)]),
    ],
)
def test_replace_in_runs_keeps_formatting(
    start: int, end: int, new: str, texts: list[tuple[str, bool]]
) -> None:
    runs = (Run("Vår"), Run(" simskola"), Run(" startar", bold=True))
    assert [(r.text, r.bold) for r in replace_in_runs(runs, start, end, new)] == texts


def test_replace_in_no_runs() -> None:
    assert replace_in_runs((), 0, 0, "Text") == (Run("Text"),)
    assert replace_in_runs((), 0, 0, "") == ()


def test_a_location_without_text_is_refused() -> None:
    with pytest.raises(ValueError, match="no text"):
        current_text(DRAFT, Location("bakgrund", 0))
