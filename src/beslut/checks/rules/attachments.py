"""Rules about bilagor: references to bilagor that exist, a title and a file for each."""

from __future__ import annotations

import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import ATTACHMENTS, TITLE, Location, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.checks.scan import fold, scan
from beslut.i18n import N_, _, ngettext

# "bilaga 3", "bilagorna 2 och 3", "bilagor 2–4"; not "bilaga 3 till avtalet", which is
# a bilaga of another document. Possessive repeats keep a list from being cut short.
# Matched in lower-cased text; scan checks that no letter comes before.
REFERENCE = re.compile(
    r"bilag(?:a|an|or|orna)\s+"
    r"(\d+(?:\s*(?:,|och|samt|–|-|till)\s*\d+)*+)"
    r"(?!\s+(?:till|i|av)\s+\D)"
)
_REFERENCE_ANYCASE = re.compile(REFERENCE.pattern, re.IGNORECASE)
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*(?:–|-|till)\s*(\d+))?")
_LARGEST_RANGE = 100


def referenced_numbers(numbers: str) -> list[int]:
    """The bilaga numbers in "2, 3 och 5–7" (ranges expanded)."""
    found: list[int] = []
    for match in _NUMBER_OR_RANGE.finditer(numbers):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        found.extend(range(first, min(max(first, last), first + _LARGEST_RANGE) + 1))
    return found


@rule("attachments.reference", Severity.FEL, N_("Hänvisning till en bilaga som saknas"))
def references(ctx: Context) -> Iterator[Hit]:
    """References such as "bilaga 3" point at a bilaga in the list."""
    count = len(ctx.draft.attachments)
    for unit in ctx.running_text():
        folded = fold(unit.text)
        found = scan(REFERENCE, folded) if folded else scan(_REFERENCE_ANYCASE, unit.text)
        for match in found:
            missing = [n for n in referenced_numbers(match.group(1)) if not 1 <= n <= count]
            if missing:
                yield Hit(unit.location.span(*match.span()), _reference_message(missing, count))


def _reference_message(missing: list[int], count: int) -> str:
    numbers = ", ".join(str(n) for n in missing)
    if count == 0:
        message = _("Texten hänvisar till bilaga {numbers}, men ärendet har inga bilagor.")
    else:
        message = _("Texten hänvisar till bilaga {numbers}, men ärendet har bara {count}.")
    return message.format(
        numbers=numbers, count=ngettext("{n} bilaga", "{n} bilagor", count).format(n=count)
    )


@rule("attachments.title", Severity.VARNING, N_("Bilaga utan titel"))
def titles(ctx: Context) -> Iterator[Hit]:
    """Every bilaga has a title."""
    for index, attachment in enumerate(ctx.draft.attachments):
        if not attachment.title:
            message = _("Bilaga {number} saknar titel. Skriv vad bilagan innehåller.")
            yield Hit(Location(ATTACHMENTS, index, TITLE), message.format(number=index + 1))


@rule("attachments.file", Severity.VARNING, N_("Bilaga utan fil"))
def files(ctx: Context) -> Iterator[Hit]:
    """Every bilaga has a file."""
    for index, attachment in enumerate(ctx.draft.attachments):
        if attachment.file is None:
            message = _(
                "Bilaga {number} har ingen fil. Lägg till filen eller ta bort bilagan ur listan."
            )
            yield Hit(Location(ATTACHMENTS, index, "file"), message.format(number=index + 1))


@rule("attachments.file_missing", Severity.FEL, N_("Bilagans fil saknas i databasen"))
def stored_files(ctx: Context) -> Iterator[Hit]:
    """Every bilaga's file is in the store (checked only when the caller says what is there)."""
    exists = ctx.file_exists
    if exists is None:
        return
    for index, attachment in enumerate(ctx.draft.attachments):
        ref = attachment.file
        if ref is not None and not exists(ref.sha256):
            message = _(
                "Filen ”{name}” till bilaga {number} finns inte i databasen. "
                "Lägg till filen på nytt."
            )
            yield Hit(
                Location(ATTACHMENTS, index, "file"),
                message.format(name=ref.name, number=index + 1),
            )
