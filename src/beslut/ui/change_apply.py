"""An accepted change made in place in the open editor's document (the text the
stored draft now has), so that a decision does not load a long section again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from beslut.checks.findings import Location, parse_text_field
from beslut.review import Change, Kind
from beslut.ui.richtext.places import cursor_for, text_blocks

if TYPE_CHECKING:
    from beslut.model.draft import Draft
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


def apply_in_place(step: SectionStep, draft: Draft, changes: Sequence[Change]) -> bool:
    """Make the accepted ``changes`` (all in ``step``'s part) in its document, outside
    the undo history and not as the user's edit; True when the editor then holds
    ``draft``'s part (else the caller loads it)."""
    if not changes or not all(_in_text(c) for c in changes):
        return False
    editor = step.editor
    doc = editor.text_edit.document()
    blocks, model = text_blocks(doc), step.section().blocks
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
    return step.apply(draft) == draft
