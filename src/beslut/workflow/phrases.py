"""Reuse: one's own earlier decision points and paragraphs, found while writing (no Qt).

``find_phrases`` lists, best first, the points (part "beslut" or "decisions") or the
paragraphs of a text part in the other drafts outside the trash, with the
organisation's standard wording (the document types' standard decisions) in the same
list. The app's search field and ``beslut phrases`` share it.

Ranking, as a sort key compared in this order:

1. How close the text is to what is typed: it begins with the typed words (3), holds
   them together in order (2), or holds each of them as the start of a word (1).
2. How close its draft is to the current one: same nämnd 4, same document type 2,
   exported (an export version) or Klar 2, each word shared with the title 1 (up to 2).
   The organisation's wording for the current draft's type counts 8, for another type 2.
3. Newest first (when its draft was last saved).

Candidates come from the phrase index (store/phrases.py) in bounded pools, so the cost
does not grow with how common a word is.

Near-duplicates are shown once, as the best ranked of them with a count: the same text
after normalising (case, punctuation, whitespace) counts across the whole store (an
index lookup); among the NEAR_TOP best candidates only, texts up to NEAR_CHARS long
whose difflib ratio (of the characters up to SHORT_CHARS, else of the words) is at least
NEAR_RATIO join too (cheap tests first: length within 10 %, half the words shared,
quick_ratio).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beslut.parts import DECISIONS
from beslut.store.phrases import StoredPhrase, norm_key, normalise

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.model.draft import Block, Draft, Metadata
    from beslut.store import Store

DECISIONS_ALIAS = "beslut"  # what the command line calls Förslag till beslut
DEFAULT_LIMIT = 20
POOL = 50  # candidates: the newest matches, and as many more of the same nämnd
MAX_WORDS = 12  # typed words used (a pasted page searches for its start)
NEAR_RATIO = 0.9  # difflib ratio of two near-duplicates
NEAR_TOP = 20  # ... compared among this many best candidates only
NEAR_CHARS = 2000  # ... and only texts up to this long
SHORT_CHARS = 200  # ... by characters up to this long, by words above
_WORD = re.compile(r"\w+")
_DONE_STATUS = "klar"


@dataclass(frozen=True, slots=True)
class Phrase:
    """One hit: a point's text, or a paragraph's text and block to insert as it is."""

    part: str
    text: str
    block: Block | None = None  # None for a decision point
    draft_id: int | None = None  # None for the organisation's wording
    title: str = ""
    date: str = ""  # when the source draft was last saved (ISO 8601), "" for standard
    similar: int = 0  # near-duplicates shown as this one
    standard: bool = False  # the organisation's wording (a document type's)

    def as_json(self) -> dict[str, object]:
        """The hit as JSON-ready data (``beslut phrases --json``)."""
        from beslut.model.jsonio import block_json

        return {
            "part": self.part,
            "text": self.text,
            "block": None if self.block is None else _json(block_json(self.block)),
            "draft_id": self.draft_id,
            "title": self.title,
            "date": self.date,
            "similar": self.similar,
            "standard": self.standard,
        }


def _json(text: str) -> object:
    import json

    return json.loads(text)


@dataclass(slots=True)
class _Candidate:
    key: tuple[int, int, str]  # typed closeness, nearness, date: the higher the better
    norm: str
    norm_id: int
    phrase: Phrase  # without its block: read only for the hits shown
    norms: set[int]  # the normal forms of the group it stands for
    block: str | None = None  # the block's JSON


def part_key(part: str) -> str:
    """The stored part for what the user names: "beslut" is Förslag till beslut."""
    return DECISIONS if part == DECISIONS_ALIAS else part


def find_phrases(
    store: Store,
    part: str,
    text: str,
    *,
    current: Draft | None = None,
    current_id: int | None = None,
    doctypes: Sequence[DocType] = (),
    limit: int = DEFAULT_LIMIT,
) -> list[Phrase]:
    """Up to ``limit`` hits for ``part`` matching ``text`` (every typed word as the start
    of a word; with no words, the best by closeness and recency), best first. The
    points or paragraphs of ``current`` (stored as ``current_id``) are not offered."""
    from dataclasses import replace

    part = part_key(part)
    typed = " ".join(_WORD.findall(text)[:MAX_WORDS])
    want = normalise(typed)
    meta = current.meta if current is not None else None
    stored = store.phrase_candidates(
        part, typed, namnd=meta.namnd if meta else "", exclude=current_id, each=POOL
    )
    own = _own_norms(current, part)
    title_words = frozenset(normalise(meta.title).split()) if meta else frozenset()
    candidates = [_stored(found, part, want, meta, title_words) for found in stored]
    if part == DECISIONS:
        candidates += _standard(doctypes, want, meta)
    candidates = [c for c in candidates if c.norm and c.norm not in own]
    candidates.sort(key=lambda c: c.key, reverse=True)
    kept = _collapse(candidates, limit)
    counts = store.phrase_counts(part, {n for c in kept for n in c.norms}, current_id)
    hits = []
    for c in kept:
        # Every stored row of the group's normal forms, and the organisation's wording.
        total = sum(counts.get(n, 0) for n in c.norms) + (1 if c.phrase.standard else 0)
        block = _block(c)
        hits.append(replace(c.phrase, block=block, similar=max(total - 1, 0)))
    return hits


def _block(candidate: _Candidate) -> Block | None:
    """The block to insert: as stored, or a paragraph of the text (store/phrases.py)."""
    from beslut.model.draft import Block, BlockKind
    from beslut.model.jsonio import block_from_json

    phrase = candidate.phrase
    if candidate.block is not None:
        return block_from_json(candidate.block)
    if phrase.part == DECISIONS or phrase.standard:
        return None
    return Block.plain(BlockKind.PARAGRAPH, phrase.text)


def _own_norms(current: Draft | None, part: str) -> set[str]:
    if current is None:
        return set()
    if part == DECISIONS:
        return {normalise(point) for point in current.decisions}
    section = current.section(part)
    return set() if section is None else {normalise(b.text) for b in section.blocks}


def typed_closeness(norm: str, want: str) -> int:
    """3 when ``norm`` begins with ``want`` (the typed words normalised), 2 when it holds
    them together, 1 otherwise (0 when a typed word begins no word of it)."""
    if not want:
        return 1
    if norm.startswith(want):
        return 3
    if f" {want}" in f" {norm}":
        return 2
    words = norm.split()
    return 1 if all(any(w.startswith(t) for w in words) for t in want.split()) else 0


def _nearness(found: StoredPhrase, meta: Metadata | None, title_words: frozenset[str]) -> int:
    done = found.exported or found.status == _DONE_STATUS
    if meta is None:
        return 2 if done else 0
    near = 4 if found.namnd and found.namnd == meta.namnd else 0
    near += 2 if found.doctype == meta.doctype else 0
    near += 2 if done else 0
    if title_words:
        near += min(len(title_words.intersection(_title_words(found.title))), 2)
    return near


@functools.lru_cache(maxsize=1024)
def _title_words(title: str) -> list[str]:
    return normalise(title).split()


def _stored(
    found: StoredPhrase, part: str, want: str, meta: Metadata | None, title_words: frozenset[str]
) -> _Candidate:
    norm = normalise(found.text)
    phrase = Phrase(part, found.text, None, found.draft_id, found.title, found.modified)
    key = (typed_closeness(norm, want), _nearness(found, meta, title_words), found.modified)
    return _Candidate(key, norm, found.norm, phrase, {found.norm}, found.block)


def _standard(doctypes: Sequence[DocType], want: str, meta: Metadata | None) -> list[_Candidate]:
    ours = meta.doctype if meta is not None else None
    out: dict[str, _Candidate] = {}
    for doctype in doctypes:
        for point in doctype.standard_decisions:
            norm = normalise(point)
            closeness = typed_closeness(norm, want)
            if not closeness:
                continue
            near = 8 if doctype.key == ours else 2
            known = out.get(norm)
            if known is not None and known.key[1] >= near:
                continue
            phrase = Phrase(DECISIONS, point, title=doctype.name, standard=True)
            key = norm_key(point)
            out[norm] = _Candidate((closeness, near, ""), norm, key, phrase, {key})
    return list(out.values())


def _collapse(ranked: list[_Candidate], limit: int) -> list[_Candidate]:
    """The best of each group of near-duplicates, up to ``limit``; the organisation's
    wording stands for a group it is in."""
    kept: list[_Candidate] = []
    by_norm: dict[str, _Candidate] = {}
    words: dict[str, tuple[list[str], set[str]]] = {}
    for place, candidate in enumerate(ranked):
        same = by_norm.get(candidate.norm)
        if same is None and place < NEAR_TOP:
            same = next((k for k in kept if _near(k.norm, candidate.norm, words)), None)
        if same is None:
            if len(kept) < limit:
                kept.append(candidate)
                by_norm[candidate.norm] = candidate
            continue
        same.norms |= candidate.norms
        by_norm.setdefault(candidate.norm, same)
        if candidate.phrase.standard and not same.phrase.standard:
            same.phrase, same.block = candidate.phrase, None
    return kept


def _near(a: str, b: str, words: dict[str, tuple[list[str], set[str]]]) -> bool:
    """Very close texts (not equal ones: those are found by their normal form): a
    difflib ratio of at least NEAR_RATIO, of the characters of texts up to SHORT_CHARS
    long, else of the words (a long paragraph by letters costs milliseconds).
    ``words`` keeps each text's words between calls."""
    longer = max(len(a), len(b))
    if longer > NEAR_CHARS or abs(len(a) - len(b)) > 0.1 * longer:
        return False
    list_a, set_a = words.get(a) or words.setdefault(a, _words(a))
    list_b, set_b = words.get(b) or words.setdefault(b, _words(b))
    if 2 * len(set_a & set_b) < len(set_a | set_b):
        return False
    if longer <= SHORT_CHARS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    else:
        matcher = difflib.SequenceMatcher(None, list_a, list_b, autojunk=False)
    return matcher.quick_ratio() >= NEAR_RATIO and matcher.ratio() >= NEAR_RATIO


def _words(text: str) -> tuple[list[str], set[str]]:
    split = text.split()
    return split, set(split)
