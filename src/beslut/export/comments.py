"""The draft's comments as Word comments: range marks in the body's runs (no python-docx).

Each comment and each of its replies gets a w:id; the body writer asks ``runs_xml`` for
the runs of each text it writes that a comment can be on (a decision point, a section's
heading, a body paragraph, a table cell), which are split at the commented offsets with
w:commentRangeStart / w:commentRangeEnd and a w:commentReference run after the end. A
reply is marked on the same range as the comment it answers, as Word does.

A comment on a footnote is marked on the footnote's reference in the text: Word ignores
comment ranges inside a footnote (MS-OI29500 2.1.315 c), so the range holds the
reference mark, and the place in the note's text is not kept. A comment on the
ärendemening is marked where the template writes it (comment_title.py). Comments on a
text the document does not hold (an empty one, or a place that is no more) are not
written (``skipped``); comments_part.py writes word/comments.xml and commentsExtended.xml.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from beslut.checks.findings import HEADING, TITLE, parse_text_field, text_field
from beslut.export.runs import Inline, runs_xml
from beslut.model.comments import Comment
from beslut.model.draft import BlockKind, Draft, Run
from beslut.parts import DECISIONS, META


@dataclass(frozen=True, slots=True)
class Written:
    """One w:comment: a comment (``parent`` None) or a reply to the comment ``parent``."""

    id: int
    author: str
    date: str
    text: str
    parent: int | None
    done: bool


Key = tuple[str, int | None, str]  # (part, index, field): a text the body writes
Ids = list[int]  # a comment's w:id, then its replies'


class CommentMarks:
    """The comments of one draft that the document can mark, with their Word ids from
    ``first_id`` on, in the draft's order; ``skipped`` counts those it cannot."""

    def __init__(self, draft: Draft, first_id: int = 0) -> None:
        self.written: list[Written] = []
        self.skipped = 0
        self._at: dict[Key, list[tuple[int, int, Ids]]] = {}
        self._notes: dict[Key, dict[int, list[Ids]]] = {}  # the runs' key -> run -> ids
        next_id = first_id
        for comment in draft.comments:
            key = _key(draft, comment)
            if key is None:
                self.skipped += 1
                continue
            ids = list(range(next_id, next_id + 1 + len(comment.replies)))
            next_id += len(ids)
            self._add(comment, ids)
            parsed = parse_text_field(comment.field) if comment.field else None
            if parsed is not None and parsed[1] is not None:
                runs_key = (key[0], key[1], text_field(parsed[0]))
                self._notes.setdefault(runs_key, {}).setdefault(parsed[1], []).append(ids)
            else:
                self._at.setdefault(key, []).append((comment.start, comment.end, ids))

    def _add(self, comment: Comment, ids: Sequence[int]) -> None:
        done = comment.resolved
        self.written.append(
            Written(ids[0], comment.author, comment.created, comment.text, None, done)
        )
        for reply_id, reply in zip(ids[1:], comment.replies, strict=True):
            self.written.append(
                Written(reply_id, reply.author, reply.created, reply.text, ids[0], done)
            )

    def runs_xml(self, key: Key, runs: Sequence[Run], inline: Inline) -> str:
        """The runs of the text at ``key`` with its comments' marks (and those of the
        comments on its footnotes, around their references)."""
        ranges = self._at.get(key)
        notes = self._notes.get(key)
        if not ranges and not notes:
            return runs_xml(runs, inline)
        length = sum(len(run.text) for run in runs)
        around = {run: _around(lists) for run, lists in (notes or {}).items()}
        return marked_runs(runs, inline, _markers(ranges or (), length), around)

    def markers(self, key: Key, length: int) -> list[tuple[int, str]]:
        """(offset, XML) of the marks of the comments on the text at ``key``, which is
        ``length`` characters long (for a text the template holds: the ärendemening)."""
        return _markers(self._at.get(key, ()), length)

    def has(self, key: Key) -> bool:
        """Whether a comment is on the text at ``key``."""
        return key in self._at

    def leave_out(self, key: Key) -> None:
        """The comments on the text at ``key`` are not written after all (the template
        does not hold that text): counted as skipped."""
        for _start, _end, ids in self._at.pop(key, []):
            self.skipped += 1
            self.written = [w for w in self.written if w.id not in ids]


