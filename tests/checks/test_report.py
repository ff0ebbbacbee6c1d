"""Tests for beslut.checks.report: text and JSON output and the exit code."""

from __future__ import annotations

import json

import pytest

from beslut.checks import ATTACHMENTS, DECISIONS, DOCUMENT, META, Location, run_checks
from beslut.checks.findings import HEADING, Finding, Fix, Severity
from beslut.checks.report import (
    describe_location,
    exit_code,
    format_json,
    format_text,
    summary_line,
)
from beslut.doctypes.loader import DocType, SectionSpec
from beslut.model import Block, BlockKind, Draft, Metadata, Section

DRAFT = Draft(
    meta=Metadata(
        title="Avgiftsfri simskola",
        namnd="Idrottsnämnden",
        dnr="IDN 2026/242",
        doctype="beslutsarende",
    ),
    decisions=("att godkänna simskolan", "Beslutet justeras omedelbart."),
    sections=(
        Section(
            "bakgrund",
            "Bakgrund",
            (Block.plain(BlockKind.PARAGRAPH, "Simskolan startar 2027-02-01  i Husby."),),
        ),
    ),
)


def _finding(severity: Severity) -> Finding:
    return Finding("x.y", severity, "Meddelande.", Location(DECISIONS, 0))


def test_exit_code_is_one_only_for_errors() -> None:
    assert exit_code([]) == 0
    assert exit_code([_finding(Severity.TIPS), _finding(Severity.VARNING)]) == 0
    assert exit_code([_finding(Severity.TIPS), _finding(Severity.FEL)]) == 1


def test_json_lists_rule_severity_message_location_and_fix() -> None:
    report = run_checks(DRAFT)
    data = json.loads(format_json(report.findings))
    assert [item["rule"] for item in data] == [f.rule for f in report.findings]
    first = data[0]
    assert first == {
        "rule": "decision.att",
        "severity": "fel",
        "message": report.findings[0].message,
        "location": {"part": "decisions", "index": 0, "field": None, "start": 0, "end": 3},
    }
    iso = next(item for item in data if item["rule"] == "date.iso")
    assert iso["fix"] == {"replacement": "1 februari 2027", "label": "Skriv ”1 februari 2027”"}
    assert json.loads(format_json([])) == []


@pytest.mark.parametrize(
    ("loc", "words"),
    [
        (Location(META, field="dnr"), "Uppgifter om ärendet (Dnr)"),
        (Location(META, field="title"), "Uppgifter om ärendet (ärendemening)"),
        (Location(META, field="namnd"), "Uppgifter om ärendet (nämnd)"),
        (Location(DECISIONS), "Förslag till beslut"),
        (Location(DECISIONS, 1), "Förslag till beslut, punkt 2"),
        (Location(ATTACHMENTS, 0, "file"), "Bilagor, bilaga 1"),
        (Location(DOCUMENT), "Hela dokumentet"),
        (Location("bakgrund"), "Bakgrund"),
        (Location("bakgrund", 0, start=3, end=5), "Bakgrund, stycke 1"),
        (Location("bakgrund", field=HEADING), "Bakgrund, rubriken"),
        (Location("synpunkter"), "Förvaltningens synpunkter"),  # from the document type
        (Location("okand"), "okand"),
    ],
)
def test_locations_in_words(loc: Location, words: str) -> None:
    doctype = DocType("x", "X", sections=(SectionSpec("synpunkter", "Förvaltningens synpunkter"),))
    assert describe_location(loc, DRAFT, doctype) == words


def test_text_output_has_a_line_per_finding_and_a_count() -> None:
    report = run_checks(DRAFT)
    lines = format_text(report.findings, DRAFT).splitlines()
    assert len(lines) == len(report.findings) + 1
    assert lines[0].startswith("Fel      Förslag till beslut, punkt 1: Börja inte")
    assert lines[0].endswith("[decision.att]")
    assert lines[-1] == summary_line(report.findings)


def test_summary_line() -> None:
    assert summary_line([]) == "Granskningen hittade inget att anmärka på."
    findings = [_finding(Severity.FEL), _finding(Severity.VARNING), _finding(Severity.TIPS)]
    assert summary_line(findings) == "1 fel, 1 varning, 1 tips."
    assert summary_line(findings + findings[1:]) == "1 fel, 2 varningar, 2 tips."


def test_fix_labels_do_not_leak_into_text_output() -> None:
    finding = Finding(
        "spacing.double",
        Severity.TIPS,
        "Här står flera mellanslag i rad.",
        Location("bakgrund", 0),
        Fix(" ", "  ", "Ersätt med ett mellanslag"),
    )
    assert "Ersätt" not in format_text([finding], DRAFT)
