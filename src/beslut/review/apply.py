"""Deciding proposed changes: accepting moves the current draft toward the received one,
rejecting moves the received draft back toward the current one (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from beslut.checks.findings import Location
from beslut.checks.fixes import replace_ranges
from beslut.model.draft import Draft, Section
from beslut.parts import ATTACHMENTS, DECISIONS, META, SIGNATURES
from beslut.review.changes import META_FIELDS, Change, Kind
from beslut.review.comment_places import follow_comments
from beslut.review.follow import made, shift_spans

__all__ = ["accept", "decide", "reject", "shift_spans"]

_T = TypeVar("_T")


def accept(current: Draft, received: Draft, change: Change) -> Draft:
    """``current`` with ``change`` made: a step toward ``received``."""
    return decide(current, received, [change], accept=True)


def reject(current: Draft, received: Draft, change: Change) -> Draft:
    """``received`` with ``change`` undone: a step back toward ``current``."""
    return decide(current, received, [change], accept=False)


def decide(current: Draft, received: Draft, changes: Iterable[Change], *, accept: bool) -> Draft:
    """Several changes of one propose() decided at once: ``current`` with them made
    (``accept``) or ``received`` with them undone. They are made from the last one
    backwards, so the places of the others stay valid. The comments of the draft they
    are made to stay on their text, each change at a time (comment_places.py)."""
    target, source = (current, received) if accept else (received, current)
    for change in sorted(changes, key=lambda c: c.number, reverse=True):
        step = made(change, accept=accept)
        after = _make(target, source, step.kind, step.here, step.there, step.text)
        if target.comments:
            comments = follow_comments(target, after, step)
            if comments != after.comments:
                after = replace(after, comments=comments)
        target = after
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
