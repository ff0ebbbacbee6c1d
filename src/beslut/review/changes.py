"""Proposed changes: what a received draft R changes in the current draft C, one change
at a time, each with its place in both and its author (no Qt)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from beslut.checks.findings import HEADING, SUBTITLE, TITLE, Location, text_field
from beslut.diffwords import opcodes
from beslut.i18n import N_, _
from beslut.model.draft import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.parts import ATTACHMENTS, DECISIONS, META, SIGNATURES
from beslut.review.hunks import Hunk, hunks
from beslut.review.normal import normal

__all__ = ["META_FIELDS", "AuthoredSpan", "Change", "Kind", "meta_text", "normal", "propose"]

_WORD = re.compile(r"\w+")
_WINDOW = 8  # how far ahead a removed block looks for the block it became
# The metadata other than the title and subtitle, each field one change as a whole.
META_FIELDS = (
    "doctype",
    "namnd",
    "meeting_date",
    "dnr",
    "date",
    "forvaltning",
    "avdelning",
    "handlaggare",
    "language",
)


class Kind(StrEnum):
    """What a change does."""

    INSERT = "insert"  # text inserted in a text
    DELETE = "delete"  # text deleted from a text
    REPLACE = "replace"  # text (or a metadata field) replaced
    INSERT_BLOCK = "insert_block"  # a whole paragraph or decision point inserted
    DELETE_BLOCK = "delete_block"
    MOVE_BLOCK = "move_block"  # a paragraph or decision point moved whole, unchanged
    REPLACE_BLOCK = "replace_block"  # a block's formatting, kind, notes or table shape
    INSERT_PART = "insert_part"  # a whole part (section) inserted
    DELETE_PART = "delete_part"

    @property
    def label(self) -> str:
        """The kind in words, as the app and the command line say it."""
        return _(_KIND_LABELS[self])


_KIND_LABELS = {
    Kind.INSERT: N_("tillägg"),
    Kind.DELETE: N_("borttagning"),
    Kind.REPLACE: N_("ersättning"),
    Kind.INSERT_BLOCK: N_("nytt stycke"),
    Kind.DELETE_BLOCK: N_("borttaget stycke"),
    Kind.MOVE_BLOCK: N_("flyttat stycke"),
    Kind.REPLACE_BLOCK: N_("ändrat stycke"),
    Kind.INSERT_PART: N_("ny del"),
    Kind.DELETE_PART: N_("borttagen del"),
}


@dataclass(frozen=True, slots=True)
class AuthoredSpan:
    """Who wrote characters ``location.start..end`` of a text of the received draft (a
    tracked change in Word); a deletion is an empty range where the text was."""

    location: Location
    author: str


@dataclass(frozen=True, slots=True)
class Change:
    """One proposed change. ``location`` is the place in the current draft C (part,
    block or decision index, field, character range; the index is where an inserted
    block goes); ``new_index``/``new_start``/``new_end`` the same place in the received
    draft R. ``old`` is C's text there, ``new`` R's.

    A moved block (MOVE_BLOCK) has two places in each draft: ``location`` is its old
    place in C and ``new_location`` its new one in R (as for any change); ``to_index``
    is its new place in C (it goes before C's block ``to_index``) and ``from_new_index``
    its old place in R (where rejecting puts it back). ``order`` is the change's place
    in document order, counting a move's two places apart (old place first): deciding
    makes the changes from the last place backwards (follow.steps)."""

    number: int
    kind: Kind
    location: Location
    new_index: int | None
    new_start: int | None
    new_end: int | None
    old: str
    new: str
    author: str
    to_index: int | None = None
    from_new_index: int | None = None
    order: tuple[int, ...] = ()

    @property
    def new_location(self) -> Location:
        """The change's place in the received draft."""
        loc = self.location
        return Location(loc.part, self.new_index, loc.field, self.new_start, self.new_end)


# A change before it is numbered and given its author: (kind, C place, R index, R start,
# R end, old, new).
_Raw = tuple[Kind, Location, int | None, int | None, int | None, str, str]


def propose(
    current: Draft,
    received: Draft,
    reviewer: str = "",
    spans: Sequence[AuthoredSpan] = (),
) -> list[Change]:
    """The changes from ``current`` to ``received`` in document order, numbered from 1;
    each by the author of the span of ``spans`` it touches, else by ``reviewer``. A block
    deleted at one place and the same block inserted at another are one MOVE_BLOCK
    (moves.py), numbered at the first of its two places."""
    from beslut.review.authors import author_of
    from beslut.review.moves import paired

    raws = list(_all(current, received))
    pairs = paired(current, received, raws)
    out: list[Change] = []
    for at, raw in enumerate(raws):
        kind, loc, r_index, r_start, r_end, old, new = raw
        number = len(out) + 1
        if at not in pairs:
            where = Location(loc.part, r_index, loc.field, r_start, r_end)
            author = author_of(where, kind, spans, len(old)) or reviewer
            change = Change(number, kind, loc, r_index, r_start, r_end, old, new, author)
            out.append(replace(change, order=(at,)))
            continue
        other = pairs[at]
        if other < at:
            continue  # the move is listed at its first place
        gone, came = (raw, raws[other]) if kind is Kind.DELETE_BLOCK else (raws[other], raw)
        order = (at, other) if kind is Kind.DELETE_BLOCK else (other, at)
        # Its author where Word said it: who moved it to (a move to's insertion span over
        # the block), else who moved it from (a deletion span at its old place).
        author = (
            author_of(Location(loc.part, came[2]), Kind.INSERT_BLOCK, spans)
            or author_of(Location(loc.part, gone[2]), Kind.DELETE_BLOCK, spans)
            or reviewer
        )
        # From C's block gone[1] (R's place gone[2]) to R's block came[2] (C's place came[1]).
        move = Change(number, Kind.MOVE_BLOCK, gone[1], came[2], None, None, gone[5], came[6],
                      author, came[1].index, gone[2], order)  # fmt: skip
        out.append(move)
    return out


def _all(c: Draft, r: Draft) -> Iterator[_Raw]:
    yield from _texts(c.meta.title, r.meta.title, Location(META, None, TITLE), None)
    yield from _texts(c.meta.subtitle, r.meta.subtitle, Location(META, None, SUBTITLE), None)
    for name in META_FIELDS:
        old, new = meta_text(c.meta, name), meta_text(r.meta, name)
        if getattr(c.meta, name) != getattr(r.meta, name):
            yield Kind.REPLACE, Location(META, None, name, 0, len(old)), None, 0, len(new), old, new
    yield from _decisions(c.decisions, r.decisions)
    yield from _sections(c.sections, r.sections)
    if c.attachments != r.attachments:
        old = "; ".join(a.title for a in c.attachments)
        new = "; ".join(a.title for a in r.attachments)
        yield Kind.REPLACE_BLOCK, Location(ATTACHMENTS), None, None, None, old, new
    if c.signatories != r.signatories:
        old = "; ".join(s.name for s in c.signatories)
        new = "; ".join(s.name for s in r.signatories)
        yield Kind.REPLACE_BLOCK, Location(SIGNATURES), None, None, None, old, new


def meta_text(meta: Metadata, name: str) -> str:
    """A metadata field as text (a date as ÅÅÅÅ-MM-DD, the handläggare in one line)."""
    value = getattr(meta, name)
    if name == "handlaggare":
        return ", ".join(v for v in (value.name, value.telefon, value.epost) if v)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _texts(
    old: str, new: str, loc: Location, r_index: int | None, found: list[Hunk] | None = None
) -> Iterator[_Raw]:
    """Word-level changes of one text (C's at ``loc``, R's at ``r_index``; ``found``:
    its hunks when they are known)."""
    for h in hunks(old, new) if found is None else found:
        kind = Kind.INSERT if h.old_start == h.old_end else Kind.REPLACE
        if h.new_start == h.new_end:
            kind = Kind.DELETE
        yield (
            kind,
            loc.span(h.old_start, h.old_end),
            r_index,
            h.new_start,
            h.new_end,
            old[h.old_start : h.old_end],
            new[h.new_start : h.new_end],
        )


def _aligned(
    old: Sequence[Hashable], new: Sequence[Hashable], texts: tuple[Sequence[str], Sequence[str]]
) -> Iterator[tuple[int, int, int]]:
    """Items of two lists (by their keys) paired, equal ones left out: (i, j, 0) for an
    item edited, (i, at, -1) for one removed (``at`` its place in R), (at, j, 1) for one
    added (``at`` its place in C). An item is paired with the one it became when they
    share a third of their words (_pairs), or when one took the place of one."""
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        if tag == "equal":
            continue
        words_a = [set(_WORD.findall(t.lower())) for t in texts[0][i1:i2]]
        words_b = [set(_WORD.findall(t.lower())) for t in texts[1][j1:j2]]
        c_at, r_at = i1, j1
        one_for_one = i2 - i1 == j2 - j1 == 1  # a paragraph rewritten in its place
        for i, j in [(0, 0)] if one_for_one else _pairs(words_a, words_b):
            if j is None:
                assert i is not None
                yield i1 + i, r_at, -1
                c_at = i1 + i + 1
            elif i is None:
                yield c_at, j1 + j, 1
                r_at = j1 + j + 1
            else:
                yield i1 + i, j1 + j, 0
                c_at, r_at = i1 + i + 1, j1 + j + 1


def _pairs(
    removed: Sequence[set[str]], added: Sequence[set[str]]
) -> list[tuple[int | None, int | None]]:
    """Removed and added items paired in order (as diffwords.pair_ahead pairs them),
    each removed one with the first of the next added ones that shares a third of the
    words of the shorter: an edited paragraph, not a new one."""
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i, words in enumerate(removed):
        end = min(j + _WINDOW, len(added))
        match = next((k for k in range(j, end) if _close(words, added[k])), None)
        if match is None:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, match)]
        out.append((i, match))
        j = match + 1
    out += [(None, k) for k in range(j, len(added))]
    return out


