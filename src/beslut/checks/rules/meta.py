"""Rules about the TU's particulars: the Dnr's format and the order of the dates."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import META, Location, Severity
from beslut.checks.pattern import PatternTooSlow
from beslut.checks.rules.base import Hit, rule
from beslut.checks.rules.structure import MISSING_DNR, REQUIRED
from beslut.i18n import N_, _, format_date_ui


@rule("meta.dnr", Severity.VARNING, N_("Diarienumrets format"))
def dnr_format(ctx: Context) -> Iterator[Hit]:
    """A Dnr is filled in and matches the organisation's pattern.

    A missing Dnr is an error of the required-parts rule; this rule warns about it only
    when that rule is switched off.
    """
    dnr = ctx.draft.meta.dnr
    location = Location(META, field="dnr")
    if not dnr:
        if not ctx.config.enabled(REQUIRED):
            yield Hit(location, _(MISSING_DNR))
        return
    try:
        matches = ctx.config.dnr_matches(dnr)
    except PatternTooSlow as exc:  # the pattern, not the Dnr, is at fault: say so
        yield Hit(location.span(0, len(dnr)), exc.user_message)
        return
    if not matches:
        message = _(
            "Dnr ”{dnr}” har inte det format som är inställt (till exempel ”{example}”). "
            "Kontrollera diarienumret."
        )
        yield Hit(
            location.span(0, len(dnr)),
            message.format(dnr=dnr, example=ctx.config.dnr_example),
        )


@rule("meta.meeting_date", Severity.FEL, N_("Sammanträdet före tjänsteutlåtandets datum"))
def meeting_after_date(ctx: Context) -> Iterator[Hit]:
    """The nämnd cannot meet on a TU before the TU is dated."""
    meta = ctx.draft.meta
    if meta.meeting_date is None or meta.date is None or meta.meeting_date >= meta.date:
        return
    message = _(
        "Sammanträdet ({meeting}) ligger före tjänsteutlåtandets datum ({date}). "
        "Kontrollera datumen."
    )
    yield Hit(
        Location(META, field="meeting_date"),
        message.format(meeting=format_date_ui(meta.meeting_date), date=format_date_ui(meta.date)),
    )
