"""Accessibility of the richer content: tables with a header row, links that say where
they lead."""

from __future__ import annotations

import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Location, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _
from beslut.model.draft import BlockKind

_ADDRESS = re.compile(r"\s*(https?://|mailto:|www\.)\S*\s*", re.IGNORECASE)


@rule("table.header", Severity.VARNING, N_("Tabeller har en rubrikrad"))
def header_rows(ctx: Context) -> Iterator[Hit]:
    """A table whose first row is not marked as its header: a screen reader then cannot
    say which column a value belongs to, and the header is not repeated on a new page."""
    for section in ctx.draft.sections:
        for index, block in enumerate(section.blocks):
            if block.kind is BlockKind.TABLE and block.rows and not block.header_rows:
                message = _(
                    "Tabellen saknar rubrikrad. Markera den första raden som rubrikrad, så "
                    "att en skärmläsare kan läsa tabellen och rubrikerna upprepas på varje sida."
                )
                yield Hit(Location(section.key, index), message)


@rule("link.text", Severity.TIPS, N_("Länktexter säger vart länken leder"))
def link_texts(ctx: Context) -> Iterator[Hit]:
    """A link whose text is only the address: on paper and for a screen reader a link
    text should say what it leads to ("stadens anläggningsplan")."""
    for section in ctx.draft.sections:
        for index, block in enumerate(section.blocks):
            start = 0
            for run in block.runs:
                end = start + len(run.text)
                if run.link and _ADDRESS.fullmatch(run.text):
                    message = _(
                        "Länktexten är bara adressen. Skriv vad länken leder till, till "
                        "exempel ”stadens anläggningsplan”."
                    )
                    yield Hit(Location(section.key, index).span(start, end), message)
                start = end
