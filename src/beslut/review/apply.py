"""Deciding proposed changes: accepting moves the current draft toward the received one,
rejecting moves the received draft back toward the current one (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from beslut.checks.findings import Location
from beslut.checks.fixes import replace_ranges
from beslut.model.draft import Draft, Section
from beslut.parts import ATTACHMENTS, DECISIONS, META, SIGNATURES
from beslut.review.changes import META_FIELDS, AuthoredSpan, Change, Kind

__all__ = ["accept", "decide", "reject", "shift_spans"]

_T = TypeVar("_T")
_MIRROR = {
    Kind.INSERT_BLOCK: Kind.DELETE_BLOCK,
    Kind.DELETE_BLOCK: Kind.INSERT_BLOCK,
    Kind.INSERT_PART: Kind.DELETE_PART,
    Kind.DELETE_PART: Kind.INSERT_PART,
}


def accept(current: Draft, received: Draft, change: Change) -> Draft:
    """``current`` with ``change`` made: a step toward ``received``."""
    return decide(current, received, [change], accept=True)


def reject(current: Draft, received: Draft, change: Change) -> Draft:
    """``received`` with ``change`` undone: a step back toward ``current``."""
    return decide(current, received, [change], accept=False)


def decide(current: Draft, received: Draft, changes: Iterable[Change], *, accept: bool) -> Draft:
    """Several changes of one propose() decided at once: ``current`` with them made
    (``accept``) or ``received`` with them undone. They are made from the last one
    backwards, so the places of the others stay valid."""
    target, source = (current, received) if accept else (received, current)
    for change in sorted(changes, key=lambda c: c.number, reverse=True):
        here, there = change.location, change.new_location
        kind, text = change.kind, change.new
        if not accept:
            here, there = there, here
            kind, text = _MIRROR.get(kind, kind), change.old
        target = _make(target, source, kind, here, there, text)
    return target


def _make(
    target: Draft, source: Draft, kind: Kind, here: Location, there: Location, text: str
) -> Draft:
    """``target`` with one change made at ``here``, taking what it needs from ``source``
    at ``there``."""
    part = here.part
    if part == META and here.field in META_FIELDS:
        value = getattr(source.meta, here.field)
        return replace(target, meta=replace(target.meta, **{here.field: value}))
    if kind in (Kind.INSERT, Kind.DELETE, Kind.REPLACE):
        assert here.start is not None and here.end is not None
        return replace_ranges(target, here, [(here.start, here.end, text)])
    if part == ATTACHMENTS:
        return replace(target, attachments=source.attachments)
    if part == SIGNATURES:
        return replace(target, signatories=source.signatories)
    if kind is Kind.INSERT_PART:
        return replace(target, sections=_insert_section(target, source, part))
    if kind is Kind.DELETE_PART:
        return replace(target, sections=tuple(s for s in target.sections if s.key != part))
    assert here.index is not None
    if part == DECISIONS:
        wanted = None
        if there.index is not None and kind is not Kind.DELETE_BLOCK:
            wanted = source.decisions[there.index]
        items = _edit(target.decisions, kind, here.index, wanted)
        return replace(target, decisions=items)
    from_section = source.section(part)
    block = None
    if from_section is not None and there.index is not None and kind is not Kind.DELETE_BLOCK:
        block = from_section.blocks[there.index]

    def edit(section: Section) -> Section:
        assert here.index is not None
        return replace(section, blocks=_edit(section.blocks, kind, here.index, block))

    return replace(target, sections=_sections(target, part, edit))


def _edit(items: tuple[_T, ...], kind: Kind, index: int, item: _T | None) -> tuple[_T, ...]:
    if kind is Kind.DELETE_BLOCK:
        return (*items[:index], *items[index + 1 :])
    assert item is not None
    if kind is Kind.INSERT_BLOCK:
        return (*items[:index], item, *items[index:])
    return (*items[:index], item, *items[index + 1 :])  # REPLACE_BLOCK


def _sections(draft: Draft, key: str, edit: Callable[[Section], Section]) -> tuple[Section, ...]:
    return tuple(edit(s) if s.key == key else s for s in draft.sections)


def _insert_section(target: Draft, source: Draft, key: str) -> tuple[Section, ...]:
    """``target``'s sections with ``source``'s section ``key`` after the nearest section
    before it in ``source`` that ``target`` has (first when there is none)."""
    keys = [s.key for s in source.sections]
    at = keys.index(key)
    section = source.sections[at]
    have = [s.key for s in target.sections]
    place = 0
    for before in reversed(keys[:at]):
        if before in have:
            place = have.index(before) + 1
            break
    return (*target.sections[:place], section, *target.sections[place:])


def shift_spans(spans: Sequence[AuthoredSpan], changes: Iterable[Change]) -> list[AuthoredSpan]:
    """Authored spans of the received draft, moved as rejecting ``changes`` (of one
    propose()) moves its text; spans on text that went away are dropped."""
    out = list(spans)
    for change in sorted(changes, key=lambda c: c.number, reverse=True):
        out = [s for s in (_shifted(s, change) for s in out) if s is not None]
    return out


def _shifted(span: AuthoredSpan, change: Change) -> AuthoredSpan | None:
    loc, where = span.location, change.new_location
    if loc.part != where.part:
        return span
    kind = change.kind
    if kind in (Kind.INSERT_PART, Kind.DELETE_PART):
        return None
    if where.index is None or loc.index is None:
        return span if loc.field != where.field or kind is Kind.REPLACE_BLOCK else None
    if kind is Kind.INSERT_BLOCK or kind is Kind.DELETE_BLOCK:
        step = -1 if kind is Kind.INSERT_BLOCK else 1
        if loc.index < where.index:
            return span
        if loc.index == where.index and kind is Kind.INSERT_BLOCK:
            return None
        return AuthoredSpan(replace(loc, index=loc.index + step), span.author)
    if loc.index != where.index:
        return span
    if kind is Kind.REPLACE_BLOCK:
        return None
    if loc.field != where.field or loc.start is None or loc.end is None:
        return span
    assert where.start is not None and where.end is not None
    delta = len(change.old) - (where.end - where.start)
    if loc.start >= where.end:
        return AuthoredSpan(loc.span(loc.start + delta, loc.end + delta), span.author)
    if loc.end <= where.start:
        return span
    return None  # on the text the rejection took away
