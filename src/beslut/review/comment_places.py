"""A draft's comments kept on their text while a decided change is made to it (no Qt).

A comment after the change shifts, one around it grows or shrinks, one on text the
change removed is kept as a point where the text was (follow.moved_range). A comment
on a block or part the change removed is never dropped: it stands at the start of the
block that took the removed one's place, else at the end of the one before, else at
the start of the part (a section's heading; the ärendemening when no decision point is
left); a comment on a block replaced whole follows its words into the new block.
"""

from __future__ import annotations

from dataclasses import replace

from beslut.checks.findings import HEADING, TITLE, Location, parse_text_field, text_field
from beslut.checks.fixes import current_text
from beslut.model.comments import Comment
from beslut.model.draft import BlockKind, Draft, Run
from beslut.parts import DECISIONS, META
from beslut.review.changes import Kind
from beslut.review.follow import Made, moved, moved_range
from beslut.review.hunks import word_hunks

__all__ = ["follow_comments"]

_TEXT_KINDS = (Kind.INSERT, Kind.DELETE, Kind.REPLACE)


def follow_comments(before: Draft, after: Draft, change: Made) -> tuple[Comment, ...]:
    """``before``'s comments where their text stands in ``after``, which is ``before``
    with ``change`` made; in the same order, none left out."""
    out = []
    for comment in before.comments:
        loc = Location(comment.part, comment.index, comment.field, comment.start, comment.end)
        got = moved(loc, change)
        if got is None:
            new = _rehomed(loc, before, after, change)
        else:
            new, touched = got
            if touched and change.kind is Kind.REPLACE:
                new = _word_by_word(loc, before, change) or new
            if change.kind in _TEXT_KINDS and _on_note(new) and _same_block(new, change.here):
                new = _same_note(loc, new, before, after)
        if new != loc:
            assert new.start is not None and new.end is not None
            comment = replace(
                comment, part=new.part, index=new.index, field=new.field, start=new.start,
                end=new.end,
            )  # fmt: skip
        out.append(comment)
    return tuple(out)


def _word_by_word(loc: Location, before: Draft, change: Made) -> Location | None:
    """A comment on text a replacement touched, moved word by word through it: a
    rewritten sentence is one change, but a commented word it kept stays commented."""
    here = change.here
    text = _text(before, here)
    if text is None or None in (here.start, here.end, loc.start, loc.end):
        return None
    assert here.start is not None and here.end is not None
    assert loc.start is not None and loc.end is not None
    a, start, end = here.start, loc.start, loc.end
    for hunk in reversed(word_hunks(text[a : here.end], change.text)):
        size = hunk.new_end - hunk.new_start
        start, end, _touched = moved_range(start, end, a + hunk.old_start, a + hunk.old_end, size)
    return loc.span(start, end)


def _rehomed(loc: Location, before: Draft, after: Draft, change: Made) -> Location:
    """The place in ``after`` of a comment whose block or part ``change`` took away."""
    if change.kind is Kind.DELETE_PART:
        return _part_gone(before, after, loc.part)
    assert loc.index is not None
    if change.kind is Kind.REPLACE_BLOCK:
        return _through_words(loc, before, after)
    return _near(after, loc.part, loc.index)  # DELETE_BLOCK


def _through_words(loc: Location, before: Draft, after: Draft) -> Location:
    """A comment on a block replaced whole (its kind, formatting or table changed), on
    the same words of the new block where its text is still there, else at its start."""
    assert loc.index is not None
    field: str | None = loc.field
    if _on_note(loc):
        field = _note_field(loc, before, after)
    old = _text(before, loc)
    new = None if field is None else _text(after, replace(loc, field=field))
    if field is None or old is None or new is None or (not field and _is_table(after, loc)):
        return _block_point(after, loc.part, loc.index)
    start, end = loc.start or 0, loc.end or 0
    for hunk in reversed(word_hunks(old, new)):
        size = hunk.new_end - hunk.new_start
        start, end, _touched = moved_range(start, end, hunk.old_start, hunk.old_end, size)
    return Location(loc.part, loc.index, field, min(start, len(new)), min(end, len(new)))


