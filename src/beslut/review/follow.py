"""Places that follow a decided change (no Qt): where a range of a draft's text stands
once a change is made to that draft. The one rule for the received draft's authored
spans when a change is rejected (shift_spans) and for the comments of the draft a
change is made to (comment_places.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from beslut.checks.findings import Location
from beslut.review.changes import AuthoredSpan, Change, Kind

__all__ = ["Made", "made", "moved", "moved_range", "shift_spans", "steps"]

_MIRROR = {
    Kind.INSERT_BLOCK: Kind.DELETE_BLOCK,
    Kind.DELETE_BLOCK: Kind.INSERT_BLOCK,
    Kind.INSERT_PART: Kind.DELETE_PART,
    Kind.DELETE_PART: Kind.INSERT_PART,
}


@dataclass(frozen=True, slots=True)
class Made:
    """A change as it is made to one draft: ``kind`` at ``here`` in that draft (for a
    text, characters here.start..here.end become ``text``), taking what it needs from
    the other draft at ``there``."""

    kind: Kind
    here: Location
    there: Location
    text: str


def made(change: Change, *, accept: bool) -> Made:
    """What deciding ``change`` does: accepting makes it in the current draft, rejecting
    undoes it in the received one (an inserted block deleted, and so on)."""
    if accept:
        return Made(change.kind, change.location, change.new_location, change.new)
    kind = _MIRROR.get(change.kind, change.kind)
    return Made(kind, change.new_location, change.location, change.old)


def steps(changes: Iterable[Change], *, accept: bool) -> list[tuple[Change, Made]]:
    """What deciding ``changes`` (of one propose()) does, step by step in the order the
    steps are made: from the last place in document order backwards, so that each
    step's place is still where propose() found it. A move is two steps, each at its
    own place: the block deleted at its old place and inserted at its new one
    (rejecting: deleted at its new place in the received draft and put back at its old
    one), with the other changes' steps between them as the places fall."""
    out: list[tuple[int, Change, Made]] = []
    for change in changes:
        order = change.order or (change.number,)
        if change.kind is not Kind.MOVE_BLOCK:
            out.append((order[0], change, made(change, accept=accept)))
            continue
        gone, came = _halves(change, accept=accept)
        out += [(order[0], change, gone), (order[-1], change, came)]
    out.sort(key=lambda item: item[0], reverse=True)
    return [(change, step) for _order, change, step in out]


def _halves(change: Change, *, accept: bool) -> tuple[Made, Made]:
    """A move's two steps: at its old place, then at its new one."""
    part = change.location.part
    old_c, new_r = change.location, change.new_location
    new_c, old_r = Location(part, change.to_index), Location(part, change.from_new_index)
    if accept:
        return (
            Made(Kind.DELETE_BLOCK, old_c, old_r, ""),
            Made(Kind.INSERT_BLOCK, new_c, new_r, change.new),
        )
    return (
        Made(Kind.INSERT_BLOCK, old_r, old_c, change.old),
        Made(Kind.DELETE_BLOCK, new_r, new_c, ""),
    )


def moved_range(start: int, end: int, a: int, b: int, size: int) -> tuple[int, int, bool]:
    """Characters ``start..end`` of a text once its characters ``a..b`` became ``size``
    new ones, and whether the edit touched them. A range after the edit (or at the
    place of an insertion) shifts, one before it stays; one around the edit grows or
    shrinks with it; one partly or wholly on replaced text takes in the new text, and
    one on deleted text (or a point inside the edit) collapses to the edit's place."""
    delta = size - (b - a)
    if start >= b:
        return start + delta, end + delta, False
    if end <= a:
        return start, end, False
    if start == end:
        return a, a, True
    new_end = end + delta if end >= b else a + size
    return min(start, a), new_end, True


def moved(loc: Location, change: Made) -> tuple[Location, bool] | None:
    """``loc``, a place in the draft before ``change``, in the draft after it, and
    whether the change touched its characters; None when its text went away whole (its
    block or part deleted, its block replaced by another)."""
    here, kind = change.here, change.kind
    if loc.part != here.part or kind is Kind.INSERT_PART:
        return loc, False
    if kind is Kind.DELETE_PART:
        return None
    if here.index is None and kind is Kind.REPLACE_BLOCK:  # the bilagor or signatories
        return loc, False
    if kind is Kind.INSERT_BLOCK or kind is Kind.DELETE_BLOCK:
        assert here.index is not None
        if loc.index is None or loc.index < here.index:
            return loc, False
        if kind is Kind.INSERT_BLOCK:
            return replace(loc, index=loc.index + 1), False
        if loc.index == here.index:
            return None
        return replace(loc, index=loc.index - 1), False
    if loc.index != here.index:
        return loc, False
    if kind is Kind.REPLACE_BLOCK:
        return None
    if loc.field != here.field or None in (loc.start, loc.end, here.start, here.end):
        return loc, False
    assert loc.start is not None and loc.end is not None
    assert here.start is not None and here.end is not None
    start, end, touched = moved_range(loc.start, loc.end, here.start, here.end, len(change.text))
    return loc.span(start, end), touched


def shift_spans(spans: Sequence[AuthoredSpan], changes: Iterable[Change]) -> list[AuthoredSpan]:
    """Authored spans of the received draft, moved as rejecting ``changes`` (of one
    propose()) moves its text; spans on text that went away are dropped."""
    out = list(spans)
    for _change, undone in steps(changes, accept=False):
        kept = []
        for span in out:
            got = moved(span.location, undone)
            if got is not None and not got[1]:
                kept.append(span if got[0] == span.location else AuthoredSpan(got[0], span.author))
        out = kept
    return out
