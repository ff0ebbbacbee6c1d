"""The settings' word lists compiled into regular expressions, once per configuration."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from beslut.checks.config import CheckConfig
from beslut.checks.scan import fold, scan


def normalise(text: str) -> str:
    """Lower case with single spaces: the key under which a matched phrase is looked up."""
    return " ".join(text.lower().split())


@dataclass(frozen=True, slots=True)
class Phrases:
    """Whole words or phrases to find in any case (any whitespace between words)."""

    folded: re.Pattern[str]
    anycase: re.Pattern[str]

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Character ranges of the phrases in ``text``."""
        folded = fold(text)
        if folded is None:
            return (m.span() for m in scan(self.anycase, text))
        return (m.span() for m in scan(self.folded, folded))


def phrase_pattern(phrases: Iterable[str]) -> Phrases | None:
    """The phrases as patterns; None when there is nothing to look for.

    The longest phrase wins, so "i enlighet med förslaget" is found rather than a
    shorter phrase it starts with.
    """
    unique = {normalise(p) for p in phrases if p.strip()}
    if not unique:
        return None
    source = trie_pattern(unique) + r"(?![\w-])"
    return Phrases(re.compile(source), re.compile(source, re.IGNORECASE))


_Trie = dict[str, "_Trie"]
_END = ""


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regular expression for the phrases with common beginnings shared.

    ["erhålla", "erhåller"] becomes "erhåll(?:a|er)": the engine then tests a handful of
    first letters at each position instead of every phrase, which for a list of a
    hundred stiff words is several times faster. A space matches any whitespace.
    """
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(root)


def _render(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _render(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    optional = _END in node
    if len(branches) == 1 and not optional:
        return branches[0]
    # Greedy: the longer phrase is tried first, the shorter one when it does not fit.
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns and lookup tables for one CheckConfig."""

    dependent: Phrases | None
    action_verbs: Phrases | None
    stiff: Phrases | None
    stiff_instead: dict[str, str]
    stiff_fix: dict[str, str]  # a form's plain word for the one-click fix
    empty_heading_words: frozenset[str]
    abbreviations: frozenset[str]


@lru_cache(maxsize=8)
def lexicon_for(config: CheckConfig) -> Lexicon:
    """The compiled form of ``config`` (cached: configurations are immutable)."""
    instead = {normalise(form): word.instead for word in config.stiff_words for form in word.forms}
    return Lexicon(
        dependent=phrase_pattern(config.dependent_phrases),
        action_verbs=phrase_pattern(config.action_verbs),
        stiff=phrase_pattern(instead),
        stiff_instead=instead,
        stiff_fix={
            normalise(form): plain
            for word in config.stiff_words
            for form, plain in word.replacements
        },
        empty_heading_words=frozenset(normalise(w) for w in config.empty_heading_words),
        abbreviations=frozenset(normalise(a) for a in config.abbreviations),
    )
