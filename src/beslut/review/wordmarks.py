"""A reviewed Word file's marks placed in drafts (no Qt): each paragraph read is found
among the received draft's texts, its tracked changes become authored spans, and its
comments are anchored on the same text of the current draft."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from beslut import clock
from beslut.checks.findings import (
    HEADING,
    SUBTITLE,
    TITLE,
    Location,
    parse_text_field,
    text_field,
)
from beslut.diffwords import opcodes
from beslut.importing.docx_review import WordComment
from beslut.importing.docx_runs import Marked
from beslut.model.comments import Comment, Reply, next_comment_id
from beslut.model.draft import BlockKind, Draft
from beslut.parts import DECISIONS, META
from beslut.review.changes import AuthoredSpan

__all__ = ["Placed", "anchored_comments", "authored_spans", "place"]

_LOOK_AHEAD = 12  # texts ahead of the last one found where a shortened paragraph is sought


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a paragraph read stands in a draft: the text's place and the shift from a
    position in the paragraph to one in that text (``length`` the text's length); for
    a paragraph deleted whole, the place of the block it stood before."""

    location: Location
    shift: int
    length: int
    deleted: bool = False

    def at(self, position: int) -> int:
        return min(max(position + self.shift, 0), self.length)


def _texts(draft: Draft) -> list[tuple[Location, str]]:
    """Every text of ``draft`` a paragraph of its .docx can be, in document order (a
    table cell's lines each as one)."""
    meta = draft.meta
    out = [
        (Location(META, None, TITLE), meta.title),
        (Location(META, None, SUBTITLE), meta.subtitle),
    ]
    out += [(Location(DECISIONS, i), text) for i, text in enumerate(draft.decisions)]
    for section in draft.sections:
        out.append((Location(section.key, None, HEADING), section.heading))
        for i, block in enumerate(section.blocks):
            if block.kind is not BlockKind.TABLE:
                out.append((Location(section.key, i), block.text))
                continue
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    out.append((Location(section.key, i, text_field((r, c))), _cell(cell)))
    return out


def _cell(runs: Iterable[object]) -> str:
    return "".join(getattr(run, "text", "") for run in runs)


def place(draft: Draft, paragraphs: Sequence[Marked]) -> list[Placed | None]:
    """Each paragraph's place in ``draft`` (None where it is not found), paragraphs and
    texts paired in order: the first text equal to it after the last one paired."""
    entries: list[tuple[Location, str, int, int]] = []  # place, line, its start, text length
    for location, text in _texts(draft):
        start = 0
        for line in text.split("\n") if "\n" in text else [text]:
            if line.strip():
                entries.append((location, line, start, len(text)))
            start += len(line) + 1
    by_text: dict[str, list[int]] = {}
    for k, entry in enumerate(entries):
        by_text.setdefault(entry[1], []).append(k)
    used: set[int] = set()
    out: list[Placed | None] = []
    pointer = 0
    last: Location | None = None
    for paragraph in paragraphs:
        text = paragraph.text
        if not text.strip():
            gone = any(m.tag == "del" for m in paragraph.marks)
            out.append(_after(last) if gone and last is not None else None)
            continue
        found, cut = _find(text, entries, by_text, used, pointer)
        if found is None:
            out.append(None)
            continue
        k = found
        used.add(k)
        pointer = k + 1
        location, _line, start, length = entries[k]
        last = location
        out.append(Placed(location, start - cut, length))
    return out


def _find(
    text: str,
    entries: list[tuple[Location, str, int, int]],
    by_text: dict[str, list[int]],
    used: set[int],
    pointer: int,
) -> tuple[int | None, int]:
    """The entry for a paragraph's ``text`` and how many of its characters come before
    the entry's text (spaces trimmed, a typed list marker taken off)."""
    stripped = text.strip()
    for key, cut in ((text, 0), (stripped, len(text) - len(text.lstrip()))):
        free = [k for k in by_text.get(key, ()) if k not in used]
        ahead = [k for k in free if k >= pointer]
        if ahead or free:
            return (ahead or free)[0], cut
    for k in range(pointer, min(pointer + _LOOK_AHEAD, len(entries))):
        line = entries[k][1]
        if k not in used and line.strip() and stripped.endswith(line.strip()):
            return k, len(text.rstrip()) - len(line.strip())
    return None, 0


