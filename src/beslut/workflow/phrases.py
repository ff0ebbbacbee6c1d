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
whose difflib ratio is at least NEAR_RATIO join too (cheap tests first: length within
10 %, half the words shared, quick_ratio).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from beslut.parts import DECISIONS
from beslut.store.phrases import StoredPhrase, norm_key, normalise

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.model.draft import Block, Draft
    from beslut.store import Store

DECISIONS_ALIAS = "beslut"  # what the command line calls Förslag till beslut
DEFAULT_LIMIT = 20
POOL = 100  # candidates from each pool of the index
MAX_WORDS = 12  # typed words used (a pasted page searches for its start)
NEAR_RATIO = 0.9  # difflib ratio of two near-duplicates
NEAR_TOP = 40  # ... compared among this many best candidates only
NEAR_CHARS = 2000  # ... and only texts up to this long
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
    key: tuple[int, int, str]
    norm: str
    norm_id: int
    phrase: Phrase
    norms: set[int] = field(default_factory=set)


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
    part = part_key(part)
    typed = " ".join(_WORD.findall(text)[:MAX_WORDS])
    meta = current.meta if current is not None else None
    stored = store.phrase_candidates(
        part, typed, namnd=meta.namnd if meta else "", exclude=current_id, each=POOL
    )
    own = _own_norms(current, part)
    candidates = [_stored(found, part, typed, current) for found in stored]
    if part == DECISIONS:
        candidates += _standard(doctypes, typed, current)
    candidates = [c for c in candidates if c.norm and c.norm not in own]
    candidates.sort(key=lambda c: c.key, reverse=True)
    kept = _collapse(candidates, limit)
    counts = store.phrase_counts(part, {n for c in kept for n in c.norms}, current_id)
    hits = []
    for c in kept:
        # Every stored row of the group's normal forms, and the organisation's wording.
        total = sum(counts.get(n, 0) for n in c.norms) + (1 if c.phrase.standard else 0)
        hits.append(_with_similar(c.phrase, max(total - 1, 0)))
    return hits


def _with_similar(phrase: Phrase, similar: int) -> Phrase:
    from dataclasses import replace

    return replace(phrase, similar=similar)


def _own_norms(current: Draft | None, part: str) -> set[str]:
    if current is None:
        return set()
    if part == DECISIONS:
        return {normalise(point) for point in current.decisions}
    section = current.section(part)
    return set() if section is None else {normalise(b.text) for b in section.blocks}


def typed_closeness(norm: str, typed: str) -> int:
    """3 when ``norm`` begins with the typed words, 2 when it holds them together, 1
    otherwise (0 when a typed word begins no word of it)."""
    want = normalise(typed)
    if not want:
        return 1
    if norm.startswith(want):
        return 3
    if f" {want}" in f" {norm}":
        return 2
    words = norm.split()
    return 1 if all(any(w.startswith(t) for w in words) for t in want.split()) else 0


def _nearness(title: str, namnd: str, doctype: str, done: bool, current: Draft | None) -> int:
    if current is None:
        return 2 if done else 0
    meta = current.meta
    near = 4 if namnd and namnd == meta.namnd else 0
    near += 2 if doctype == meta.doctype else 0
    near += 2 if done else 0
    ours = set(normalise(meta.title).split())
    near += min(len(ours & set(normalise(title).split())), 2)
    return near


def _stored(found: StoredPhrase, part: str, typed: str, current: Draft | None) -> _Candidate:
    from beslut.model.jsonio import block_from_json

    norm = normalise(found.text)
    done = found.exported or found.status == _DONE_STATUS
    near = _nearness(found.title, found.namnd, found.doctype, done, current)
    phrase = Phrase(
        part,
        found.text,
        block_from_json(found.block) if found.block is not None else None,
        found.draft_id,
        found.title,
        found.modified,
    )
    key = (typed_closeness(norm, typed), near, found.modified)
    return _Candidate(key, norm, found.norm, phrase, {found.norm})


def _standard(doctypes: Sequence[DocType], typed: str, current: Draft | None) -> list[_Candidate]:
    ours = current.meta.doctype if current is not None else None
    out: dict[str, _Candidate] = {}
    for doctype in doctypes:
        for point in doctype.standard_decisions:
            norm = normalise(point)
            closeness = typed_closeness(norm, typed)
            if not closeness:
                continue
            near = 8 if doctype.key == ours else 2
            known = out.get(norm)
            if known is not None and known.key[1] >= near:
                continue
            phrase = Phrase(DECISIONS, point, title=doctype.name, standard=True)
            out[norm] = _Candidate((closeness, near, ""), norm, norm_key(point), phrase)
    for candidate in out.values():
        candidate.norms = {candidate.norm_id}
    return list(out.values())


def _collapse(ranked: list[_Candidate], limit: int) -> list[_Candidate]:
    """The best of each group of near-duplicates, up to ``limit``; the organisation's
    wording stands for a group it is in."""
    kept: list[_Candidate] = []
    by_norm: dict[str, _Candidate] = {}
    for place, candidate in enumerate(ranked):
        same = by_norm.get(candidate.norm)
        if same is None and place < NEAR_TOP:
            same = next((k for k in kept if _near(k.norm, candidate.norm)), None)
        if same is None:
            if len(kept) < limit:
                kept.append(candidate)
                by_norm[candidate.norm] = candidate
            continue
        same.norms |= candidate.norms
        by_norm.setdefault(candidate.norm, same)
        if candidate.phrase.standard and not same.phrase.standard:
            same.phrase = candidate.phrase
    return kept


def _near(a: str, b: str) -> bool:
    """Very close texts (not equal ones: those are found by their normal form)."""
    longer = max(len(a), len(b))
    if longer > NEAR_CHARS or abs(len(a) - len(b)) > 0.1 * longer:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    if 2 * len(words_a & words_b) < len(words_a | words_b):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= NEAR_RATIO and matcher.ratio() >= NEAR_RATIO
