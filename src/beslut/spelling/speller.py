"""A speller: which words are unknown and what to write instead, with a cache per word.

``LocalSpeller`` runs hunspell in this process (the command line, tests). The app uses
``client.SpellerProcess``, the same interface over a child process, because hunspell holds
Python's lock while it loads (0.6 s) and while it suggests (up to 1.7 s a word).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Protocol

from beslut.spelling.dictionary import LANGUAGE, open_dictionary

if TYPE_CHECKING:
    from hunspell import Hunspell

MAX_SUGGESTIONS = 5


class Speller(Protocol):
    """What the granskning and the editor ask of a speller."""

    def unknown(self, words: Collection[str]) -> set[str]:
        """The words among ``words`` that the dictionary does not know."""
        ...

    def suggest(self, word: str) -> tuple[str, ...]:
        """What to write instead of ``word``, best first (may take a second)."""
        ...


class WordCache:
    """Answers already known, per word; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spelled: dict[str, bool] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}

    def split(self, words: Iterable[str]) -> tuple[set[str], set[str]]:
        """(the unknown words among those already asked, the words never asked)."""
        with self._lock:
            seen = {w: self._spelled.get(w) for w in set(words)}
        bad = {w for w, ok in seen.items() if ok is False}
        return bad, {w for w, ok in seen.items() if ok is None}

    def __len__(self) -> int:
        """How many words have their answer."""
        with self._lock:
            return len(self._spelled)

    def known(self, word: str) -> bool | None:
        """True or False when ``word`` was checked, else None."""
        with self._lock:
            return self._spelled.get(word)

    def remember(self, words: Iterable[str], unknown: Collection[str]) -> None:
        with self._lock:
            for word in words:
                self._spelled[word] = word not in unknown

    def suggestions(self, word: str) -> tuple[str, ...] | None:
        with self._lock:
            return self._suggested.get(word)

    def remember_suggestions(self, word: str, found: tuple[str, ...]) -> None:
        with self._lock:
            self._suggested[word] = found


class LocalSpeller:
    """hunspell in this process, loaded at the first question."""

    def __init__(self, language: str = LANGUAGE) -> None:
        self.language = language
        self.cache = WordCache()
        self._lock = threading.Lock()
        self._hunspell: Hunspell | None = None

    def _dictionary(self) -> Hunspell:
        if self._hunspell is None:
            self._hunspell = open_dictionary(self.language)
        return self._hunspell

    def unknown(self, words: Collection[str]) -> set[str]:
        bad, new = self.cache.split(words)
        if new:
            with self._lock:
                dictionary = self._dictionary()
                found = {w for w in new if not dictionary.spell(w)}
            self.cache.remember(new, found)
            bad |= found
        return bad

    def suggest(self, word: str) -> tuple[str, ...]:
        found = self.cache.suggestions(word)
        if found is None:
            with self._lock:
                found = tuple(self._dictionary().suggest(word)[:MAX_SUGGESTIONS])
            self.cache.remember_suggestions(word, found)
        return found