def _after(last: Location) -> Placed | None:
    """The place of a paragraph deleted whole: before the block after ``last``."""
    if last.part == META or last.field not in ("", HEADING):
        return None
    index = 0 if last.index is None else last.index + 1
    return Placed(Location(last.part, index), 0, 0, deleted=True)


def authored_spans(
    paragraphs: Sequence[Marked], places: Sequence[Placed | None]
) -> list[AuthoredSpan]:
    """The received draft's authored spans: each tracked insertion (or move to) over
    its text, each deletion (or move from) where the text was, by its w:author. An
    insertion of no text (LibreOffice marks so a comment's anchor added while it
    records changes) authors nothing."""
    spans: list[AuthoredSpan] = []
    for paragraph, placed in zip(paragraphs, places, strict=True):
        if placed is None:
            continue
        loc = placed.location
        if placed.deleted:
            spans += [
                AuthoredSpan(loc.span(0, 0), m.value) for m in paragraph.marks if m.tag == "del"
            ]
            continue
        opened: dict[str, int] = {}
        for mark in paragraph.marks:
            if mark.tag == "ins":
                opened.setdefault(mark.value, mark.at)
            elif mark.tag == "ins_end" and mark.value in opened:
                start, end = placed.at(opened.pop(mark.value)), placed.at(mark.at)
                if end > start:
                    spans.append(AuthoredSpan(loc.span(start, end), mark.value))
            elif mark.tag == "del":
                at = placed.at(mark.at)
                spans.append(AuthoredSpan(loc.span(at, at), mark.value))
    return spans


def _anchors(
    paragraphs: Sequence[Marked], places: Sequence[Placed | None]
) -> dict[str, tuple[Location, int, int]]:
    """Comment id -> (text, start, end) in the received draft: from its range start (or
    its reference) to its range end in the same text (else the text's end)."""
    starts: dict[str, tuple[Placed, int]] = {}
    ends: dict[str, tuple[Placed, int]] = {}
    for paragraph, placed in zip(paragraphs, places, strict=True):
        if placed is None or placed.deleted:
            continue
        for mark in paragraph.marks:
            if mark.tag in ("start", "ref") and (mark.tag == "start" or mark.value not in starts):
                starts[mark.value] = (placed, placed.at(mark.at))
            elif mark.tag == "end":
                ends.setdefault(mark.value, (placed, placed.at(mark.at)))
    out = {}
    for comment_id, (placed, start) in starts.items():
        end_place, end = ends.get(comment_id, (placed, placed.length))
        if end_place.location != placed.location or end < start:
            end = placed.length
        out[comment_id] = (placed.location, start, end)
    return out


def anchored_comments(
    current: Draft,
    received: Draft,
    paragraphs: Sequence[Marked],
    places: Sequence[Placed | None],
    comments: Sequence[WordComment],
) -> tuple[Comment, ...]:
    """The Word comments as comments of ``current``: on the text they comment where
    ``current`` holds it unchanged, else on the block (or text) as a whole; a comment
    whose place is not found stands at the ärendemening, one at a footnote's reference
    on the note (_on_note). A comment ``current`` has already (same author, time and
    text) is not added again."""
    anchors = _anchors(paragraphs, places)
    have = {(c.author, c.created, c.text) for c in current.comments}
    taken = {c.id for c in current.comments}
    cache: dict[str, _Pairing] = {}
    out: list[Comment] = []
    for word in comments:
        created = word.date or clock.now().isoformat(timespec="seconds")
        if (word.author, created, word.text) in have:
            continue
        found = anchors.get(word.id)
        where = _in_current(current, received, *found, cache) if found else None
        if where is None:
            where = (Location(META, None, TITLE), 0, 0)
        loc, start, end = _on_note(current, *where)
        comment_id = f"w{word.id}"[:40]
        if comment_id in taken:
            comment_id = next_comment_id(taken)
        taken.add(comment_id)
        replies = tuple(Reply(r.author, r.date or created, r.text) for r in word.replies)
        out.append(
            Comment(
                comment_id,
                loc.part,
                loc.index,
                loc.field,
                start,
                end,
                word.author,
                created,
                word.text,
                replies,
                word.resolved,
            )
        )
    return tuple(out)


