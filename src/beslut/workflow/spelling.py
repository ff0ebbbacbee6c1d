"""The spelling as the user has it: the dictionary, the user's own words from the store
and the organisation's ordlista.txt; the same lists for the app and ``beslut check``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from beslut.settings import Settings

if TYPE_CHECKING:
    from beslut.spelling.check import SpellingCheck
    from beslut.spelling.lists import WordLists
    from beslut.spelling.speller import Speller
    from beslut.store import Store


def word_lists(store: Store, settings: Settings) -> tuple[WordLists, tuple[str, ...]]:
    """The user's words and the organisation's, with notices for a list that cannot
    be read."""
    from beslut.spelling.lists import WordLists, organisation_words

    organisation, notices = organisation_words(settings.template_path())
    return WordLists(store.personal_words(), organisation), notices


def spelling_check(
    lists: WordLists, speller: Speller | None = None, *, suggestions: int = 0
) -> SpellingCheck:
    """How to check spelling with ``lists``; hunspell in this process unless ``speller``
    is given (the app gives its speller process)."""
    from beslut.spelling.check import SpellingCheck
    from beslut.spelling.speller import LocalSpeller

    return SpellingCheck(
        speller or LocalSpeller(), lists.personal | lists.organisation, suggestions
    )
