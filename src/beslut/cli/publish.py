"""``beslut export --publish [--keep N ...]`` and ``beslut check --personal``: the
publication copy on the command line (workflow/publish.py does the work)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import _, ngettext

if TYPE_CHECKING:
    from beslut.checks import Finding, Report
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --publish and --keep to the export command's ``parser``."""
    parser.add_argument(
        "--publish",
        action="store_true",
        help=_(
            "skriv en publiceringsversion: varje personuppgift som granskningen hittar "
            "ersätts med ”[personuppgift borttagen]”"
        ),
    )
    parser.add_argument(
        "--keep",
        type=int,
        nargs="+",
        action="extend",
        default=[],
        metavar="N",
        help=_("behåll personuppgifterna med dessa nummer (se beslut check ID --personal)"),
    )


def add_check_argument(parser: argparse.ArgumentParser) -> None:
    """Add --personal to the check command's ``parser``."""
    parser.add_argument(
        "--personal",
        action="store_true",
        help=_("lista bara personuppgifterna, numrerade som export --keep läser dem"),
    )


def check_options(args: argparse.Namespace) -> None:
    """Refuse --keep without --publish, and what a publication copy cannot carry."""
    if args.keep and not args.publish:
        raise BeslutError(_("--keep gäller bara med --publish."), "--keep without --publish")
    if args.publish and args.attachments:
        message = _(
            "--publish och --attachments går inte att kombinera: bilagornas filer kan "
            "innehålla personuppgifter som beslut inte kan ta bort."
        )
        raise BeslutError(message, "--publish with --attachments")
    if args.publish and args.comments:
        message = _(
            "--publish och --comments går inte att kombinera: en publiceringsversion "
            "har inga kommentarer."
        )
        raise BeslutError(message, "--publish with --comments")
    if args.publish and args.changes_since is not None:
        message = _(
            "--publish och --changes-since går inte att kombinera: spårade ändringar "
            "visar den borttagna texten."
        )
        raise BeslutError(message, "--publish with --changes-since")


def masked_and_rest(args: argparse.Namespace, report: Report) -> tuple[list[Finding], Report]:
    """The findings to mask, and the report without them (for the export gate)."""
    from dataclasses import replace

    from beslut.workflow.publish import personal_findings, to_mask

    if not args.publish:
        return [], report
    masked = to_mask(personal_findings(report), args.keep)
    rest = tuple(f for f in report.findings if f not in masked)
    return masked, replace(report, findings=rest)


def personal_findings(report: Report) -> list[Finding]:
    """The personal-data findings as --keep numbers them."""
    from beslut.workflow.publish import personal_findings as found

    return found(report)


def summary(masked: Sequence[Finding], kept: int) -> str:
    """What the copy left out: "Publiceringsversion: 3 personuppgifter borttagna, 1 kvar."."""
    removed = ngettext(
        "{n} personuppgift borttagen", "{n} personuppgifter borttagna", len(masked)
    ).format(n=len(masked))
    return _("Publiceringsversion: {removed}, {kept} kvar.").format(removed=removed, kept=kept)


def personal_listing(findings: Sequence[Finding], draft: Draft, doctype: DocType) -> str:
    """The personal-data findings numbered as --keep reads them, one a line."""
    from beslut.checks.fixes import current_text
    from beslut.checks.report import describe_location
    from beslut.workflow.publish import kind_of

    if not findings:
        return _("Granskningen hittade inga personuppgifter.") + "\n"
    lines = []
    for number, finding in enumerate(findings, start=1):
        loc = finding.location
        value = current_text(draft, loc)[loc.start : loc.end]
        place = describe_location(loc, draft, doctype)
        lines.append(f"{number:>3}  {kind_of(finding):<22} {place}: ”{value}”")
    return "\n".join(lines) + "\n"
