"""Which words of a text are checked for spelling, and where they are."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator

# A word: letters, with inner apostrophes ("it's"); hyphens split words ("EU-stöd" is
# checked as "stöd", "bostads- och" as "bostads" and "och").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Text that is no prose: addresses, e-mail, paths. Whole chunks of it are left out.
_NOT_PROSE = re.compile(r"\S*(?:://|www\.|@|\\|/)\S*", re.IGNORECASE)
MAX_WORD = 60  # longer "words" are codes or pasted data, not prose


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """The ranges of the words in ``text`` that spelling looks at, in order."""
    skip = [m.span() for m in _NOT_PROSE.finditer(text)]
    cut = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while cut < len(skip) and skip[cut][1] <= start:
            cut += 1
        if cut < len(skip) and skip[cut][0] <= start:
            continue
        if _checkable(text, start, end):
            yield start, end


def _checkable(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if len(word) < 2 or len(word) > MAX_WORD:
        return False
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return False  # KS, SBK, PowerPoint: abbreviations and brand names
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    # "3e", "m2", "§5a", "x_y": part of a number, code or name, not a word.
    if before.isdigit() or after.isdigit() or "_" in (before, after):
        return False
    # "gatu- och fastighetsnämnden": the first part of a compound, which the dictionary
    # does not know on its own.
    return not (after in "-‐" and (end + 1 >= len(text) or text[end + 1].isspace()))


def words_of(text: str) -> Iterator[str]:
    """The words of ``text`` that spelling looks at."""
    return (text[start:end] for start, end in word_spans(text))


def name_words(values: Iterable[str]) -> frozenset[str]:
    """Every word in ``values`` (names, places, nämnder) as written."""
    return frozenset(m.group() for value in values for m in _WORD.finditer(value))


def accepts(words: Collection[str], word: str) -> bool:
    """True when a word list ``words`` takes ``word``: as listed, capitalised at the
    start of a sentence ("kista" listed takes "Kista", not the other way round), or in
    the genitive ("Lindqvists" for "Lindqvist")."""
    if word in words or word.lower() in words:
        return True
    return len(word) > 2 and word[-1] == "s" and accepts(words, word[:-1])
