"""Readability rules: LIX of each section and of the whole text, and long sentences."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import DOCUMENT, Location, Severity
from beslut.checks.lix import Lix
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _


def total_lix(ctx: Context) -> Lix:
    """The LIX of all running text: decision points and every section."""
    total = Lix()
    for lix in ctx.lix_by_part().values():
        total += lix
    return total


def _lix_message(lix: Lix, whole: bool) -> str:
    if whole:
        message = _(
            "Hela texten har LIX {value} ({band}). Skriv kortare meningar och byt långa ord "
            "mot kortare där det går."
        )
    else:
        message = _(
            "Avsnittet har LIX {value} ({band}). Skriv kortare meningar och byt långa ord "
            "mot kortare där det går."
        )
    return message.format(value=round(lix.value), band=lix.band.label)


@rule("readability.lix", Severity.TIPS, N_("Läsbarhet (LIX)"))
def hard_to_read(ctx: Context) -> Iterator[Hit]:
    """Sections, and the whole text, whose LIX is in the band hard or very hard."""
    minimum = ctx.config.lix_min_words
    by_part = ctx.lix_by_part()
    for section in ctx.draft.sections:
        lix = by_part.get(section.key)
        if lix is not None and lix.words >= minimum and lix.is_hard:
            yield Hit(Location(section.key), _lix_message(lix, whole=False))
    total = total_lix(ctx)
    if total.words >= minimum and total.is_hard:
        yield Hit(Location(DOCUMENT), _lix_message(total, whole=True))


@rule("readability.sentence_length", Severity.TIPS, N_("Långa meningar"))
def long_sentences(ctx: Context) -> Iterator[Hit]:
    """Sentences with more words than the limit in the settings."""
    limit = ctx.config.sentence_max_words
    for unit in ctx.running_text():
        for sentence in ctx.sentences(unit):
            if sentence.words > limit:
                message = _(
                    "Meningen har {words} ord. Dela upp den: meningar med mer än {limit} ord "
                    "blir svåra att läsa."
                )
                yield Hit(
                    unit.location.span(sentence.start, sentence.end),
                    message.format(words=sentence.words, limit=limit),
                )
