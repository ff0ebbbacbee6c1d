"""Words and sentences of a text: the one tokenization the readability rules share."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

# A word: letters and digits, kept together across a hyphen, apostrophe, slash or a
# full stop, comma or colon inside it ("EU-direktoratet", "1,2", "t.ex", "2019:263").
WORD = re.compile(r"[^\W_]+(?:[-–'’.,:/][^\W_]+)*")

# A candidate sentence end: terminators, closing quotes or brackets, then space or the end.
_END = re.compile(r"(?P<mark>[.!?:]+)[\"”’)\]]*(?P<space>\s+|$)")

LONG_WORD_LETTERS = 6
_ABBREVIATION_LOOKBACK = 12


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a character range of its text, with its word counts."""

    start: int
    end: int
    words: int
    long_words: int


def is_long(word: str) -> bool:
    """True for a word of more than six letters (digits and marks do not count)."""
    if len(word) <= LONG_WORD_LETTERS:
        return False
    return word.isalpha() or sum(ch.isalpha() for ch in word) > LONG_WORD_LETTERS


def count_words(text: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """(words, long words) in ``text[start:end]``."""
    words = WORD.findall(text, start, len(text) if end is None else end)
    # Inline test first: this runs for every word of the draft.
    long_words = [w for w in words if len(w) > LONG_WORD_LETTERS and (w.isalpha() or is_long(w))]
    return len(words), len(long_words)


def sentence_spans(text: str, abbreviations: Collection[str] = ()) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text``; the end of the text ends a sentence.

    "!", "?" and ":" before a space end a sentence; "." does when the next word does not
    start with a small letter and the word before it is not a known abbreviation.
    """
    spans = []
    start = len(text) - len(text.lstrip())
    for match in _END.finditer(text):
        if match.start("space") <= start or not _ends_sentence(text, match, abbreviations):
            continue
        spans.append((start, match.start("space")))
        start = match.end()
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def sentences(text: str, abbreviations: Collection[str] = ()) -> tuple[Sentence, ...]:
    """The sentences of ``text`` that hold at least one word."""
    found = []
    for start, end in sentence_spans(text, abbreviations):
        words, long_words = count_words(text, start, end)
        if words:
            found.append(Sentence(start, end, words, long_words))
    return tuple(found)


def _ends_sentence(text: str, match: re.Match[str], abbreviations: Collection[str]) -> bool:
    if match.group("mark").strip("."):
        return True  # "!", "?" or ":" ends a sentence whatever follows
    after = match.end()
    if after >= len(text):
        return True
    return not text[after].islower() and not _after_abbreviation(text, match.start(), abbreviations)


def _after_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    """True when the word that ends at the full stop ``dot`` is a known abbreviation."""
    chunk = text[max(0, dot - _ABBREVIATION_LOOKBACK) : dot + 1].split()
    if not chunk:
        return False
    return chunk[-1].lstrip('(”"').lower() in abbreviations
