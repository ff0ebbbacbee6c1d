"""What changed between two versions of a draft, word by word and part by part (no Qt).

The parts are compared as a reader meets them: the metadata, Förslag till beslut, each
text part (matched by its key, so a renamed heading is a change of the heading), the
bilagor and the signatories. Within a part the blocks are aligned first (a paragraph
added, removed or changed), then a changed block is compared word by word, so "att 2027"
-> "att 2028" is one deleted and one inserted word, not a whole paragraph. The versions
issue's tracked-changes export and the app's Versioner view read the same Diff.
"""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from beslut import parts as partnames
from beslut.i18n import N_, _
from beslut.model.draft import Draft, Metadata

# Words: a number with its decimals or parts ("1,5", "2026-12-01", "IDN 2026/251"'s
# "2026/251") is one, whitespace and each punctuation mark are words of their own.
_TOKEN = re.compile(r"\s+|\d+(?:[.,:/\-]\d+)*|\w+|[^\w\s]", re.UNICODE)


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text that is unchanged, inserted or deleted."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """One unit of a part (a paragraph, a decision point, a field): unchanged, added,
    removed, or changed with its pieces."""

    op: Op | None  # None: changed inside; see pieces
    pieces: tuple[Piece, ...]
    label: str = ""  # a field's name ("Ärendemening") or a decision point's number

    @property
    def changed(self) -> bool:
        return self.op is not Op.EQUAL


@dataclass(frozen=True, slots=True)
class PartDiff:
    """The lines of one part; ``changed`` when any line is."""

    key: str
    heading: str
    lines: tuple[Line, ...]

    @property
    def changed(self) -> bool:
        return any(line.changed for line in self.lines)


def words(old: str, new: str) -> tuple[Piece, ...]:
    """``old`` -> ``new`` as pieces, word by word (whitespace and punctuation are words
    of their own, so a changed comma is not a changed word).

    Long texts are compared coarsely first, so that the time grows with the length and
    not with its square (difflib is quadratic, worse with frequent words): sentence by
    sentence; a changed sentence with the one it became (sharing half their pairs of
    words) clause by clause, then by stretches the text itself cuts (_chunks); word by
    word only where a changed stretch is at most WORD_WORK words by words. A rewritten
    paragraph of 50,000 words takes 0.3 s (difflib alone: 24 s for 2,000)."""
    pieces: list[Piece] = []
    _compare(_TOKEN.findall(old), _TOKEN.findall(new), pieces, 0)
    return tuple(pieces)


# The most word-by-word work (words times words) difflib does on one stretch of text.
WORD_WORK = 10_000
_WINDOW = 8  # how far ahead a changed sentence looks for the one it became
_CHUNK = 48  # words and spaces: the finest coarse unit's usual length (see _chunks)
_UNIT_ENDS = (frozenset(".!?"), frozenset(",;:"))  # sentences, then clauses


def _compare(a: list[str], b: list[str], pieces: list[Piece], level: int) -> None:
    """Tokens ``a`` -> ``b`` added to ``pieces``, coarsely from ``level`` (see words)."""
    # The words both begin and end with are kept as they are, so that one changed word
    # in a long paragraph is compared as one word.
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    _add(pieces, Op.EQUAL, "".join(a[:head]))
    a_mid, b_mid = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(a_mid) * len(b_mid) <= WORD_WORK:
        _word_by_word(a_mid, b_mid, pieces)
    else:
        _by_units(a_mid, b_mid, pieces, level)
    _add(pieces, Op.EQUAL, "".join(a[len(a) - tail :]))


def _word_by_word(a: list[str], b: list[str], pieces: list[Piece]) -> None:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, Op.EQUAL, "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _add(pieces, Op.DELETE, "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _add(pieces, Op.INSERT, "".join(b[j1:j2]))


def _by_units(a: list[str], b: list[str], pieces: list[Piece], level: int) -> None:
    """Compare units (sentences, clauses or stretches of words) first; a changed stretch
    is compared word by word when it is small, else unit by unit, each with the unit it
    resembles, a level finer."""
    units_a, units_b = _units(a, level), _units(b, level)
    keys_a, keys_b = ["".join(u) for u in units_a], ["".join(u) for u in units_b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, Op.EQUAL, "".join(keys_a[i1:i2]))
            continue
        stretch_a = [t for unit in units_a[i1:i2] for t in unit]
        stretch_b = [t for unit in units_b[j1:j2] for t in unit]
        if len(stretch_a) * len(stretch_b) <= WORD_WORK:
            _word_by_word(stretch_a, stretch_b, pieces)
            continue
        # Units that resemble each other are compared a level finer, and so are the
        # stretches between them; at the finest level such a stretch is replaced whole.
        gap_a: list[str] = []
        gap_b: list[str] = []
        for i, j in [*_pair_units(units_a[i1:i2], units_b[j1:j2], _WINDOW), (None, None)]:
            if j is None and i is not None:
                gap_a += units_a[i1 + i]
            elif i is None and j is not None:
                gap_b += units_b[j1 + j]
            else:
                if level < len(_UNIT_ENDS):
                    _compare(gap_a, gap_b, pieces, level + 1)
                elif len(gap_a) * len(gap_b) <= 4 * WORD_WORK:  # a few stretches
                    _word_by_word(gap_a, gap_b, pieces)
                else:
                    _add(pieces, Op.DELETE, "".join(gap_a))
                    _add(pieces, Op.INSERT, "".join(gap_b))
                gap_a, gap_b = [], []
                if i is not None and j is not None:
                    _compare(units_a[i1 + i], units_b[j1 + j], pieces, level + 1)


def _units(tokens: list[str], level: int) -> list[list[str]]:
    """``tokens`` cut after each end of a unit of ``level`` (with the whitespace after
    it; a line break ends every unit); past the last level, into stretches of _CHUNK."""
    if level >= len(_UNIT_ENDS):
        return _chunks(tokens)
    ends = _UNIT_ENDS[level]
    units: list[list[str]] = []
    start = 0
    for k, token in enumerate(tokens):
        if token in ends or "\n" in token:
            end = k + 2 if k + 1 < len(tokens) and tokens[k + 1].isspace() else k + 1
            if end > start:
                units.append(tokens[start:end])
                start = end
    if start < len(tokens):
        units.append(tokens[start:])
    return units


def _chunks(tokens: list[str]) -> list[list[str]]:
    """``tokens`` cut where the text itself says (after a word that, with the word before
    it, hashes to a multiple of _CHUNK / 2), so that the cuts of two versions fall in
    the same places around an edit; none longer than 2 * _CHUNK."""
    units: list[list[str]] = []
    start = 0
    previous = ""
    for k, token in enumerate(tokens):
        if token.isspace():
            continue
        cut = zlib.crc32(f"{previous} {token}".encode()) % (_CHUNK // 2) == 0
        previous = token
        if cut or k + 1 - start >= 2 * _CHUNK:
            units.append(tokens[start : k + 1])
            start = k + 1
    if start < len(tokens):
        units.append(tokens[start:])
    return units


def _pair_units(
    old: Sequence[Sequence[str]], new: Sequence[Sequence[str]], window: int
) -> list[tuple[int | None, int | None]]:
    """Removed and added units paired in order: each removed one with the first of the
    next ``window`` added ones that shares at least half its pairs of adjacent words
    (words alone: two sentences of the same text share half their words by chance)."""
    out: list[tuple[int | None, int | None]] = []
    added = [_bigrams(unit) for unit in new]
    j = 0
    for i, unit in enumerate(old):
        removed = _bigrams(unit)
        end = min(j + window, len(new))
        match = next((k for k in range(j, end) if _alike(removed, added[k])), None)
        if match is None:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, match)]
        out.append((i, match))
        j = match + 1
    out += [(None, k) for k in range(j, len(new))]
    return out


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op is op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


_ALIGN_WINDOW = 64


def align(
    old: Sequence[str], new: Sequence[str], *, by_words: bool = False
) -> list[tuple[int | None, int | None]]:
    """Two lists of texts aligned, in reading order, as index pairs: (i, j) for a text
    kept or changed in place (the texts differ when changed), (i, None) for one removed,
    (None, j) for one added. Within a replaced stretch the texts pair up in order, then
    the removed rest, then the added rest; ``by_words`` pairs a removed text with the next
    added one that shares at least half its words instead (a paragraph added before a
    changed one is then an addition, not a change of the one after it), looking at most
    _ALIGN_WINDOW texts ahead (so that two long, wholly different texts are not compared
    each with each)."""
    out: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        if not by_words:
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            out += [(i1 + k, j1 + k) for k in range(pairs)]
            out += [(i, None) for i in range(i1 + pairs, i2)]
            out += [(None, j) for j in range(j1 + pairs, j2)]
            continue
        added = [set(new[j].split()) for j in range(j1, j2)]
        j = j1
        for i in range(i1, i2):
            removed = set(old[i].split())
            end = min(j + _ALIGN_WINDOW, j2)
            match = next((k for k in range(j, end) if _alike(removed, added[k - j1])), None)
            if match is None:
                out.append((i, None))
                continue
            out += [(None, k) for k in range(j, match)]
            out.append((i, match))
            j = match + 1
        out += [(None, k) for k in range(j, j2)]
    return out


def _bigrams(tokens: Sequence[str]) -> set[str]:
    """The unit's pairs of adjacent words (whitespace left out), or its one word."""
    found = [t for t in tokens if not t.isspace()]
    return {f"{x} {y}" for x, y in pairwise(found)} or set(found)


