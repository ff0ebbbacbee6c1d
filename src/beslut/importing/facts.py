"""The first page's facts of a TU read from lines of text: Dnr, datum, nämnd, sammanträde,
förvaltning, avdelning, handläggare with telefon and e-post (no Qt).

A Stockholm TU states them as the city template prints them ("Dnr IDN 2026/251",
"Handläggare: Sara Lindqvist", "Till Idrottsnämnden", "Sammanträde 5 januari 2027");
older ones as "DNR 106-555/2004" or "Handläggare Eva Ek, telefon 08-508 000 00". A line
of two columns (a PDF's header) is split where three spaces or more stand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from beslut.checks.swedish import MONTHS

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_LABELS = {
    "dnr": re.compile(r"(?i)^(?:dnr|diarienummer)[:.]?\s*(\S.*)$"),
    "handlaggare": re.compile(r"(?i)^handläggare[:]?\s+(\S.*)$"),
    "telefon": re.compile(r"(?i)^(?:telefon|tfn|tel)[:.]?\s+(\+?[\d][\d \-]{4,})$"),
    "epost": re.compile(r"(?i)^e-?post[:]?\s+(\S+@\S+)$"),
    "namnd": re.compile(
        r"^Till\s+(\S.*?(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige))(?:[\s,]+(\S.*))?$"
    ),
    "meeting": re.compile(r"(?i)^sammanträde(?:sdatum)?[:]?\s+(\S.*)$"),
}
_FORVALTNING = re.compile(r"(?i)^\S.*(förvaltning|förvaltningen|kontoret|kontor)$")
_AVDELNING = re.compile(r"(?i)^(avdelningen|enheten|staben|sektionen)\b.*$")
_MARKERS = re.compile(r"(?i)^(tjänsteutlåtande|sida \d+ \(\d+\)|sid\. \d+ \(\d+\))$")
_COLUMNS = re.compile(r"\s{3,}")
LONGEST = 400  # characters: no line of facts is longer, however laid out
FACT_WORDS = 12  # a line of facts is short: "Avdelningen för anläggning och evenemang"
# Where a copy out of a PDF ran two columns of the head into one line ("Idrottsförvaltningen
# Tjänsteutlåtande", "Handläggare: Eva Ek Till Idrottsnämnden"): before a label.
_RUN_TOGETHER = re.compile(
    r"\s+(?=(?:Dnr\b|Tjänsteutlåtande\b|Sammanträde\b|Telefon\b|E-post\b|Handläggare\b"
    r"|Till\s+\S+(?:nämnd|nämnden|styrelse|styrelsen|fullmäktige)\b))"
)


@dataclass
class Facts:
    """What the facts said; ``lines`` are the lines that were facts (to leave out of the
    text)."""

    dnr: str = ""
    date: dt.date | None = None
    namnd: str = ""
    meeting_date: dt.date | None = None
    forvaltning: str = ""
    avdelning: str = ""
    handlaggare: str = ""
    telefon: str = ""
    epost: str = ""
    lines: set[str] = field(default_factory=set)

    def found(self) -> list[str]:
        """The names of the facts that were found, for the preview."""
        return [name for name in _FIELDS if getattr(self, name)]


_FIELDS = (
    "dnr",
    "date",
    "namnd",
    "meeting_date",
    "forvaltning",
    "avdelning",
    "handlaggare",
    "telefon",
    "epost",
)


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``: 2027-01-05 or "5 januari 2027"."""
    for pattern, parts in ((_ISO, (1, 2, 3)), (_LONG, (3, 2, 1))):
        match = pattern.search(text)
        if match is None:
            continue
        year, month, day = (match.group(i) for i in parts)
        number = int(month) if month.isdigit() else MONTHS.index(month.lower()) + 1
        try:
            return dt.date(int(year), number, int(day))
        except ValueError:
            continue
    return None


def fragments(lines: Iterable[str]) -> list[str]:
    """Each line's columns, stripped, in order: parted where three spaces or more
    stand, or where a copy ran two columns together before a label."""
    return [
        piece.strip()
        for line in lines
        for column in (_COLUMNS.split(line) if len(line) <= LONGEST else [line])
        for piece in (_columns_run_together(column) if len(column) <= LONGEST else [column])
        if piece.strip()
    ]


def _columns_run_together(column: str) -> list[str]:
    """``column`` parted before a label, when every piece then states a fact."""
    pieces = _RUN_TOGETHER.split(column.strip())
    if len(pieces) > 1 and all(_take(Facts(), piece) for piece in pieces):
        return pieces
    return [column]


def is_fact_line(line: str) -> bool:
    """True when ``line`` states one of the facts (a line of the first page's head): a
    sentence ("Enheten har under året ...", "... och Precens.") states none."""
    pieces = fragments([line])
    return bool(pieces) and all(
        len(piece.split()) <= FACT_WORDS
        and not piece.endswith((".", "!", "?", ","))
        and _take(Facts(), piece)
        for piece in pieces
    )


def read_facts(lines: Iterable[str]) -> Facts:
    """The facts among ``lines`` (the first occurrence of each wins)."""
    facts = Facts()
    for piece in fragments(lines):
        if _take(facts, piece):
            facts.lines.add(piece)
    return facts


def _take(facts: Facts, piece: str) -> bool:
    """Record what ``piece`` states; True when it is a line of facts."""
    if len(piece) > LONGEST:
        return False  # a paragraph (the patterns would scan all of it)
    if _MARKERS.match(piece):
        return True
    for name, pattern in _LABELS.items():
        match = pattern.match(piece)
        if match is None:
            continue
        value = match.group(1).strip()
        if name == "handlaggare":
            value, _sep, rest = value.partition(",")
            phone = re.search(r"(?i)(?:telefon|tfn|tel)[:.]?\s*(\+?\d[\d \-]{4,})", rest)
            if phone and not facts.telefon:
                facts.telefon = phone.group(1).strip()
        if name == "namnd" and match.group(2):
            date = parse_date(match.group(2))  # "Till Kulturnämnden 2027-04-12"
            if date is not None and facts.meeting_date is None:
                facts.meeting_date = date
        if name == "meeting":
            date = parse_date(value)
            if date is not None and facts.meeting_date is None:
                facts.meeting_date = date
            return date is not None
        if not getattr(facts, name):
            setattr(facts, name, value.strip())
        return True
    if _ISO.fullmatch(piece) or _LONG.fullmatch(piece):
        if facts.date is None:
            facts.date = parse_date(piece)
        return True
    if _AVDELNING.match(piece) and len(piece) <= 80:
        facts.avdelning = facts.avdelning or piece
        return True
    if _FORVALTNING.match(piece) and len(piece.split()) <= 5:
        facts.forvaltning = facts.forvaltning or piece
        return True
    return False
