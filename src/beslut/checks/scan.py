"""Fast scanning: patterns that start with a literal, the check before a match done in Python.

A pattern that opens with a lookbehind makes the regex engine try every position of the
text; one that opens with a literal or a character class lets it skip ahead. So the
patterns leave out "not inside a word" at their start and ``scan`` checks the character
before each match instead, retrying one position later when it rejects one, which gives
the same matches as the lookbehind would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD_JOINERS = "_-"


def scan(
    pattern: re.Pattern[str], text: str, joiners: str = WORD_JOINERS
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in ``text`` not preceded by a letter, digit or one of ``joiners``."""
    pos = 0
    # search() clamps a position past the end, so an empty match there would repeat.
    while pos <= len(text) and (match := pattern.search(text, pos)) is not None:
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in joiners):
            pos = start + 1
            continue
        yield match
        pos = end if end > start else end + 1


def fold(text: str) -> str | None:
    """``text`` in lower case when that keeps every character in place, else None.

    Matching lower-case literals in folded text is much faster than matching with
    re.IGNORECASE; the rare text whose length changes (e.g. "İ") needs the slow way.
    """
    folded = text.lower()
    return folded if len(folded) == len(text) else None
