"""What the granskning needs to check spelling: a speller, the listed words, and how
many suggestions each finding gets (none in the app: they cost up to a second a word,
so the editor asks for them when a menu opens)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from beslut.checks.units import TextUnit
from beslut.model.draft import Draft
from beslut.spelling.lists import draft_names
from beslut.spelling.speller import Speller
from beslut.spelling.words import accepts, word_spans


@dataclass(frozen=True, slots=True)
class SpellingCheck:
    """A speller with the user's and the organisation's words."""

    speller: Speller
    listed: frozenset[str] = frozenset()
    suggestions: int = 0


@dataclass(frozen=True, slots=True)
class Misspelling:
    """An unknown word in one text unit."""

    unit: TextUnit
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.unit.text[self.start : self.end]


def misspellings(
    check: SpellingCheck, draft: Draft, units: list[TextUnit]
) -> Iterator[Misspelling]:
    """The unknown words of ``units`` in order; nothing for a draft not in Swedish."""
    if draft.meta.language != "sv":
        return
    listed = check.listed | draft_names(draft)
    spans = [(unit, start, end) for unit in units for start, end in word_spans(unit.text)]
    words = {unit.text[start:end] for unit, start, end in spans}
    unknown = check.speller.unknown({w for w in words if not accepts(listed, w)})
    for unit, start, end in spans:
        if unit.text[start:end] in unknown:
            yield Misspelling(unit, start, end)
