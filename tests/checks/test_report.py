"""Tests for beslut.checks.report: text and JSON output and the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beslut.checks import ATTACHMENTS, DECISIONS, DOCUMENT, META, CheckConfig, Location, run_checks
from beslut.checks.findings import HEADING, Finding, Fix, Severity
from beslut.checks.report import (
    check_output,
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
        (Location(DOCUMENT), "Hela texten"),
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


def _template(folder: Path, required: bool) -> Path:
    (folder / "doctypes").mkdir(parents=True)
    (folder / "doctypes" / "beslutsarende.toml").write_text(
        'name = "Beslutsärende"\n[[sections]]\nkey = "synpunkter"\n'
        f'heading = "Förvaltningens synpunkter"\nrequired = {str(required).lower()}\n',
        encoding="utf-8",
    )
    (folder / "checks.toml").write_text('disabled = ["decision.att"]\n', encoding="utf-8")
    return folder


def test_check_output_uses_the_template_folder(tmp_path: Path) -> None:
    text, code = check_output(DRAFT, None, "text", template_dir=_template(tmp_path, True))
    assert "[decision.att]" not in text  # switched off in that folder's checks.toml
    assert "Förvaltningens synpunkter: Avsnittet ”Förvaltningens synpunkter” måste" in text
    assert code == 1
    out, code = check_output(DRAFT, None, "json", template_dir=tmp_path)
    assert {item["rule"] for item in json.loads(out)} >= {"structure.required", "date.iso"}


def test_check_output_without_errors_exits_zero(tmp_path: Path) -> None:
    text, code = check_output(DRAFT, None, "text", template_dir=_template(tmp_path, False))
    assert code == 0
    assert "Fel " not in text


def test_an_unknown_document_type_is_noted(tmp_path: Path) -> None:
    (tmp_path / "doctypes").mkdir()
    text, _ = check_output(DRAFT, None, "text", template_dir=tmp_path)
    assert text.splitlines()[-1].startswith("Obs: dokumenttypen ”beslutsarende” finns inte")
    out, _ = check_output(DRAFT, None, "json", template_dir=tmp_path)
    assert isinstance(json.loads(out), list)


def test_check_output_uses_the_callers_config(tmp_path: Path) -> None:
    folder = _template(tmp_path, False)  # its checks.toml switches decision.att off
    text, code = check_output(DRAFT, None, "text", config=CheckConfig(), template_dir=folder)
    assert "[decision.att]" in text  # the caller's settings, not the folder's file
    assert code == 1
    own = CheckConfig().with_disabled(["decision.att"]).with_dnr_pattern(r"SN \d+")
    text, code = check_output(DRAFT, None, "text", config=own, template_dir=folder)
    assert "[decision.att]" not in text
    assert "[meta.dnr]" in text
    assert code == 0
