"""Tests for beslut.checks.findings: severities, locations and ordering keys."""

from __future__ import annotations

from beslut.checks.findings import DECISIONS, Finding, Location, Severity


def test_severities_rank_and_read_in_swedish() -> None:
    ordered = sorted(Severity, key=lambda s: s.rank)
    assert ordered == [Severity.FEL, Severity.VARNING, Severity.TIPS]
    assert [s.label for s in ordered] == ["Fel", "Varning", "Tips"]
    assert Severity("varning") is Severity.VARNING


def test_a_location_narrows_to_a_range() -> None:
    loc = Location("bakgrund", 2)
    assert loc.span(4, 9) == Location("bakgrund", 2, "", 4, 9)
    assert loc.start is None


def test_findings_sort_by_block_then_position_then_severity() -> None:
    def finding(index: int | None, start: int | None, severity: Severity) -> Finding:
        return Finding("x", severity, "", Location(DECISIONS, index, start=start, end=start))

    findings = [
        finding(1, 5, Severity.TIPS),
        finding(1, 5, Severity.FEL),
        finding(0, 30, Severity.TIPS),
        finding(None, None, Severity.VARNING),
        finding(1, 2, Severity.TIPS),
    ]
    ordered = sorted(findings, key=Finding.sort_key)
    assert [(f.location.index, f.location.start, f.severity) for f in ordered] == [
        (None, None, Severity.VARNING),
        (0, 30, Severity.TIPS),
        (1, 2, Severity.TIPS),
        (1, 5, Severity.FEL),
        (1, 5, Severity.TIPS),
    ]