def _close(a: set[str], b: set[str]) -> bool:
    common = len(a & b)
    return common > 0 and common * 3 >= min(len(a), len(b))


def _decisions(old: tuple[str, ...], new: tuple[str, ...]) -> Iterator[_Raw]:
    for i, j, way in _aligned(old, new, (old, new)):
        if way < 0:
            yield Kind.DELETE_BLOCK, Location(DECISIONS, i), j, None, None, old[i], ""
        elif way > 0:
            yield Kind.INSERT_BLOCK, Location(DECISIONS, i), j, None, None, "", new[j]
        else:
            yield from _texts(old[i], new[j], Location(DECISIONS, i), j)


def _sections(old: tuple[Section, ...], new: tuple[Section, ...]) -> Iterator[_Raw]:
    keys_c, keys_r = [s.key for s in old], [s.key for s in new]
    for tag, i1, i2, j1, j2 in opcodes(keys_c, keys_r):
        if tag == "equal":
            for c, r in zip(old[i1:i2], new[j1:j2], strict=True):
                yield from _section(c, r)
            continue
        for s in old[i1:i2]:
            yield Kind.DELETE_PART, Location(s.key), None, None, None, s.heading, ""
        for s in new[j1:j2]:
            yield Kind.INSERT_PART, Location(s.key), None, None, None, "", s.heading


