"""Two texts compared word by word, in time that grows with their length (no Qt).

The word diff of beslut.diff (the Versioner view, ``beslut diff``) and of the
tracked-changes export (export/marked.py): whitespace and punctuation are words of their
own; a long text is compared by sentences, clauses and stretches first (see words).
"""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

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


def common_ends(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, int]:
    """How many items ``a`` and ``b`` begin with alike, and how many of the rest they
    end with alike."""
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _compare(a: list[str], b: list[str], pieces: list[Piece], level: int) -> None:
    """Tokens ``a`` -> ``b`` added to ``pieces``, coarsely from ``level`` (see words)."""
    # The words both begin and end with are kept as they are, so that one changed word
    # in a long paragraph is compared as one word.
    head, tail = common_ends(a, b)
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
    return pair_ahead([_bigrams(u) for u in old], [_bigrams(u) for u in new], window)


def pair_ahead(
    removed: Sequence[set[str]], added: Sequence[set[str]], window: int
) -> list[tuple[int | None, int | None]]:
    """Removed and added texts (as sets of their words or word pairs) paired in order:
    each removed one with the first of the next ``window`` added ones it is ``alike``;
    (i, None) for one removed, (None, j) for one added."""
    out: list[tuple[int | None, int | None]] = []
    j = 0
    for i, words in enumerate(removed):
        end = min(j + window, len(added))
        match = next((k for k in range(j, end) if alike(words, added[k])), None)
        if match is None:
            out.append((i, None))
            continue
        out += [(None, k) for k in range(j, match)]
        out.append((i, match))
        j = match + 1
    out += [(None, k) for k in range(j, len(added))]
    return out


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op is op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def _bigrams(tokens: Sequence[str]) -> set[str]:
    """The unit's pairs of adjacent words (whitespace left out), or its one word."""
    found = [t for t in tokens if not t.isspace()]
    return {f"{x} {y}" for x, y in pairwise(found)} or set(found)


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for ``a`` -> ``b``, the texts both begin and end with taken as
    equal first (difflib is quadratic in texts that repeat: a part of 5,000 paragraphs
    "Ja." with one changed took 2.5 s)."""
    head, tail = common_ends(a, b)
    matcher = difflib.SequenceMatcher(
        None, list(a[head : len(a) - tail]), list(b[head : len(b) - tail]), autojunk=False
    )
    codes: list[tuple[str, int, int, int, int]] = [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if i1 < i2 or j1 < j2
    ]
    if head:
        codes.insert(0, ("equal", 0, head, 0, head))
    if tail:
        codes.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return codes


def alike(a: set[str], b: set[str]) -> bool:
    """True when two texts share at least half the words of the longer one."""
    return len(a & b) * 2 >= max(len(a), len(b))
