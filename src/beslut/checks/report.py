"""The findings for people and programs: text, JSON, and the command's exit code."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from beslut.checks.findings import (
    ATTACHMENTS,
    DECISIONS,
    DOCUMENT,
    HEADING,
    META,
    Finding,
    Location,
    Severity,
)
from beslut.doctypes.loader import DocType
from beslut.i18n import N_, _, ngettext
from beslut.model.draft import Draft
from beslut.parts import part_label

EXIT_CLEAN, EXIT_ERRORS = 0, 1

_META_FIELDS = {
    "title": N_("ärendemening"),
    "subtitle": N_("underrubrik"),
    "namnd": N_("nämnd"),
    "dnr": N_("Dnr"),
    "meeting_date": N_("sammanträdesdatum"),
    "date": N_("datum"),
}


def exit_code(findings: Iterable[Finding]) -> int:
    """1 when a finding of severity fel remains, else 0."""
    return EXIT_ERRORS if any(f.severity is Severity.FEL for f in findings) else EXIT_CLEAN


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """One finding as JSON-ready data."""
    loc = finding.location
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": {
            "part": loc.part,
            "index": loc.index,
            "field": loc.field or None,
            "start": loc.start,
            "end": loc.end,
        },
    }
    if finding.fix is not None:
        data["fix"] = {"replacement": finding.fix.replacement, "label": finding.fix.label}
    if finding.suggestions:
        data["suggestions"] = list(finding.suggestions)
    return data


def format_json(findings: Iterable[Finding]) -> str:
    """The findings as a JSON list (UTF-8 text, readable indentation)."""
    data = [finding_to_json(f) for f in findings]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def describe_location(loc: Location, draft: Draft, doctype: DocType | None = None) -> str:
    """Where a finding is, in words: "Bakgrund, stycke 2", "Förslag till beslut, punkt 1"."""
    if loc.part == META:
        return _("Uppgifter om ärendet ({field})").format(
            field=_(_META_FIELDS.get(loc.field, loc.field))
        )
    if loc.part == DOCUMENT:
        return part_label(DOCUMENT)
    if loc.part == DECISIONS:
        if loc.index is None:
            return _("Förslag till beslut")
        return _("Förslag till beslut, punkt {n}").format(n=loc.index + 1)
    if loc.part == ATTACHMENTS:
        if loc.index is None:
            return _("Bilagor")
        return _("Bilagor, bilaga {n}").format(n=loc.index + 1)
    heading = part_label(loc.part, draft, doctype)
    if loc.field == HEADING:
        return _("{heading}, rubriken").format(heading=heading)
    if loc.index is None:
        return heading
    return _("{heading}, stycke {n}").format(heading=heading, n=loc.index + 1)


def format_text(findings: Sequence[Finding], draft: Draft, doctype: DocType | None = None) -> str:
    """The findings as lines for a terminal, with a count at the end."""
    lines = [
        f"{f.severity.label:<8} {describe_location(f.location, draft, doctype)}: "
        f"{f.message} [{f.rule}]"
        for f in findings
    ]
    lines.append(summary_line(findings))
    return "\n".join(lines) + "\n"


def summary_line(findings: Collection[Finding]) -> str:
    """ "2 fel, 1 varning, 4 tips." or "Granskningen hittade inget att anmärka på." """
    if not findings:
        return _("Granskningen hittade inget att anmärka på.")
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return _("{errors}, {warnings}, {tips}.").format(**count_words(counts))


def count_words(counts: Mapping[Severity, int]) -> dict[str, str]:
    """ "1 fel", "2 varningar", "0 tips" as ``errors``, ``warnings`` and ``tips``."""
    errors, warnings, tips = (counts.get(s, 0) for s in Severity)
    return {
        "errors": ngettext("{n} fel", "{n} fel", errors).format(n=errors),
        "warnings": ngettext("{n} varning", "{n} varningar", warnings).format(n=warnings),
        "tips": ngettext("{n} tips", "{n} tips", tips).format(n=tips),
    }