def _section(c: Section, r: Section) -> Iterator[_Raw]:
    yield from _texts(c.heading, r.heading, Location(c.key, None, HEADING), None)
    keys_c = [_key(b) for b in c.blocks]
    keys_r = [_key(b) for b in r.blocks]
    texts = ([b.text for b in c.blocks], [b.text for b in r.blocks])
    for i, j, way in _aligned(keys_c, keys_r, texts):
        if way < 0:
            text = c.blocks[i].text
            yield Kind.DELETE_BLOCK, Location(c.key, i), j, None, None, text, ""
        elif way > 0:
            yield Kind.INSERT_BLOCK, Location(c.key, i), j, None, None, "", r.blocks[j].text
        else:
            yield from _blocks(c.key, i, j, c.blocks[i], r.blocks[j])


def _key(block: Block) -> Block:
    """Equal for blocks that are alike in everything: text, kind, formatting, notes (a
    frozen Block hashes; its repr, compared before, took a third of propose's time)."""
    return normal(block)


def _blocks(part: str, i: int, j: int, c: Block, r: Block) -> Iterator[_Raw]:
    """An edited block: its texts word by word when that alone gives R's block (the same
    kind and shape, formatting kept); else one change of the whole block."""
    if c.kind is r.kind and c.level == r.level and c.start == r.start:
        texts = list(_block_texts(c, r))
        found = [hunks(old, new) for old, new, _field in texts]  # once, used three times
        if (len(found) == 1 and _runs_follow(c, r, found[0])) or (
            _edited(c, texts, found, False) == normal(r)
            and _edited(r, texts, found, True) == normal(c)
        ):
            for (old, new, field), each in zip(texts, found, strict=True):
                yield from _texts(old, new, Location(part, i, field), j, each)
            return
    yield Kind.REPLACE_BLOCK, Location(part, i), j, None, None, c.text, r.text


