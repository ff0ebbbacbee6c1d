"""Wording rules: stiff words with plainer alternatives, headings that say nothing."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Fix, Severity
from beslut.checks.lexicon import normalise
from beslut.checks.rules.base import Hit, rule
from beslut.checks.tokens import WORD
from beslut.i18n import N_, _


@rule("wording.stiff", Severity.TIPS, N_("Stela ord"))
def stiff_words(ctx: Context) -> Iterator[Hit]:
    """Words from the settings' list of stiff words, each with its plainer alternative."""
    pattern = ctx.lexicon.stiff
    if pattern is None:
        return
    for unit in ctx.running_text():
        for start, end in pattern.spans(unit.text):
            word = unit.text[start:end]
            key = normalise(word)
            instead = ctx.lexicon.stiff_instead[key]
            message = _("”{word}” är stelt. Skriv hellre ”{instead}”.")
            plain = ctx.lexicon.stiff_fix.get(key)
            fix = None
            if plain is not None:
                plain = same_case(word, plain)
                fix = Fix(plain, word, _("Skriv ”{plain}”").format(plain=plain))
            yield Hit(
                unit.location.span(start, end), message.format(word=word, instead=instead), fix
            )


def same_case(original: str, plain: str) -> str:
    """``plain`` capitalised as ``original`` is: "Erforderlig" -> "Nödvändig"."""
    if original.isupper() and len(original) > 1:
        return plain.upper()
    if original[:1].isupper():
        return plain[:1].upper() + plain[1:]
    return plain


@rule("heading.empty", Severity.TIPS, N_("Rubriker utan innehåll"))
def empty_headings(ctx: Context) -> Iterator[Hit]:
    """Headings made only of words without content ("Angående", "Information")."""
    empty = ctx.lexicon.empty_heading_words
    for unit in ctx.headings():
        words = [w.lower() for w in WORD.findall(unit.text)]
        if words and all(w in empty for w in words):
            message = _(
                "Rubriken ”{heading}” säger inget om innehållet. Skriv vad avsnittet "
                "handlar om, till exempel ”Kostnader och finansiering”."
            )
            yield Hit(
                unit.location.span(0, len(unit.text)),
                message.format(heading=unit.text.strip()),
            )
