"""Comments anchored in a section's document: a char format property on the commented
characters holds each comment's state, so an anchor follows every edit and each change
to a comment is one step of the document's own undo history. The model's blocks never
see the property (BlockReader reads bold, italic, link and note only)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat

from beslut.checks.findings import Location, text_field
from beslut.model.comments import Comment, Reply
from beslut.model.draft import Block
from beslut.ui.richtext.format import iter_blocks, note_of
from beslut.ui.richtext.places import cursor_for, text_blocks

# On a char format: JSON {comment id: its state}; far from the other user properties.
COMMENT_PROPERTY = QTextFormat.Property.UserProperty.value + 40

State = dict[str, dict[str, object]]
_cache: dict[str, State] = {}


def state_of(comment: Comment) -> dict[str, object]:
    """What the document keeps of a comment: everything but where it is."""
    return {
        "author": comment.author,
        "created": comment.created,
        "text": comment.text,
        "replies": [[r.author, r.created, r.text] for r in comment.replies],
        "resolved": comment.resolved,
    }


def comment_from(cid: str, state: dict[str, object], where: Location) -> Comment:
    replies = state.get("replies")
    return Comment(
        id=cid,
        part=where.part,
        index=where.index,
        field=where.field,
        start=where.start or 0,
        end=where.end or 0,
        author=str(state.get("author", "")),
        created=str(state.get("created", "")),
        text=str(state.get("text", "")),
        replies=tuple(Reply(*map(str, r)) for r in replies if isinstance(r, list) and len(r) == 3)
        if isinstance(replies, list)
        else (),
        resolved=state.get("resolved") is True,
    )


def states_in(fmt: QTextFormat) -> State:
    """The comments on a character of format ``fmt`` (do not change the result)."""
    if not fmt.hasProperty(COMMENT_PROPERTY):
        return {}
    raw = str(fmt.property(COMMENT_PROPERTY) or "")
    found = _cache.get(raw)
    if found is None:
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            value = {}
        found = value if isinstance(value, dict) else {}
        if len(_cache) > 500:
            _cache.clear()
        _cache[raw] = found
    return found


def _pieces(blocks: Sequence[QTextBlock]) -> Iterator[tuple[int, int, int, State]]:
    """(document position, length, model offset, comments) of each fragment of a text
    made of ``blocks``; footnote markers take no model offset (as places._span counts)."""
    offset = 0
    for number, block in enumerate(blocks):
        if number:
            offset += 1  # the separator between a cell's paragraphs
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if note_of(fmt):
                it += 1
                continue
            yield fragment.position(), fragment.length(), offset, states_in(fmt)
            offset += fragment.length()
            it += 1


def _texts(doc: QTextDocument) -> Iterator[tuple[int, str, list[QTextBlock]]]:
    """(model block index, field, Qt blocks) of each text of the document."""
    for index, block in enumerate(text_blocks(doc)):
        table = QTextCursor(block).currentTable()
        if table is None:
            yield index, "", [block]
            continue
        for row in range(table.rows()):
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                first = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                yield index, text_field((row, column)), list(iter_blocks(first, last))


def read_comments(doc: QTextDocument, part: str) -> tuple[Comment, ...]:
    """The comments anchored in ``doc``, each where its characters are in the model's
    text (a range split by a new paragraph keeps to its first one)."""
    found: dict[str, tuple[int, str, int, int, dict[str, object]]] = {}
    for index, field, blocks in _texts(doc):
        for _position, length, offset, states in _pieces(blocks):
            for cid, state in states.items():
                place = found.get(cid)
                if place is None:
                    found[cid] = (index, field, offset, offset + length, state)
                elif place[:2] == (index, field):
                    found[cid] = (*place[:3], offset + length, place[4])
    comments = [
        comment_from(cid, state, Location(part, index, field, start, end))
        for cid, (index, field, start, end, state) in found.items()
    ]
    comments.sort(key=lambda c: (c.index or 0, c.field, c.start, c.end, c.id))
    return tuple(comments)


def ranges(doc: QTextDocument) -> dict[str, tuple[int, int]]:
    """Each anchored comment's first and last document position (end excluded)."""
    spans: dict[str, tuple[int, int]] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            start = fragment.position()
            end = start + fragment.length()
            for cid in states_in(fragment.charFormat()):
                old = spans.get(cid)
                spans[cid] = (min(old[0], start), max(old[1], end)) if old else (start, end)
            it += 1
        block = block.next()
    return spans


