"""Date rules: running text writes dates out ("22 februari 2010"), never with two-digit years."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Fix, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.checks.swedish import MONTHS, long_date
from beslut.i18n import N_, _

# Not part of a longer number, a Dnr ("T2012-050-05828", "1.5.1-135-2012") or a decimal.
_BEFORE = r"(?<![\w/.:-])"
_AFTER = r"(?![\w/-]|[.:,]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"

ISO_DATE = re.compile(_BEFORE + r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _AFTER)

SHORT_YEAR = re.compile(
    "|".join(
        (
            # 10-02-22
            _BEFORE + r"\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _AFTER,
            # 22/2-10, 22/2 -10
            _BEFORE + _DAY + "/" + _MONTH + r" ?-\d\d" + _AFTER,
            # 22.2.10
            _BEFORE + _DAY + r"\." + _MONTH + r"\.\d\d" + _AFTER,
            # 22 februari -10, februari '10
            r"(?<![\w-])(?:" + "|".join(MONTHS) + r")\s+['’-]\d\d(?!\d)",
        )
    ),
    re.IGNORECASE,
)


def _iso_date(match: re.Match[str]) -> dt.date | None:
    year, month, day = (int(g) for g in match.groups())
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


@rule("date.iso", Severity.TIPS, N_("Datum i löptext i formen 2010-02-22"))
def iso_dates(ctx: Context) -> Iterator[Hit]:
    """ISO dates in running text, with a fix that writes them out."""
    for unit in ctx.running_text():
        for match in ISO_DATE.finditer(unit.text):
            date = _iso_date(match)
            if date is None:
                continue
            written = long_date(date)
            message = _("Skriv datum i löptext med bokstäver: ”{written}”.")
            yield Hit(
                unit.location.span(*match.span()),
                message.format(written=written),
                Fix(written, match.group(), _("Skriv ”{written}”").format(written=written)),
            )


@rule("date.short_year", Severity.VARNING, N_("Datum med tvåsiffrigt årtal"))
def short_years(ctx: Context) -> Iterator[Hit]:
    """Dates with a two-digit year, which a reader cannot place with certainty."""
    for unit in ctx.running_text():
        for match in SHORT_YEAR.finditer(unit.text):
            message = _(
                "”{date}” har ett tvåsiffrigt årtal. Skriv ut hela året, till exempel "
                "”22 februari 2010”."
            )
            yield Hit(unit.location.span(*match.span()), message.format(date=match.group()))