def _runs_follow(c: Block, r: Block, found: list[Hunk]) -> bool:
    """True when the word edits ``found`` of the text make R's block of C's and back with
    nothing to try (a sufficient test, as most edited paragraphs pass it): their runs
    formatted alike one for one, no note, and every edit inside one run in both, never
    at a run's edge, so that the runs' edges stand where the edits move them."""
    if c.kind is BlockKind.TABLE:
        return False
    a, b = normal(c).runs, normal(r).runs
    if len(a) != len(b) or any(
        x.note or y.note or (x.bold, x.italic, x.link) != (y.bold, y.italic, y.link)
        for x, y in zip(a, b, strict=True)
    ):
        return False
    p = q = 0
    for x, y in zip(a[:-1], b[:-1], strict=True):  # the edges between runs
        p, q = p + len(x.text), q + len(y.text)
        moved = p
        for h in found:
            if h.old_start <= p <= h.old_end or h.new_start <= q <= h.new_end:
                return False  # on an edge: which run the text goes to is not known
            if h.old_end < p:
                moved += (h.new_end - h.new_start) - (h.old_end - h.old_start)
        if moved != q:
            return False
    return True


def _block_texts(c: Block, r: Block) -> Iterator[tuple[str, str, str]]:
    if c.kind is not BlockKind.TABLE:
        yield c.text, r.text, ""
        return
    if len(c.rows) != len(r.rows) or c.header_rows != r.header_rows:
        yield "", "\x00", ""  # a shape that cannot be edited in place: never equal
        return
    for ri, (row_c, row_r) in enumerate(zip(c.rows, r.rows, strict=True)):
        if len(row_c) != len(row_r):
            yield "", "\x00", ""
            return
        for ci, (cell_c, cell_r) in enumerate(zip(row_c, row_r, strict=True)):
            yield _joined(cell_c), _joined(cell_r), text_field((ri, ci))


def _joined(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)


def _edited(
    c: Block, texts: list[tuple[str, str, str]], found: list[list[Hunk]], back: bool
) -> Block | None:
    """``c`` with every word change of ``texts`` (their hunks ``found``) made (how
    accepting them all ends), or with ``back`` R's block with them all undone (how
    rejecting them all ends)."""
    from beslut.checks.findings import parse_text_field
    from beslut.checks.fixes import replace_in_runs

    if any(new == "\x00" for _old, new, _f in texts):
        return None
    block = c
    for (old, new, field), each in zip(texts, found, strict=True):
        edits = [(h.old_start, h.old_end, new[h.new_start : h.new_end]) for h in each]
        if back:
            edits = [(h.new_start, h.new_end, old[h.old_start : h.old_end]) for h in each]
        inner = parse_text_field(field) if field else None
        for start, end, text in reversed(edits):
            if inner is None:
                block = replace(block, runs=replace_in_runs(block.runs, start, end, text))
            else:
                (row, col), rows = inner[0] or (0, 0), [list(x) for x in block.rows]
                rows[row][col] = replace_in_runs(rows[row][col], start, end, text)
                block = replace(block, rows=tuple(tuple(x) for x in rows))
    return normal(block)
