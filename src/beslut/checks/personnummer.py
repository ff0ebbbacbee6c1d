"""Swedish personnummer and samordningsnummer: the date and Luhn check, and finding them in text."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from beslut.checks.scan import scan

# Six or eight date digits, an optional "-" or "+", four digits; not part of a longer
# number, a Dnr ("T2012-050-05828") or a decimal (what comes before is checked by scan).
# (Written out digit by digit: a pattern opening with a plain \d lets the engine skip
# quickly to the digits of the text.)
_CANDIDATE = re.compile(r"(\d\d\d\d\d\d(?:\d\d)?)([-+]?)(\d{4})(?![\w/-]|[.,:]\d)")
_NUMBER_JOINERS = "_/.:-"

_CENTURIES = ("18", "19", "20")
_SAMORDNING_OFFSET = 60


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the Luhn check digit of the digits before it."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _valid_date(century: str | None, yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > _SAMORDNING_OFFSET:
        day -= _SAMORDNING_OFFSET
    if not 1 <= month <= 12 or day < 1:
        return False
    centuries = (century,) if century else ("19", "20")
    return any(day <= calendar.monthrange(int(c + yymmdd[:2]), month)[1] for c in centuries)


def check_number(date_digits: str, serial: str) -> bool:
    """True for a valid personnummer or samordningsnummer given as its date and last four digits.

    ``date_digits`` is YYMMDD or YYYYMMDD; the check digit is computed over YYMMDDNNN.
    """
    century = None
    if len(date_digits) == 8:
        century, date_digits = date_digits[:2], date_digits[2:]
        if century not in _CENTURIES:
            return False
    if len(date_digits) != 6 or len(serial) != 4:
        return False
    return _valid_date(century, date_digits) and luhn_ok(date_digits + serial)


def is_personnummer(text: str) -> bool:
    """True when ``text`` as a whole is a valid personnummer or samordningsnummer."""
    match = _CANDIDATE.fullmatch(text.strip())  # nothing can come before: whole text
    return match is not None and check_number(match.group(1), match.group(3))


def find_personnummer(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges of the valid personnummer and samordningsnummer in ``text``."""
    for match in scan(_CANDIDATE, text, _NUMBER_JOINERS):
        if check_number(match.group(1), match.group(3)):
            yield match.span()


@dataclass(frozen=True, slots=True)
class NumberHit:
    """A personnummer-shaped number: ``kind`` is PERSONNUMMER, SAMORDNINGSNUMMER or
    POSSIBLE (the right shape and a real date, but a wrong check digit)."""

    start: int
    end: int
    kind: str


PERSONNUMMER, SAMORDNINGSNUMMER, POSSIBLE = "personnummer", "samordningsnummer", "possible"


def find_id_numbers(text: str) -> Iterator[NumberHit]:
    """Personnummer, samordningsnummer and possible personnummer in ``text``.

    A possible one needs a real date and a "-" or "+" (or all twelve digits), so a bare
    ten-digit number (a phone number, an order number) is not taken for one.
    """
    for match in scan(_CANDIDATE, text, _NUMBER_JOINERS):
        date, sign, serial = match.group(1), match.group(2), match.group(3)
        if check_number(date, serial):
            samordning = int(date[-2:]) > _SAMORDNING_OFFSET
            yield NumberHit(*match.span(), SAMORDNINGSNUMMER if samordning else PERSONNUMMER)
        elif (sign or len(date) == 8) and _real_date(date):
            yield NumberHit(*match.span(), POSSIBLE)


def _real_date(date: str) -> bool:
    century = date[:2] if len(date) == 8 else None
    if century is not None and century not in _CENTURIES:
        return False
    return _valid_date(century, date[-6:])