def _in_current(
    current: Draft,
    received: Draft,
    loc: Location,
    start: int,
    end: int,
    cache: dict[str, _Pairing],
) -> tuple[Location, int, int] | None:
    """The place in ``current`` of characters ``start:end`` of ``received``'s text at
    ``loc``."""
    r_text = _text_at(received, loc)
    if r_text is None:
        return None
    here = loc
    if loc.index is not None:
        index = _index_in_current(current, received, loc.part, loc.index, cache)
        if index is None:
            return None
        here = Location(loc.part, index, loc.field)
    c_text = _text_at(current, here)
    if c_text is None and here.field:
        here = Location(here.part, here.index)  # a cell the table no longer has
        c_text = _text_at(current, here)
    if c_text is None:
        return None
    if c_text == r_text:
        return here, start, end
    quoted = r_text[start:end]
    if quoted:
        places = [i for i in _occurrences(c_text, quoted)]
        if places:
            best = min(places, key=lambda i: abs(i - start))
            return here, best, best + len(quoted)
    return here, 0, len(c_text)


def _on_note(current: Draft, loc: Location, start: int, end: int) -> tuple[Location, int, int]:
    """A comment at the point right after a footnote's reference as a comment on the
    note, all of its text: Word holds no comment ranges inside a footnote, so beslut
    exports one on a note around the reference (export/comments.py), and a reviewer
    comments on a note by selecting its reference mark."""
    if start != end or loc.index is None or loc.part in (META, DECISIONS):
        return loc, start, end
    parsed = parse_text_field(loc.field) if loc.field else (None, None)
    section = current.section(loc.part)
    if parsed is None or parsed[1] is not None or section is None:
        return loc, start, end
    if loc.index >= len(section.blocks):
        return loc, start, end
    cell = parsed[0]
    runs = section.blocks[loc.index].runs_at(cell)
    if runs is None:
        return loc, start, end
    at = 0
    for number, run in enumerate(runs):
        at += len(run.text)
        if at == start and run.note.strip():
            return Location(loc.part, loc.index, text_field(cell, number)), 0, len(run.note)
    return loc, start, end


def _occurrences(text: str, quoted: str) -> Iterable[int]:
    at = text.find(quoted)
    while at >= 0:
        yield at
        at = text.find(quoted, at + 1)


def _text_at(draft: Draft, loc: Location) -> str | None:
    if loc.part == META:
        return getattr(draft.meta, loc.field, None) if loc.field in (TITLE, SUBTITLE) else None
    if loc.part == DECISIONS:
        ok = loc.index is not None and 0 <= loc.index < len(draft.decisions)
        return draft.decisions[loc.index] if ok and loc.index is not None else None
    section = draft.section(loc.part)
    if section is None:
        return None
    if loc.index is None:
        return section.heading if loc.field == HEADING else None
    if not 0 <= loc.index < len(section.blocks):
        return None
    block = section.blocks[loc.index]
    if not loc.field:
        return block.text if block.kind is not BlockKind.TABLE else None
    parsed = parse_text_field(loc.field)
    if parsed is None or parsed[0] is None or parsed[1] is not None:
        return None
    runs = block.runs_at(parsed[0])
    return None if runs is None else _cell(runs)


_Pairing = tuple[int, list[tuple[str, int, int, int, int]]]  # C's count, opcodes


def _index_in_current(
    current: Draft, received: Draft, part: str, index: int, cache: dict[str, _Pairing]
) -> int | None:
    """The block (or decision point) of ``current`` that block ``index`` of ``received``
    is, or stands nearest to: blocks paired by their texts (once a part: ``cache``)."""
    if part not in cache:
        cache[part] = _pairing(current, received, part)
    count, codes = cache[part]
    if not count:
        return None
    for _tag, i1, i2, j1, j2 in codes:
        if j1 <= index < j2 or (j1 == j2 == index):
            return min(i1 + min(index - j1, max(i2 - i1 - 1, 0)), count - 1)
    return min(index, count - 1)


def _pairing(current: Draft, received: Draft, part: str) -> _Pairing:
    if part == DECISIONS:
        old, new = list(current.decisions), list(received.decisions)
    else:
        c_section, r_section = current.section(part), received.section(part)
        if c_section is None or r_section is None:
            return 0, []
        old = [b.text for b in c_section.blocks]
        new = [b.text for b in r_section.blocks]
    return len(old), opcodes(old, new) if old else []
