"""Deciding proposed changes: accepting moves the current draft toward the received one,
rejecting moves the received draft back toward the current one (no Qt)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from beslut.checks.findings import Location
from beslut.checks.fixes import replace_ranges
from beslut.model.comments import Comment
from beslut.model.draft import Draft, Section
from beslut.parts import ATTACHMENTS, DECISIONS, META, SIGNATURES
from beslut.review.changes import META_FIELDS, Change, Kind
from beslut.review.comment_places import follow_comments
from beslut.review.follow import moved, shift_spans, steps

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
    backwards, so the places of the others stay valid (a move's two places each in
    its turn: follow.steps). The comments of the draft they are made to stay on their
    text, each change at a time (comment_places.py); a comment on a moved block goes
    with it to its new place."""
    target, source = (current, received) if accept else (received, current)
    chosen = list(changes)
    riders = _riders(target, chosen, accept=accept)
    left = {number: 2 for number in riders}  # the steps each move with comments has to go
    spots: dict[int, Location] = {}  # where such a moved block stands once put in
    for change, step in steps(chosen, accept=accept):
        after = _make(target, source, step.kind, step.here, step.there, step.text)
        if target.comments:
            comments = follow_comments(target, after, step)
            if comments != after.comments:
                after = replace(after, comments=comments)
        for number, spot in spots.items():
            got = moved(spot, step)
            spots[number] = spot if got is None else got[0]
        if change.number in left:
            if step.kind is Kind.INSERT_BLOCK:
                spots[change.number] = step.here
            left[change.number] -= 1
            if not left[change.number]:
                after = _carried(after, riders[change.number], spots.pop(change.number))
        target = after
    return target


def _riders(draft: Draft, changes: list[Change], *, accept: bool) -> dict[int, dict[int, Comment]]:
    """The comments of ``draft`` on each block a move of ``changes`` takes away from
    it, by the move's number and their place among the draft's comments (which
    deciding keeps): they go with it. Moves without any are left out."""
    out: dict[int, dict[int, Comment]] = {}
    for change in changes:
        if change.kind is not Kind.MOVE_BLOCK:
            continue
        leaving = change.location if accept else change.new_location
        on = {
            at: c
            for at, c in enumerate(draft.comments)
            if (c.part, c.index) == (leaving.part, leaving.index)
        }
        if on:
            out[change.number] = on
    return out


def _carried(draft: Draft, riders: dict[int, Comment], spot: Location) -> Draft:
    """``draft`` with the comments ``riders`` (by their place, as they were on a moved
    block) on the block at ``spot``, on the same characters."""
    comments = tuple(
        replace(riders[at], index=spot.index) if at in riders else c
        for at, c in enumerate(draft.comments)
    )
    return replace(draft, comments=comments)


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