def _near(after: Draft, part: str, index: int) -> Location:
    """A point where block ``index`` of ``part`` was: at the start of the block now
    there, else at the end of the one before, else at the start of the part."""
    count = _count(after, part)
    if index < count:
        return _block_point(after, part, index)
    if count:
        return _block_point(after, part, count - 1, at_end=True)
    if part == DECISIONS:
        return Location(META, None, TITLE, 0, 0)
    return Location(part, None, HEADING, 0, 0)


def _part_gone(before: Draft, after: Draft, part: str) -> Location:
    """A point where the section ``part`` was: at the start of the next section that
    is left, else at the end of the one before, else at the last decision point's end,
    else at the start of the ärendemening."""
    keys = [s.key for s in before.sections]
    at = keys.index(part) if part in keys else len(keys)
    for key in keys[at + 1 :]:
        if after.section(key) is not None:
            return Location(key, None, HEADING, 0, 0)
    for key in reversed(keys[:at]):
        section = after.section(key)
        if section is not None and section.blocks:
            return _block_point(after, key, len(section.blocks) - 1, at_end=True)
        if section is not None:
            return Location(key, None, HEADING, len(section.heading), len(section.heading))
    if after.decisions:
        return _block_point(after, DECISIONS, len(after.decisions) - 1, at_end=True)
    return Location(META, None, TITLE, 0, 0)


def _count(draft: Draft, part: str) -> int:
    if part == DECISIONS:
        return len(draft.decisions)
    section = draft.section(part)
    return 0 if section is None else len(section.blocks)


def _block_point(draft: Draft, part: str, index: int, *, at_end: bool = False) -> Location:
    """A point at the start (or the end) of block ``index``'s text: a table's first
    (or last) cell."""
    if part == DECISIONS:
        at = len(draft.decisions[index]) if at_end else 0
        return Location(part, index, "", at, at)
    section = draft.section(part)
    assert section is not None
    block = section.blocks[index]
    if block.kind is not BlockKind.TABLE or not block.rows or not block.rows[-1]:
        at = len(block.text) if at_end else 0
        return Location(part, index, "", at, at)
    row = len(block.rows) - 1 if at_end else 0
    col = len(block.rows[row]) - 1 if at_end else 0
    at = sum(len(run.text) for run in block.rows[row][col]) if at_end else 0
    return Location(part, index, text_field((row, col)), at, at)


def _is_table(draft: Draft, loc: Location) -> bool:
    section = draft.section(loc.part)
    return section is not None and section.blocks[loc.index or 0].kind is BlockKind.TABLE


def _text(draft: Draft, loc: Location) -> str | None:
    try:
        return current_text(draft, loc)
    except (ValueError, IndexError, TypeError):
        return None


# Footnotes: a comment on one names its run ("note:3", "cell:0:1:note:2"); an edit of
# the runs around it may join or drop runs, so the note is found again by its number
# among the notes of those runs.


def _on_note(loc: Location) -> bool:
    parsed = parse_text_field(loc.field) if loc.field else None
    return parsed is not None and parsed[1] is not None


def _same_block(loc: Location, here: Location) -> bool:
    return (loc.part, loc.index) == (here.part, here.index)


def _same_note(old: Location, new: Location, before: Draft, after: Draft) -> Location:
    """``new``, a comment on a footnote after an edit of its block, on the same note."""
    field = _note_field(old, before, after)
    if field is None:
        assert new.index is not None
        return _block_point(after, new.part, new.index)
    return replace(new, field=field)


def _note_field(loc: Location, before: Draft, after: Draft) -> str | None:
    """The field in ``after`` of the footnote that ``loc`` names in ``before``."""
    parsed = parse_text_field(loc.field)
    assert parsed is not None
    cell, note = parsed
    assert note is not None
    runs_before, runs_after = _runs(before, loc, cell), _runs(after, loc, cell)
    if runs_before is None or runs_after is None or note >= len(runs_before):
        return None
    number = sum(1 for run in runs_before[:note] if run.note)
    with_notes = [i for i, run in enumerate(runs_after) if run.note]
    if number >= len(with_notes):
        return None
    return text_field(cell, with_notes[number])


def _runs(draft: Draft, loc: Location, cell: tuple[int, int] | None) -> tuple[Run, ...] | None:
    section = draft.section(loc.part)
    if section is None or loc.index is None or loc.index >= len(section.blocks):
        return None
    return section.blocks[loc.index].runs_at(cell)
