"""The draft's comments as Word comments: range marks in the body's runs (no python-docx).

Each comment and each of its replies gets a w:id; the body writer asks ``runs_xml`` for
the runs of a decision point or a body paragraph, which are split at the commented
offsets with w:commentRangeStart / w:commentRangeEnd and a w:commentReference run after
the end. A reply is marked on the same range as the comment it answers, as Word does.
Comments on a heading, a table cell, a footnote or the ärendemening are not written
(``skipped``); comments_part.py writes word/comments.xml and commentsExtended.xml.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from beslut.export.runs import Inline, runs_xml
from beslut.model.comments import Comment
from beslut.model.draft import BlockKind, Draft, Run
from beslut.parts import DECISIONS


@dataclass(frozen=True, slots=True)
class Written:
    """One w:comment: a comment (``parent`` None) or a reply to the comment ``parent``."""

    id: int
    author: str
    date: str
    text: str
    parent: int | None
    done: bool


Key = tuple[str, int]  # (part, index): a decision point or a block of a section


class CommentMarks:
    """The comments of one draft that the body can mark, with their Word ids from
    ``first_id`` on, in the draft's order; ``skipped`` counts those it cannot."""

    def __init__(self, draft: Draft, first_id: int = 0) -> None:
        self.written: list[Written] = []
        self.skipped = 0
        self._at: dict[Key, list[tuple[int, int, list[int]]]] = {}
        next_id = first_id
        for comment in draft.comments:
            key = _key(draft, comment)
            if key is None:
                self.skipped += 1
                continue
            ids = list(range(next_id, next_id + 1 + len(comment.replies)))
            next_id += len(ids)
            self._add(comment, ids)
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

    def runs_xml(self, part: str, index: int, runs: Sequence[Run], inline: Inline) -> str:
        """The runs of the text at (``part``, ``index``) with its comments' marks."""
        ranges = self._at.get((part, index))
        if not ranges:
            return runs_xml(runs, inline)
        length = sum(len(run.text) for run in runs)
        return marked_runs(runs, inline, _markers(ranges, length))


def _key(draft: Draft, comment: Comment) -> Key | None:
    """Where the body writes the text ``comment`` is on, or None where it cannot mark it
    (a heading, the ärendemening, a table cell or footnote, a text left out as empty)."""
    if comment.field or comment.index is None:
        return None
    index = comment.index
    if comment.part == DECISIONS:
        ok = index < len(draft.decisions) and draft.decisions[index].strip()
        return (DECISIONS, index) if ok else None
    section = draft.section(comment.part)
    if section is None or index >= len(section.blocks):
        return None
    block = section.blocks[index]
    if block.kind is BlockKind.TABLE or not block.text.strip():
        return None
    return (comment.part, index)


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


def marked_runs(runs: Sequence[Run], inline: Inline, markers: Sequence[tuple[int, str]]) -> str:
    """``runs`` split at the markers' offsets with each marker's XML between the pieces
    (a footnote stays with the last piece of its run; a link may become two links)."""
    out: list[str] = []
    piece: list[Run] = []
    position = 0
    k = 0
    for run in runs:
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
        piece.append(rest)
        position += len(rest.text)
    out.append(runs_xml(piece, inline))
    out.extend(xml for _offset, xml in markers[k:])
    return "".join(out)
