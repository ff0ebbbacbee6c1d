"""The findings for people and programs: text, JSON, and the command's exit code."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from beslut.checks.config import CheckConfig, load_config
from beslut.checks.engine import Report, run_checks
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
from beslut.doctypes.loader import DocType, DocTypeError, load_doctype
from beslut.i18n import N_, _, ngettext
from beslut.model.draft import Draft

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
        return _("Hela texten")
    if loc.part == DECISIONS:
        if loc.index is None:
            return _("Förslag till beslut")
        return _("Förslag till beslut, punkt {n}").format(n=loc.index + 1)
    if loc.part == ATTACHMENTS:
        if loc.index is None:
            return _("Bilagor")
        return _("Bilagor, bilaga {n}").format(n=loc.index + 1)
    heading = _section_heading(loc.part, draft, doctype)
    if loc.field == HEADING:
        return _("{heading}, rubriken").format(heading=heading)
    if loc.index is None:
        return heading
    return _("{heading}, stycke {n}").format(heading=heading, n=loc.index + 1)


def _section_heading(key: str, draft: Draft, doctype: DocType | None) -> str:
    section = draft.section(key)
    if section is not None and section.heading:
        return section.heading
    spec = doctype.section(key) if doctype is not None else None
    return spec.heading if spec is not None else key


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


def doctype_or_none(key: str, template_dir: Path | None = None) -> DocType | None:
    """The draft's document type, or None when the template folder does not have it."""
    try:
        return load_doctype(key, template_dir)
    except DocTypeError:
        return None


def check_draft(
    draft: Draft,
    files: Collection[str] | None = None,
    *,
    config: CheckConfig | None = None,
    template_dir: Path | None = None,
) -> tuple[Report, DocType | None]:
    """Check a draft with ``config`` and the document type from the template folder.

    ``config`` is the caller's granskning settings (``beslut.settings.check_config_for``:
    the user's own Dnr pattern and switched-off rules); without it, checks.toml in
    ``template_dir`` (or the shipped one) as it is.
    """
    if config is None:
        config = load_config(template_dir)
    doctype = doctype_or_none(draft.meta.doctype, template_dir)
    return run_checks(draft, config, doctype=doctype, files=files), doctype


def check_output(
    draft: Draft,
    files: Collection[str] | None,
    output_format: str = "text",
    *,
    config: CheckConfig | None = None,
    template_dir: Path | None = None,
) -> tuple[str, int]:
    """What ``beslut check`` prints and its exit code (``config`` as for check_draft)."""
    report, doctype = check_draft(draft, files, config=config, template_dir=template_dir)
    if output_format == "json":
        return format_json(report.findings), exit_code(report.findings)
    text = format_text(report.findings, draft, doctype)
    if doctype is None:
        note = _(
            "Obs: dokumenttypen ”{key}” finns inte i mallmappen, så obligatoriska avsnitt "
            "har inte kontrollerats."
        )
        text += note.format(key=draft.meta.doctype) + "\n"
    return text, exit_code(report.findings)
