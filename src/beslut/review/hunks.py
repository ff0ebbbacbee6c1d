"""One text's changes as a reviewer reads them: word edits grouped, a rewritten sentence
whole (no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from beslut.diffwords import Op, words

__all__ = ["Hunk", "hunks", "word_hunks"]

# A sentence ends after . ! ? (and the spaces after them) or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+|\n")
_WORD = re.compile(r"\w+")
REWRITTEN = 0.5  # more than this share of a sentence's words changed: one replacement


@dataclass(frozen=True, slots=True)
class Hunk:
    """Characters ``old_start..old_end`` of the old text became ``new_start..new_end`` of
    the new one."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


def hunks(old: str, new: str) -> list[Hunk]:
    """``old`` -> ``new`` as hunks in text order: the word diff's edits, those with only
    whitespace between them joined, and every sentence of ``old`` more than half
    rewritten made one hunk from its start to its end."""
    if old == new:
        return []
    raw = word_hunks(old, new)
    joined = _join_close(raw, old)
    return _by_sentences(joined, old, new)


def word_hunks(old: str, new: str) -> list[Hunk]:
    """``old`` -> ``new`` as the word diff's edits, none joined (for moving a place in
    ``old`` to the same words in ``new``)."""
    out: list[Hunk] = []
    i = j = 0
    current: list[int] | None = None
    for piece in words(old, new):
        size = len(piece.text)
        if piece.op is Op.EQUAL:
            if current is not None:
                out.append(Hunk(*current))
                current = None
            i += size
            j += size
            continue
        if current is None:
            current = [i, i, j, j]
        if piece.op is Op.DELETE:
            i += size
            current[1] = i
        else:
            j += size
            current[3] = j
    if current is not None:
        out.append(Hunk(*current))
    return out


def _join_close(found: list[Hunk], old: str) -> list[Hunk]:
    """Hunks with only whitespace (no line break) between them in ``old`` as one."""
    out: list[Hunk] = []
    for hunk in found:
        if out:
            last = out[-1]
            gap = old[last.old_end : hunk.old_start]
            if gap.isspace() and "\n" not in gap:
                out[-1] = Hunk(last.old_start, hunk.old_end, last.new_start, hunk.new_end)
                continue
        out.append(hunk)
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Each sentence of ``text`` as (start, end), the spaces after it left out."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        body_end = start + len(text[start:end].rstrip())
        if body_end > start:
            spans.append((start, body_end))
        start = end
    if text[start:].strip():
        spans.append((start, start + len(text[start:].rstrip())))
    return spans


def _by_sentences(found: list[Hunk], old: str, new: str) -> list[Hunk]:
    if len(found) < 2:
        return found
    result = list(found)
    for start, end in _sentences(old):
        inside = [
            k
            for k, h in enumerate(result)
            if h.old_start < end and (h.old_end > start or h.old_start == h.old_end >= start)
        ]
        if len(inside) < 2:
            continue
        total = len(_WORD.findall(old, start, end))
        removed = sum(
            len(_WORD.findall(old, result[k].old_start, result[k].old_end)) for k in inside
        )
        added = sum(len(_WORD.findall(new, result[k].new_start, result[k].new_end)) for k in inside)
        if max(removed, added) <= REWRITTEN * max(total, 1):
            continue
        first, last = result[inside[0]], result[inside[-1]]
        a, b = min(start, first.old_start), max(end, last.old_end)
        merged = Hunk(
            a,
            b,
            first.new_start - (first.old_start - a),
            last.new_end + (b - last.old_end),
        )
        result[inside[0] : inside[-1] + 1] = [merged]
    return result
