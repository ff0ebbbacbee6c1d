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
    """``date`` as "22 februari 2010"."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def plural(count: int, one: str, many: str) -> str:
    """ "1 bilaga", "3 bilagor": the count with the right form of the noun."""
    return f"{count} {one if count == 1 else many}"
