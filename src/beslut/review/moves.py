"""Moved blocks (no Qt): a paragraph or decision point deleted at one place and the same
block inserted at another of the same part is one change, a move (changes.propose).

Only a block moved unchanged is a move: its two blocks must be equal after the
normalisation the diff compares blocks with (changes.normal). A block that was moved
and also edited stays a deletion at its old place and an insertion at its new one (the
diff cannot tell it from a paragraph removed and another written), as does a block
without any text (nothing to recognise it by)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from beslut.parts import DECISIONS

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.review.changes import _Raw

__all__ = ["paired"]


def paired(current: Draft, received: Draft, raws: Sequence[_Raw]) -> dict[int, int]:
    """The block deletions and insertions of ``raws`` (propose's changes in document
    order) that are one move, both ways: position of one half -> position of the other.
    A deletion pairs with an insertion of an equal block in the same part, the nearest
    pair (in document order) first, each block used once."""
    from beslut.review.changes import Kind

    deleted: dict[tuple[str, Hashable], list[int]] = {}
    inserted: dict[tuple[str, Hashable], list[int]] = {}
    for at, (kind, loc, r_index, *_rest) in enumerate(raws):
        if kind is Kind.DELETE_BLOCK and loc.index is not None:
            key = _key(current, loc.part, loc.index)
            if key is not None:
                deleted.setdefault((loc.part, key), []).append(at)
        elif kind is Kind.INSERT_BLOCK and r_index is not None:
            key = _key(received, loc.part, r_index)
            if key is not None:
                inserted.setdefault((loc.part, key), []).append(at)
    candidates = [
        (abs(d - i), min(d, i), d, i)
        for group, gone in deleted.items()
        for d in gone
        for i in inserted.get(group, ())
    ]
    out: dict[int, int] = {}
    for _distance, _first, d, i in sorted(candidates):
        if d not in out and i not in out:
            out[d], out[i] = i, d
    return out


def _key(draft: Draft, part: str, index: int) -> Hashable | None:
    """What a block is compared by (None: a block without text, never a move)."""
    from beslut.review.changes import _key as block_key

    if part == DECISIONS:
        text = draft.decisions[index]
        return text if text.strip() else None
    section = draft.section(part)
    if section is None or index >= len(section.blocks):
        return None
    block = section.blocks[index]
    return block_key(block) if block.text.strip() else None