def ids_at(cursor: QTextCursor) -> list[str]:
    """The comments on the characters either side of the cursor (or in its selection)."""
    probe = QTextCursor(cursor.document())
    ids: list[str] = []
    for position in (cursor.selectionStart(), cursor.selectionStart() + 1):
        if position > cursor.document().characterCount() - 1:
            continue
        probe.setPosition(position)
        ids += [cid for cid in states_in(probe.charFormat()) if cid not in ids]
    return ids


def _rewrite(cursor: QTextCursor, start: int, end: int, change: Callable[[State], State]) -> None:
    """Give the characters start..end the comments ``change`` makes of theirs, a
    fragment at a time (inside the caller's edit block)."""
    doc = cursor.document()
    pieces = []
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            lo = max(start, fragment.position())
            hi = min(end, fragment.position() + fragment.length())
            if lo < hi and not note_of(fragment.charFormat()):
                pieces.append((lo, hi, fragment.charFormat()))
            it += 1
        block = block.next()
    for lo, hi, fmt in pieces:
        before = states_in(fmt)
        states = change(dict(before))
        if states == before:
            continue
        set_states(fmt, states)
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


def anchor(cursor: QTextCursor, comment: Comment) -> None:
    """Put ``comment`` on the characters ``cursor`` selects."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    state = state_of(comment)
    _rewrite(QTextCursor(cursor.document()), start, end, lambda s: {**s, comment.id: state})


def change(doc: QTextDocument, comment: Comment, *, remove: bool = False) -> bool:
    """Give comment ``comment.id`` the state of ``comment`` (or take it away) wherever it
    is, as one undo step; False when it is anchored nowhere."""
    span = ranges(doc).get(comment.id)
    if span is None:
        return False
    state = state_of(comment)

    def apply(states: State) -> State:
        if comment.id in states:
            if remove:
                del states[comment.id]
            else:
                states[comment.id] = state
        return states

    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    _rewrite(cursor, span[0], span[1], apply)
    cursor.endEditBlock()
    return True


def place(doc: QTextDocument, model: Sequence[Block], comments: Sequence[Comment]) -> list[Comment]:
    """Anchor ``comments`` (loaded with the draft) in ``doc``; those whose text is not
    there are returned. A comment at a point covers the word there."""
    blocks = text_blocks(doc)
    lost = []
    for comment in comments:
        where = Location(comment.part, comment.index, comment.field, comment.start, comment.end)
        cursor = cursor_for(blocks, model, where) if comment.index is not None else None
        if cursor is not None and not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if cursor is None or not cursor.hasSelection():
            lost.append(comment)
            continue
        anchor(cursor, comment)
    return lost


def with_replies(comment: Comment, reply: Reply) -> Comment:
    return dataclasses.replace(comment, replies=(*comment.replies, reply))


def set_states(fmt: QTextFormat, states: State) -> None:
    """Put ``states`` on ``fmt`` (none: take the property away)."""
    if states:
        fmt.setProperty(COMMENT_PROPERTY, json.dumps(states, ensure_ascii=False))
    else:
        fmt.clearProperty(COMMENT_PROPERTY)


def change_all_off(cursor: QTextCursor) -> None:
    """Take every comment off the characters ``cursor`` selects."""
    _rewrite(
        QTextCursor(cursor.document()), cursor.selectionStart(), cursor.selectionEnd(),
        lambda _states: {},
    )  # fmt: skip
