"""Who made a proposed change (no Qt): the author of the tracked change (an authored
span of the received draft) on its place."""

from __future__ import annotations

from collections.abc import Sequence

from beslut.checks.findings import Location
from beslut.review.changes import AuthoredSpan, Kind

__all__ = ["author_of"]


def author_of(where: Location, kind: Kind, spans: Sequence[AuthoredSpan], size: int = 0) -> str:
    """The author of the first span on the change's text and range in R (any span on
    the block for a change of a whole block; for a block deleted, a deletion at the
    start of the block after it); for a deletion on none, of the nearest deletion
    within ``size``, the length of the change's old text."""
    whole = kind in (Kind.INSERT_BLOCK, Kind.REPLACE_BLOCK, Kind.INSERT_PART)
    near: tuple[int, str] | None = None  # a deletion placed elsewhere: (distance, author)
    for span in spans:
        loc = span.location
        if (loc.part, loc.index) != (where.part, where.index):
            continue
        if whole:
            return span.author
        if kind is Kind.DELETE_BLOCK:  # a deletion's place before the block after it
            if not loc.field and loc.start == loc.end == 0:
                return span.author
            continue
        if loc.field != where.field or where.start is None or where.end is None:
            continue
        a = loc.start or 0
        b = a if loc.end is None else loc.end
        if (a < where.end and b > where.start) or (
            (a == b or where.start == where.end) and a <= where.end and where.start <= b
        ):
            return span.author
        # A deletion the word diff placed elsewhere in the same run of text (", a b"
        # and "a b, " are the same deletion): within the deleted text's length, the
        # nearest, once no span is on the change's own place.
        distance = abs(a - where.start)
        close = kind is Kind.DELETE and a == b and distance <= size
        if close and (near is None or distance < near[0]):
            near = (distance, span.author)
    return near[1] if near is not None else ""
