"""Date rules: running text writes dates out ("22 februari 2010"), never with two-digit years."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Fix, Severity
from beslut.checks.lexicon import trie_pattern
from beslut.checks.rules.base import Hit, rule
from beslut.checks.scan import fold, scan
from beslut.checks.swedish import MONTHS, long_date
from beslut.i18n import N_, _

# Not part of a longer number, a Dnr ("T2012-050-05828", "1.5.1-135-2012") or a decimal:
# nothing of these before a date (checked by scan) ...
NUMBER_JOINERS = "_/.:-"
# ... and nothing of these after it.
_AFTER = r"(?![\w/-]|[.:,]\d)"
_MONTH = r"(?:1[0-2]|0?[1-9])"

ISO_DATE = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _AFTER)

# Opens with a plain \d so the engine can skip to digits; the day of the last two forms
# is checked in code.
SHORT_YEAR = re.compile(
    r"\d(?:"
    + "|".join(
        (
            r"\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])",  # 10-02-22
            r"\d?/" + _MONTH + r" ?-\d\d",  # 22/2-10, 22/2 -10
            r"\d?\." + _MONTH + r"\.\d\d",  # 22.2.10
        )
    )
    + ")"
    + _AFTER
)
_DAY_FIRST = re.compile(r"(\d+)[/.]")
# 22 februari -10, februari '10 (matched in lower-cased text)
SHORT_YEAR_MONTH = re.compile(trie_pattern(MONTHS) + r"\s+['’-]\d\d(?!\d)")
_SHORT_YEAR_MONTH_ANYCASE = re.compile(SHORT_YEAR_MONTH.pattern, re.IGNORECASE)


def _day_ok(date: str) -> bool:
    """False for "45/2-10": a day-first date must have a day from 1 to 31."""
    day = _DAY_FIRST.match(date)
    return day is None or 1 <= int(day.group(1)) <= 31


def short_year_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of dates with a two-digit year, in order."""
    spans = [m.span() for m in scan(SHORT_YEAR, text, NUMBER_JOINERS) if _day_ok(m.group())]
    folded = fold(text)
    if folded is None:
        spans += [m.span() for m in scan(_SHORT_YEAR_MONTH_ANYCASE, text)]
    else:
        spans += [m.span() for m in scan(SHORT_YEAR_MONTH, folded)]
    return sorted(spans)


def _iso_date(match: re.Match[str]) -> dt.date | None:
    year, month, day = (int(g) for g in match.groups())
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


@rule("date.iso", Severity.TIPS, N_("Datum i löptext i formen 2010-02-22"))
def iso_dates(ctx: Context) -> Iterator[Hit]:
    """ISO dates in running text, with a fix that writes them out."""
    for unit in ctx.dated_text():
        for match in scan(ISO_DATE, unit.text, NUMBER_JOINERS):
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
    for unit in ctx.dated_text():
        for start, end in short_year_spans(unit.text):
            message = _(
                "”{date}” har ett tvåsiffrigt årtal. Skriv ut hela året, till exempel "
                "”22 februari 2010”."
            )
            yield Hit(unit.location.span(start, end), message.format(date=unit.text[start:end]))
