"""Rules for the decision points: independent sentences, standing alone, one action each."""

from __future__ import annotations

import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Fix, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.checks.units import TextUnit, UnitKind
from beslut.i18n import N_, _

ATT = "decision.att"

_STARTS_WITH_ATT = re.compile(r"att(?![\w-])", re.IGNORECASE)
_CLOSING = '"”’)]'
# What comes right before a second action verb: "och"/"samt", a comma, or a new
# sentence and its subject ("... planen. Nämnden överlämnar"). A verb elsewhere is
# likely in a subordinate clause ("avtalet som ger ...") and no action of its own.
_COORDINATED = re.compile(r"(?:(?<![\w-])(?:och|samt)\s+|,\s*|[.!?]\s+[\w-]+\s+)$", re.IGNORECASE)
_LOOKBACK = 40


def _decisions(ctx: Context) -> Iterator[TextUnit]:
    return ctx.of_kind((UnitKind.DECISION,))


@rule(ATT, Severity.FEL, N_("Beslutspunkt som börjar med ”att”"))
def starts_with_att(ctx: Context) -> Iterator[Hit]:
    """A decision point is a sentence of its own, never an att-clause."""
    for unit in _decisions(ctx):
        match = _STARTS_WITH_ATT.match(unit.text)
        if match:
            yield Hit(
                unit.location.span(*match.span()),
                _(
                    "Börja inte beslutspunkten med ”att”. Skriv en egen mening i presens, "
                    "som om nämnden redan har beslutat: ”Nämnden godkänner …”."
                ),
            )


@rule("decision.capital", Severity.VARNING, N_("Beslutspunkt som börjar med liten bokstav"))
def starts_with_capital(ctx: Context) -> Iterator[Hit]:
    """A decision point starts with a capital letter (or a number)."""
    check_att = ctx.config.enabled(ATT)
    for unit in _decisions(ctx):
        if check_att and _STARTS_WITH_ATT.match(unit.text):
            continue  # the att-rule says what to do
        first = next((i for i, ch in enumerate(unit.text) if ch.isalnum()), None)
        if first is None or not unit.text[first].islower():
            continue
        char = unit.text[first]
        yield Hit(
            unit.location.span(first, first + 1),
            _("Börja beslutspunkten med stor bokstav: den ska vara en egen mening."),
            Fix(char.upper(), char, _("Ändra till stor bokstav")),
        )


@rule("decision.full_stop", Severity.VARNING, N_("Beslutspunkt utan punkt på slutet"))
def ends_with_full_stop(ctx: Context) -> Iterator[Hit]:
    """A decision point ends with a full stop (closing quotes and brackets may follow it)."""
    for unit in _decisions(ctx):
        text = unit.text
        core = text.rstrip(_CLOSING)
        if core.endswith("."):
            continue
        last = len(core) - 1
        fix: Fix | None
        if core and core[-1] in ",;":
            fix = Fix(".", core[-1], _("Byt till punkt"))
            location = unit.location.span(last, last + 1)
        else:
            fix = None if core and core[-1] in ":!?" else Fix(".", "", _("Lägg till punkt"))
            location = unit.location.span(len(text), len(text))
        yield Hit(location, _("Avsluta beslutspunkten med punkt."), fix)


@rule("decision.dependent", Severity.FEL, N_("Beslut som hänvisar till tjänsteutlåtandet"))
def dependent_phrases(ctx: Context) -> Iterator[Hit]:
    """The decision can be read without the TU: no "enligt förvaltningens förslag"."""
    pattern = ctx.lexicon.dependent
    if pattern is None:
        return
    for unit in _decisions(ctx):
        for start, end in pattern.spans(unit.text):
            message = _(
                "”{phrase}” gör beslutet beroende av tjänsteutlåtandet. Skriv ut vad nämnden "
                "beslutar, så att beslutet går att förstå i protokollet utan tjänsteutlåtandet."
            )
            phrase = unit.text[start:end]
            yield Hit(unit.location.span(start, end), message.format(phrase=phrase))


@rule("decision.one_action", Severity.TIPS, N_("En åtgärd per beslutspunkt"))
def one_action(ctx: Context) -> Iterator[Hit]:
    """More than one action verb in a decision point suggests two decisions (a heuristic)."""
    pattern = ctx.lexicon.action_verbs
    if pattern is None:
        return
    for unit in _decisions(ctx):
        text = unit.text
        verbs = list(pattern.spans(text))
        verbs = verbs[:1] + [span for span in verbs[1:] if _coordinated(text, span[0])]
        if len(verbs) < 2:
            continue
        (a, b), (c, d) = verbs[:2]
        message = _(
            "Beslutspunkten verkar innehålla flera åtgärder (”{first}” och ”{second}”). "
            "Dela gärna upp den: en åtgärd per beslutspunkt."
        )
        yield Hit(unit.location.span(c, d), message.format(first=text[a:b], second=text[c:d]))


def _coordinated(text: str, start: int) -> bool:
    """True when the verb at ``start`` starts a new main clause: a new action."""
    return _COORDINATED.search(text, max(0, start - _LOOKBACK), start) is not None
