"""Personal data: personnummer and samordningsnummer do not belong in a public document."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Severity
from beslut.checks.personnummer import find_personnummer
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _


@rule("personal.personnummer", Severity.VARNING, N_("Personnummer i texten"))
def personnummer(ctx: Context) -> Iterator[Hit]:
    """Numbers anywhere in the text that pass the personnummer check (date and Luhn digit)."""
    for unit in ctx.units:
        for start, end in find_personnummer(unit.text):
            message = _(
                "”{number}” ser ut som ett personnummer. Tjänsteutlåtandet blir en allmän "
                "handling: ta bort numret."
            )
            yield Hit(unit.location.span(start, end), message.format(number=unit.text[start:end]))
