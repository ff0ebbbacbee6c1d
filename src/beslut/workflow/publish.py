"""A publication copy: the draft exported with its confirmed personal data masked.

The same steps for ``beslut export --publish`` and (later) the app's export step: the
personal-data findings are numbered in document order (``beslut check --personal``
prints them so), the user keeps some, the rest are masked in a copy of the draft
(checks/masking.py) that goes through the normal export. The nämnd's own text is never
changed: a stored draft's version records that text, with a note of what was masked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from beslut.checks import Finding, Report
    from beslut.doctypes import DocType
    from beslut.export.attachments import FileSource
    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.store import Store
    from beslut.workflow.exporting import Exported

PREFIX = "personal."

# What each rule finds, in a word for lists and the version note.
KINDS = {
    "personal.personnummer": N_("personnummer"),
    "personal.samordningsnummer": N_("samordningsnummer"),
    "personal.mojligt_personnummer": N_("möjligt personnummer"),
    "personal.epost": N_("e-postadress"),
    "personal.telefon": N_("telefonnummer"),
    "personal.adress": N_("adress"),
    "personal.namn": N_("namn"),
}
_OTHER = N_("personuppgift")
MAX_NOTE_PLACES = 20  # places named in a version note; the rest are counted


def personal_findings(report: Report) -> list[Finding]:
    """The personal-data findings, in document order: number n is the n-th (from 1)."""
    return [f for f in report.findings if f.rule.startswith(PREFIX)]


def kind_of(finding: Finding) -> str:
    """What a finding found, in words: "personnummer", "namn"."""
    kind = KINDS.get(finding.rule, _OTHER)
    return _(kind)


def to_mask(findings: Sequence[Finding], keep: Collection[int] = ()) -> list[Finding]:
    """The findings to mask: all except the numbers in ``keep`` (1 is the first).

    A number that names no finding raises BeslutError: better no copy than the wrong one.
    """
    wrong = sorted(n for n in keep if not 1 <= n <= len(findings))
    if wrong:
        message = ngettext(
            "Det finns ingen personuppgift nummer {numbers}: granskningen hittade {n}.",
            "Det finns inga personuppgifter nummer {numbers}: granskningen hittade {n}.",
            len(wrong),
        )
        numbers = ", ".join(str(n) for n in wrong)
        raise BeslutError(message.format(numbers=numbers, n=len(findings)), f"keep {wrong}")
    return [f for n, f in enumerate(findings, start=1) if n not in keep]


def masked_copy(draft: Draft, findings: Iterable[Finding]) -> Draft:
    """The publication copy of ``draft`` with ``findings`` masked."""
    from beslut.checks.masking import mask

    return mask(draft, findings)


def masking_note(
    target: Path, masked: Sequence[Finding], draft: Draft, doctype: DocType | None = None
) -> str:
    """The version note: where the copy went and what was masked where (not the values).

    ``draft`` is the masked copy, so a place named by its heading names no person."""
    from beslut.checks.report import describe_location

    head = _("Publiceringsversion exporterad till {name}").format(name=target.name)
    if not masked:
        return head + ": " + _("inga personuppgifter borttagna.")
    places = [
        _("{kind} i {place}").format(
            kind=kind_of(f), place=describe_location(f.location, draft, doctype)
        )
        for f in masked[:MAX_NOTE_PLACES]
    ]
    rest = len(masked) - len(places)
    if rest:
        places.append(ngettext("{n} till", "{n} till", rest).format(n=rest))
    count = ngettext(
        "{n} personuppgift borttagen", "{n} personuppgifter borttagna", len(masked)
    ).format(n=len(masked))
    return f"{head}: {count} ({'; '.join(places)})."


def publish_draft(
    draft: Draft,
    files: FileSource,
    target: Path,
    settings: Settings,
    masked: Sequence[Finding],
    *,
    pdf: bool = False,
    template: Path | None = None,
    overwrite: bool = False,
) -> Exported:
    """Export the publication copy of a draft that is not stored (a draft file)."""
    from beslut.workflow.exporting import export_draft

    copy = masked_copy(draft, masked)
    return export_draft(
        copy, files, target, settings, pdf=pdf, template=template, overwrite=overwrite
    )


def publish_stored(
    store: Store,
    draft_id: int,
    target: Path,
    settings: Settings,
    masked: Sequence[Finding],
    *,
    draft: Draft | None = None,
    doctype: DocType | None = None,
    pdf: bool = False,
    template: Path | None = None,
    overwrite: bool = False,
) -> Exported:
    """Export the publication copy of stored draft ``draft_id``; the version it records
    holds the nämnd's unmasked text and a note of what the copy left out."""
    from beslut.workflow.exporting import export_stored

    text = store.load_draft(draft_id) if draft is None else draft
    copy = masked_copy(text, masked)

    def note(document: Path) -> str:
        return masking_note(document, masked, copy, doctype)

    return export_stored(
        store, draft_id, target, settings, draft=text, pdf=pdf, template=template,
        overwrite=overwrite, exported_text=copy, label=note,
    )  # fmt: skip
