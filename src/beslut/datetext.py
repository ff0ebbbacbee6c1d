"""Reading a date a person typed, in the forms Swedes write dates (no Qt)."""

from __future__ import annotations

import datetime as dt
import re

from beslut.checks.swedish import MONTHS

# Month names and their usual abbreviations: the Swedish names running text uses
# (checks/swedish.py), English ones (the UI speaks both), and the short forms.
_OTHER_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("apr",),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("sept", "sep"),
    ("october", "okt", "oct"),
    ("nov",),
    ("dec",),
)
_MONTHS = {
    name: number
    for number, (swedish, others) in enumerate(zip(MONTHS, _OTHER_NAMES, strict=True), start=1)
    for name in (swedish, *others)
}

_ISO = re.compile(r"(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})")  # 2027-01-14, 2027/1/14
_DIGITS8 = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20270114
_DIGITS6 = re.compile(r"(\d{2})(\d{2})(\d{2})")  # 270114
# 14/1 2027, 14/1-2027, 14/1 -27, 14.1.2027, 14/1 (this year)
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[-./ ]\s*(\d{4}|\d{2}))?")
# 14 januari 2027, 14 jan. 2027, 14 januari (this year)
_WRITTEN = re.compile(r"(\d{1,2})\.?\s*([^\W\d_]+)\.?(?:\s*(\d{4}))?")


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """The date ``text`` names, or None when it names none (empty, or not a real day).

    A year left out is ``today``'s; a two-digit year is in this century.
    """
    text = " ".join(text.strip().lower().split())
    for pattern in (_ISO, _DIGITS8):
        if match := pattern.fullmatch(text):
            return _date(match[1], match[2], match[3])
    if match := _DIGITS6.fullmatch(text):
        return _date("20" + match[1], match[2], match[3])
    if match := _DAY_MONTH.fullmatch(text):
        return _date(_year(match[3], today), match[2], match[1])
    if (match := _WRITTEN.fullmatch(text)) and match[2] in _MONTHS:
        return _date(_year(match[3], today), str(_MONTHS[match[2]]), match[1])
    return None


def _year(text: str | None, today: dt.date) -> str:
    if not text:
        return str(today.year)
    return "20" + text if len(text) == 2 else text


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
