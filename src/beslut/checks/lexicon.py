"""The settings' word lists compiled into regular expressions, once per configuration."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from beslut.checks.config import CheckConfig


def normalise(text: str) -> str:
    """Lower case with single spaces: the key under which a matched phrase is looked up."""
    return " ".join(text.lower().split())


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for whole words or phrases (any whitespace between words), ignoring case.

    Longer phrases come first so that "i enlighet med förslaget" wins over a shorter
    phrase it contains. None when there is nothing to look for.
    """
    unique = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in unique)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns and lookup tables for one CheckConfig."""

    dnr: re.Pattern[str]
    dependent: re.Pattern[str] | None
    action_verbs: re.Pattern[str] | None
    stiff: re.Pattern[str] | None
    stiff_instead: dict[str, str]
    empty_heading_words: frozenset[str]
    abbreviations: frozenset[str]


@lru_cache(maxsize=8)
def lexicon_for(config: CheckConfig) -> Lexicon:
    """The compiled form of ``config`` (cached: configurations are immutable)."""
    instead = {normalise(form): word.instead for word in config.stiff_words for form in word.forms}
    return Lexicon(
        dnr=re.compile(config.dnr_pattern),
        dependent=phrase_pattern(config.dependent_phrases),
        action_verbs=phrase_pattern(config.action_verbs),
        stiff=phrase_pattern(instead),
        stiff_instead=instead,
        empty_heading_words=frozenset(normalise(w) for w in config.empty_heading_words),
        abbreviations=frozenset(normalise(a) for a in config.abbreviations),
    )
