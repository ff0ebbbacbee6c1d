"""Rules about the parts of the TU: required parts filled, a Sammanfattning of the right length."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import DECISIONS, META, TITLE, Location, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _

REQUIRED = "structure.required"


MISSING_DNR = N_("Dnr saknas. Fyll i diarienumret när ärendet är registrerat.")
# Why each required field of the metadata part (Metadata.missing_fields) is needed.
_MISSING_META = {
    TITLE: N_("Ärendemeningen saknas. Skriv en rubrik som säger vad ärendet gäller."),
    "namnd": N_("Nämnden saknas. Välj den nämnd som ska besluta i ärendet."),
    "dnr": MISSING_DNR,
}


@rule(REQUIRED, Severity.FEL, N_("Obligatoriska delar är ifyllda"))
def required_parts(ctx: Context) -> Iterator[Hit]:
    """The metadata part (title, nämnd, Dnr: ``Metadata.is_filled``), the decision points
    and the sections the document type requires."""
    draft = ctx.draft
    for field in draft.meta.missing_fields:
        yield Hit(Location(META, field=field), _(_MISSING_META[field]))
    yield from _decisions_filled(ctx)
    if ctx.doctype is None:
        return
    for spec in ctx.doctype.sections:
        section = draft.section(spec.key)
        if spec.required and (section is None or section.is_empty):
            message = _("Avsnittet ”{heading}” måste fyllas i för den här typen av ärende.")
            yield Hit(Location(spec.key), message.format(heading=spec.heading))


def _decisions_filled(ctx: Context) -> Iterator[Hit]:
    decisions = ctx.draft.decisions
    if not any(decisions):
        heading = ctx.doctype.decision_heading if ctx.doctype else _("Förslag till beslut")
        message = _("”{heading}” saknas. Skriv minst en beslutspunkt.")
        yield Hit(Location(DECISIONS), message.format(heading=heading))
        return
    for index, text in enumerate(decisions):
        if not text:
            message = _("Beslutspunkt {number} är tom. Skriv den eller ta bort den.")
            yield Hit(Location(DECISIONS, index), message.format(number=index + 1))


@rule("summary.missing", Severity.VARNING, N_("Sammanfattning i längre ärenden"))
def summary_missing(ctx: Context) -> Iterator[Hit]:
    """A Sammanfattning when the other text is longer than the limit in the settings."""
    key = ctx.config.summary_section
    section = ctx.draft.section(key)
    if section is not None and not section.is_empty:
        return
    spec = ctx.doctype.section(key) if ctx.doctype else None
    if spec is not None and spec.required and ctx.config.enabled(REQUIRED):
        return  # already reported as a required part
    words = sum(
        lix.words for part, lix in ctx.lix_by_part().items() if part not in (key, DECISIONS)
    )
    if words > ctx.config.summary_needed_above_words:
        message = _(
            "Texten har {words} ord men ingen sammanfattning. Skriv en kort sammanfattning "
            "som går att förstå på egen hand: den kopieras till kallelsen och protokollet."
        )
        yield Hit(Location(key), message.format(words=words))


@rule("summary.length", Severity.VARNING, N_("Sammanfattningens längd"))
def summary_length(ctx: Context) -> Iterator[Hit]:
    """A Sammanfattning no longer than the limit in the settings."""
    key = ctx.config.summary_section
    lix = ctx.lix_by_part().get(key)
    limit = ctx.config.summary_max_words
    if lix is not None and lix.words > limit:
        message = _(
            "Sammanfattningen har {words} ord. Korta den till högst {limit} ord; "
            "den kopieras till kallelsen och protokollet."
        )
        yield Hit(Location(key), message.format(words=lix.words, limit=limit))
