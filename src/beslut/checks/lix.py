"""LIX readability: words per sentence plus the share of long words, with its band."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from beslut.checks.config import CheckConfig, default_config
from beslut.checks.lexicon import lexicon_for
from beslut.checks.tokens import Sentence, sentences
from beslut.i18n import N_, _
from beslut.model.draft import BlockKind, Section


class LixBand(StrEnum):
    """The usual Swedish bands; the value is the Swedish label, ``label`` the translated one."""

    VERY_EASY = N_("mycket lätt")
    EASY = N_("lätt")
    MEDIUM = N_("medelsvår")
    HARD = N_("svår")
    VERY_HARD = N_("mycket svår")

    @property
    def label(self) -> str:
        """The band's name in the current language."""
        return _(self.value)


def band_for(value: float) -> LixBand:
    """The band of a LIX value: <30, 30–40, 40–50, 50–60 (60 included), over 60."""
    if value < 30:
        return LixBand.VERY_EASY
    if value < 40:
        return LixBand.EASY
    if value < 50:
        return LixBand.MEDIUM
    if value <= 60:
        return LixBand.HARD
    return LixBand.VERY_HARD


@dataclass(frozen=True, slots=True)
class Lix:
    """The counts behind a LIX value; add two to get the LIX of both texts together."""

    words: int = 0
    sentences: int = 0
    long_words: int = 0

    @property
    def value(self) -> float:
        """words / sentences + 100 × long words / words; 0 for a text without words."""
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def band(self) -> LixBand:
        """The band the value falls in."""
        return band_for(self.value)

    @property
    def is_hard(self) -> bool:
        """True for the bands hard and very hard."""
        return self.band in (LixBand.HARD, LixBand.VERY_HARD)

    def __add__(self, other: Lix) -> Lix:
        return Lix(
            self.words + other.words,
            self.sentences + other.sentences,
            self.long_words + other.long_words,
        )


def lix_of(found: Iterable[Sentence]) -> Lix:
    """The LIX of already tokenized sentences."""
    words = sentence_count = long_words = 0
    for sentence in found:
        words += sentence.words
        long_words += sentence.long_words
        sentence_count += 1
    return Lix(words, sentence_count, long_words)


def lix(text: str, config: CheckConfig | None = None) -> Lix:
    """The LIX of any text, e.g. one section while the user types."""
    abbreviations = lexicon_for(config or default_config()).abbreviations
    return lix_of(sentences(text, abbreviations))


def section_lix(section: Section, config: CheckConfig | None = None) -> Lix:
    """The LIX of a section's running text (sub-headings left out; each block ends a sentence)."""
    abbreviations = lexicon_for(config or default_config()).abbreviations
    total = Lix()
    for block in section.blocks:
        if block.kind is not BlockKind.HEADING:
            total += lix_of(sentences(block.text, abbreviations))
    return total