def _key(draft: Draft, comment: Comment) -> Key | None:
    """Where the document writes the text ``comment`` is on, or None where it does not
    (a text left out as empty, a place the draft does not have)."""
    part, index, field = comment.part, comment.index, comment.field
    if part == META:
        return (META, None, TITLE) if field == TITLE and draft.meta.title.strip() else None
    if part == DECISIONS:
        ok = not field and index is not None and index < len(draft.decisions)
        return (DECISIONS, index, "") if ok and draft.decisions[index or 0].strip() else None
    section = draft.section(part)
    if section is None or section.is_empty:
        return None
    if index is None:
        return (part, None, HEADING) if field == HEADING else None
    if index >= len(section.blocks) or not section.blocks[index].text.strip():
        return None
    block = section.blocks[index]
    parsed = parse_text_field(field) if field else None
    if field and parsed is None:
        return None
    cell, note = parsed if parsed is not None else (None, None)
    if (cell is None) == (block.kind is BlockKind.TABLE):
        return None  # a cell of a paragraph, or a table's text as a whole
    runs = block.runs_at(cell)
    if runs is None:
        return None
    if note is not None and (note >= len(runs) or not runs[note].note.strip()):
        return None
    return (part, index, field)


def _around(lists: Sequence[Ids]) -> tuple[str, str]:
    """The marks around a footnote's reference for the comments (ids) on the note."""
    ids = [i for group in lists for i in group]
    opened = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in ids)
    closed = "".join(
        f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r>' for i in ids
    )
    return opened, closed


def _markers(ranges: Iterable[tuple[int, int, list[int]]], length: int) -> list[tuple[int, str]]:
    """(offset, XML) of every mark, in order: at one offset the ranges that end there
    close first, then those that start there open, then empty ranges close."""
    events: list[tuple[int, int, int, str]] = []
    for number, (start, end, ids) in enumerate(ranges):
        start, end = min(start, length), min(end, length)
        opened = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in ids)
        closed = "".join(
            f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r>'
            for i in ids
        )
        events.append((start, 1, number, opened))
        events.append((end, 0 if end > start else 2, number, closed))
    events.sort()
    return [(offset, xml) for offset, _order, _number, xml in events]


def marked_runs(
    runs: Sequence[Run],
    inline: Inline,
    markers: Sequence[tuple[int, str]],
    around: Mapping[int, tuple[str, str]] | None = None,
) -> str:
    """``runs`` split at the markers' offsets with each marker's XML between the pieces
    (a footnote stays with the last piece of its run; a link may become two links); the
    footnote reference of run ``i`` between the two XML texts of ``around[i]``."""
    out: list[str] = []
    piece: list[Run] = []
    position = 0
    k = 0
    for number, run in enumerate(runs):
        rest = run
        while k < len(markers) and markers[k][0] < position + len(rest.text):
            cut = markers[k][0] - position
            if cut > 0:
                piece.append(replace(rest, text=rest.text[:cut], note=""))
                rest = replace(rest, text=rest.text[cut:])
                position += cut
            out.append(runs_xml(piece, inline))
            piece = []
            out.append(markers[k][1])
            k += 1
        position += len(rest.text)
        if around and number in around and rest.note.strip():
            opened, closed = around[number]
            out.append(runs_xml([*piece, replace(rest, note="")], inline))
            out += [opened, runs_xml([Run("", note=rest.note)], inline), closed]
            piece = []
            continue
        piece.append(rest)
    out.append(runs_xml(piece, inline))
    out.extend(xml for _offset, xml in markers[k:])
    return "".join(out)
