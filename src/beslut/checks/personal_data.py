"""Finding personal data in a text: numbers, e-mail, phone, street addresses and names.

Each finder gives character ranges; what is the organisation's own (its phone, its
e-mail domain, its address) and whose names may stand (signatories, politicians) is
decided by the rules (rules/personal.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from beslut.checks.scan import scan

Span = tuple[int, int]


# ---- e-mail -------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


def find_emails(text: str) -> Iterator[Span]:
    """E-mail addresses in ``text`` (the dot ending a sentence is not part of one)."""
    for match in _EMAIL.finditer(text):
        start, end = match.span()
        while start < end and text[start] in ".-":
            start += 1
        yield start, end


def email_domain(address: str) -> str:
    """The domain of an address, lower case; "" when there is none."""
    _, at, domain = address.strip().lower().rpartition("@")
    return domain if at else ""


# ---- phone --------------------------------------------------------------------------

# "08-508 290 00", "070-123 45 67", "+46 70 123 45 67", "0701234567", "(08) 123 45 67".
_PHONE = re.compile(
    r"(?:\+46[ \u00a0-]?(?:\(0\)[ \u00a0]?)?|\(0|0)\d{1,3}\)?[ \u00a0/-]?\d{2,4}"
    r"(?:[ \u00a0-]?\d{2,4}){0,3}"
)
_ID_SHAPE = re.compile(r"\d{6}(?:\d\d)?[-+]\d{4}")
_PHONE_DIGITS = (8, 12)


def find_phones(text: str) -> Iterator[Span]:
    """Swedish phone numbers: starting with 0 or +46, eight to twelve digits in all."""
    for match in scan(_PHONE, text, "_/.:,-+"):
        value = match.group(0).rstrip(" \u00a0-")
        digits = phone_digits(value)
        if not _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1]:
            continue
        if _ID_SHAPE.fullmatch(value):  # a personnummer's shape: that finder's
            continue
        end = match.start() + len(value)
        if end < len(text) and (text[end].isdigit() or text[end] in "/:"):
            continue  # part of a longer number, a Dnr or a time
        yield match.start(), end


def phone_digits(value: str) -> str:
    """A phone number's digits with +46 written as 0: "+46 8-508 00" is "0850800"."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.lstrip().startswith("+46"):
        digits = "0" + digits[2:].removeprefix("0")
    return digits


# ---- street addresses ---------------------------------------------------------------

_STREET_ENDINGS = "gatan|vägen|gränd|torget|plan|backe|stigen|allén|väg|gata|torg"
_PREFIXES = (
    r"(?:(?:Sankt|S:t|Stora|Lilla|Norra|Södra|Östra|Västra|Gamla|Nya|Övre|Nedre"
    r"|Drottning|Kung|Prins|Prinsessan)[ \u00a0])?"
)
_POSTCODE = r"\d{3}[ \u00a0]?\d{2}[ \u00a0]+[A-ZÅÄÖ][a-zåäöé]+(?:[ \u00a0-][A-ZÅÄÖ][a-zåäöé]+)?"
_STREET = re.compile(
    _PREFIXES
    + r"[A-ZÅÄÖ][\w:-]*?(?:(?:"
    + _STREET_ENDINGS
    + r")|[A-Za-zåäö][ \u00a0](?:väg|gata|torg|allé|gränd|backe|stig))"
    + r"[ \u00a0]+\d{1,3}(?:[ \u00a0]?[A-Ha-h]\b)?"  # the number, maybe a letter: "5 B"
    + r"(?:(?:,[ \u00a0]*|[ \u00a0]+)"
    + _POSTCODE
    + ")?"
)
_POSTCODE_ONLY = re.compile(_POSTCODE)
# Plans that are documents, not places: "Detaljplan 12", "Översiktsplan 2030".
_NOT_STREETS = ("detaljplan", "översiktsplan", "handlingsplan", "verksamhetsplan",
                "åtgärdsplan", "budgetplan", "strategiplan", "tidplan", "markplan",
                "underplan", "bottenplan")  # fmt: skip


def find_addresses(text: str) -> Iterator[Span]:
    """Street addresses ("Storgatan 5 B", "Sankt Eriksgatan 12, 112 39 Stockholm") and
    postcodes with a town ("123 45 Ort") not already part of one."""
    found: list[Span] = []
    for match in scan(_STREET, text):
        word = match.group(0).split()[0].lower()
        if any(word.endswith(plan) for plan in _NOT_STREETS):
            continue
        found.append(match.span())
    for match in scan(_POSTCODE_ONLY, text, "_-,.:/"):
        start, end = match.span()
        if start >= 2 and text[start - 1] in " \u00a0" and text[start - 2].isdigit():
            continue  # "2 500 00 Kronor": a large number, not a postcode
        if not any(a <= start < b for a, b in found):
            found.append((start, end))
    yield from sorted(found)


# ---- names --------------------------------------------------------------------------

_WORD = re.compile(r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?")
_MAX_SURNAMES = 3  # "Anna Maria von Svensson" is as far as a candidate reaches


def find_names(text: str, first_names: Collection[str]) -> Iterator[Span]:
    """Names of persons: a first name from ``first_names`` followed by one or more
    capitalised words ("Anna Svensson", "Lars-Erik Nilsson Berg")."""
    words = [m for m in _WORD.finditer(text)]
    i = 0
    while i < len(words) - 1:
        first = words[i]
        if first.group(0) not in first_names or not _starts_word(text, first.start()):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(words)
            and j - i < _MAX_SURNAMES
            and _only_space(text, words[j].end(), words[j + 1].start())
        ):
            j += 1
        if j > i:
            yield first.start(), words[j].end()
            i = j + 1
        else:
            i += 1


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_@.")


def _only_space(text: str, end: int, start: int) -> bool:
    return 0 < start - end <= 2 and not text[end:start].strip(" \u00a0")


def normalized(value: str) -> str:
    """Lower case with runs of white space as one space, for comparing names and places."""
    return " ".join(value.lower().split())
