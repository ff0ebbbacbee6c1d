"""Words and sentences of a text: the one tokenization the readability rules share."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

# A word: letters and digits, kept together across a hyphen, apostrophe, slash or a
# full stop, comma or colon inside it ("EU-direktoratet", "1,2", "t.ex", "2019:263").
WORD = re.compile(r"[^\W_]+(?:[-–'’.,:/][^\W_]+)*")

# A candidate sentence end: terminators, then closing quotes or brackets, then space or end.
_END = re.compile(r"[.!?:]+[\"”’)\]]*(?=\s|$)")

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
    return len(words), sum(1 for w in words if is_long(w))


def sentence_spans(text: str, abbreviations: Collection[str] = ()) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text``; the end of the text ends a sentence.

    "!", "?" and ":" before a space end a sentence; "." does when the next word does not
    start with a small letter and the word before it is not a known abbreviation.
    """
    spans = []
    start = _skip_space(text, 0)
    for match in _END.finditer(text):
        end = match.end()
        if end <= start or not _ends_sentence(text, match, abbreviations):
            continue
        spans.append((start, end))
        start = _skip_space(text, end)
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return spans


def sentences(text: str, abbreviations: Collection[str] = ()) -> tuple[Sentence, ...]:
    """The sentences of ``text`` that hold at least one word."""
    found = []
    for start, end in sentence_spans(text, abbreviations):
        words, long_words = count_words(text, start, end)
        if words:
            found.append(Sentence(start, end, words, long_words))
    return tuple(found)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _ends_sentence(text: str, match: re.Match[str], abbreviations: Collection[str]) -> bool:
    if match.group().rstrip('"”’)]').strip(".") != "":
        return True  # "!", "?" or ":" ends a sentence whatever follows
    after = _skip_space(text, match.end())
    if after < len(text) and text[after].islower():
        return False
    return after >= len(text) or not _after_abbreviation(text, match.start(), abbreviations)


def _after_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    """True when the word that ends at the full stop ``dot`` is a known abbreviation."""
    chunk = text[max(0, dot - _ABBREVIATION_LOOKBACK) : dot + 1].split()
    if not chunk:
        return False
    return chunk[-1].lstrip('(”"').lower() in abbreviations