def _alike(a: set[str], b: set[str]) -> bool:
    """True when two texts share at least half the words of the longer one."""
    return len(a & b) * 2 >= max(len(a), len(b))


def lines(old: Sequence[str], new: Sequence[str], labels: Sequence[str] = ()) -> tuple[Line, ...]:
    """Two lists of texts aligned: each text unchanged, added, removed or changed."""
    out: list[Line] = []
    for i, j in align(old, new):
        if j is None:
            assert i is not None
            out.append(Line(Op.DELETE, (Piece(Op.DELETE, old[i]),)))
        elif i is None:
            out.append(Line(Op.INSERT, (Piece(Op.INSERT, new[j]),), _label(labels, j)))
        elif old[i] == new[j]:
            out.append(Line(Op.EQUAL, (Piece(Op.EQUAL, new[j]),), _label(labels, j)))
        else:  # changed in place: compared word by word
            out.append(Line(None, words(old[i], new[j]), _label(labels, j)))
    return tuple(out)


def _label(labels: Sequence[str], index: int) -> str:
    return labels[index] if index < len(labels) else ""


_FIELDS = (
    ("title", N_("Ärendemening")),
    ("subtitle", N_("Underrubrik")),
    ("namnd", N_("Nämnd")),
    ("meeting_date", N_("Sammanträde")),
    ("dnr", N_("Dnr")),
    ("date", N_("Datum")),
    ("forvaltning", N_("Förvaltning")),
    ("avdelning", N_("Avdelning")),
)


