"""An accepted change made in place in the open editor's document (the text the
stored draft now has), so that a decision does not load a long section again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from beslut.checks.findings import Location, parse_text_field
from beslut.review import Change, Kind
from beslut.ui.richtext.places import cursor_for, text_blocks

if TYPE_CHECKING:
    from beslut.model.draft import Block, Draft
    from beslut.ui.steps.section import SectionStep

_IN_TEXT = (Kind.INSERT, Kind.DELETE, Kind.REPLACE)


def _in_text(change: Change) -> bool:
    """A change of characters inside a block's text or a table cell (not a note's)."""
    loc = change.location
    if change.kind not in _IN_TEXT or loc.index is None or loc.start is None:
        return False
    if loc.field:
        field = parse_text_field(loc.field)
        return field is not None and field[1] is None
    return True


def _same_but(have: Sequence[Block], want: Sequence[Block], indices: set[int]) -> bool:
    """True when ``have`` and ``want`` are the same blocks but at ``indices``."""
    if len(have) != len(want):
        return False
    start = 0
    for index in [*sorted(indices), len(have)]:
        if have[start:index] != want[start:index]:
            return False
        start = index + 1
    return True


def apply_in_place(step: SectionStep, draft: Draft, changes: Sequence[Change]) -> bool:
    """Make the accepted ``changes`` (all in ``step``'s part) in its document, outside
    the undo history and not as the user's edit; True when the editor then holds
    ``draft``'s part (else the caller loads it).

    Only the changed blocks are compared and read again: the rest of the part must
    already be ``draft``'s, block for block, or nothing is made (a long section read
    whole takes a frame's time)."""
    if not changes or not all(_in_text(c) for c in changes):
        return False
    held = step.section()
    section = draft.section(held.key)
    indices = {c.location.index for c in changes if c.location.index is not None}
    if (
        section is None
        or section.heading != held.heading
        or not _same_but(held.blocks, section.blocks, indices)
    ):
        return False
    editor = step.editor
    doc = editor.text_edit.document()
    blocks, model = text_blocks(doc), held.blocks
    ordered = sorted(changes, key=lambda c: (c.location.index, c.location.start), reverse=True)
    cursors = []
    for change in ordered:  # from the end, so each place is found before it moves
        loc = change.location
        cursor = cursor_for(
            blocks, model, Location(loc.part, loc.index, loc.field, loc.start, loc.end)
        )
        if cursor is None or cursor.selectedText() != change.old:
            return False
        cursors.append((cursor, change.new))
    with editor.quietly():
        for cursor, new in cursors:
            if new:
                cursor.insertText(new)
            else:
                cursor.removeSelectedText()
    after = text_blocks(doc)
    if len(after) != len(section.blocks):
        return False
    return editor.expect_changed(section.blocks, {i: after[i] for i in indices})
