"""Swedish month names and dates written out, as running text wants them ("22 februari 2010")."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(date: dt.date) -> str:
    """``date`` as "22 februari 2010".

    The same text as beslut.i18n.format_date, without importing babel into the checks,
    which run while the user types.
    """
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