def _fields(meta: Metadata) -> list[tuple[str, str]]:
    values = [(_(label), str(getattr(meta, name) or "")) for name, label in _FIELDS]
    person = meta.handlaggare
    values += [
        (_("Handläggare"), person.name),
        (_("Telefon"), person.telefon),
        (_("E-post"), person.epost),
    ]
    return values


def compare(old: Draft, new: Draft) -> tuple[PartDiff, ...]:
    """Every part of the two versions, in the new version's order (a part only the old
    one has comes last), each with its lines."""
    parts: list[PartDiff] = []
    old_fields, new_fields = dict(_fields(old.meta)), _fields(new.meta)
    meta_lines = []
    for label, value in new_fields:
        before = old_fields.get(label, "")
        if before == value:
            meta_lines.append(Line(Op.EQUAL, (Piece(Op.EQUAL, value),), label))
        else:
            meta_lines.append(Line(None, words(before, value), label))
    name_of = partnames.part_label
    parts.append(PartDiff(partnames.META, name_of(partnames.META), tuple(meta_lines)))
    numbers = [str(n) for n in range(1, len(new.decisions) + 1)]
    decisions = lines(old.decisions, new.decisions, numbers)
    parts.append(PartDiff(partnames.DECISIONS, name_of(partnames.DECISIONS), decisions))
    old_sections = {s.key: s for s in old.sections}
    for section in new.sections:
        earlier = old_sections.pop(section.key, None)
        old_texts = [b.text for b in earlier.blocks] if earlier is not None else []
        body = list(lines(old_texts, [b.text for b in section.blocks]))
        if earlier is not None and earlier.heading != section.heading:
            body.insert(0, Line(None, words(earlier.heading, section.heading), _("Rubrik")))
        parts.append(PartDiff(section.key, section.heading, tuple(body)))
    for section in old_sections.values():  # removed parts
        parts.append(
            PartDiff(section.key, section.heading, lines([b.text for b in section.blocks], []))
        )
    titles = lines([a.title for a in old.attachments], [a.title for a in new.attachments])
    parts.append(PartDiff(partnames.ATTACHMENTS, name_of(partnames.ATTACHMENTS), titles))
    signatures = [f"{s.name}, {s.title}" if s.title else s.name for s in new.signatories]
    before_signatures = [f"{s.name}, {s.title}" if s.title else s.name for s in old.signatories]
    signed = lines(before_signatures, signatures)
    parts.append(PartDiff(partnames.SIGNATURES, name_of(partnames.SIGNATURES), signed))
    return tuple(parts)


def render_plain(parts: Sequence[PartDiff], *, context: bool = False) -> str:
    """The changed parts as text for a terminal: removed words as ``[-...-]``, added as
    ``{+...+}`` (as git's word diff writes them); unchanged parts folded to their heading,
    unchanged lines left out unless ``context``."""
    out: list[str] = []
    for part in parts:
        if not part.changed:
            out.append("  " + _("{part}: oförändrat").format(part=part.heading))
            continue
        out.append(f"## {part.heading}")
        for line in part.lines:
            if not line.changed and not context:
                continue
            text = "".join(_mark(piece) for piece in line.pieces)
            prefix = f"{line.label}: " if line.label else ""
            sign = _SIGNS[line.op] if line.op is not None else "~ "
            out.append(f"{sign}{prefix}{text}")
    return "\n".join(out) + "\n"


_SIGNS = {Op.INSERT: "+ ", Op.DELETE: "- ", Op.EQUAL: "  "}


def _mark(piece: Piece) -> str:
    if piece.op is Op.DELETE:
        return f"[-{piece.text}-]"
    if piece.op is Op.INSERT:
        return f"{{+{piece.text}+}}"
    return piece.text
