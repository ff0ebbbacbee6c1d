"""Spelling: words the Swedish dictionary and the word lists do not know."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import DOCUMENT, Location, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.errors import BeslutError
from beslut.i18n import N_, _


@rule("spelling.unknown", Severity.TIPS, N_("Stavning"))
def unknown_words(ctx: Context) -> Iterator[Hit]:
    """Each word the dictionary does not know, with what to write instead."""
    check = ctx.spelling
    if check is None:
        return
    from beslut.spelling.check import misspellings

    try:
        found = list(misspellings(check, ctx.draft, ctx.units))
        for miss in found:
            suggestions: tuple[str, ...] = ()
            if check.suggestions:
                suggestions = check.speller.suggest(miss.word)[: check.suggestions]
            yield Hit(
                miss.unit.location.span(miss.start, miss.end),
                _message(miss.word, suggestions),
                suggestions=suggestions,
            )
    except BeslutError as exc:  # no dictionary, or its process ended
        message = _("Stavningen kunde inte kontrolleras: {problem}").format(
            problem=exc.user_message
        )
        yield Hit(Location(DOCUMENT), message)


def _message(word: str, suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return _("Ordet ”{word}” finns inte i ordlistan.").format(word=word)
    quoted = [f"”{s}”" for s in suggestions]
    listed = (
        quoted[0]
        if len(quoted) == 1
        else _("{first} eller {last}").format(first=", ".join(quoted[:-1]), last=quoted[-1])
    )
    return _("Ordet ”{word}” finns inte i ordlistan. Menade du {suggestions}?").format(
        word=word, suggestions=listed
    )
