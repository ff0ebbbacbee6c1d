"""Spacing: double spaces and a space before punctuation, each with a one-click fix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Fix, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _

_SPACE = "[ \u00a0]"
# Punctuation that takes no space before it; an ellipsis ("...") and a decimal (" .5") may.
_PUNCTUATION = r"(?:[,;:!?)\]]|\.(?![.\d]))"
DOUBLE_SPACE = re.compile(_SPACE + "{2,}+(?!" + _PUNCTUATION + ")")
# Spaces after a word (checked in code: a pattern opening with a lookbehind is slow).
SPACE_BEFORE_PUNCTUATION = re.compile(_SPACE + "++(?=" + _PUNCTUATION + ")")


@rule("spacing.double", Severity.TIPS, N_("Dubbla mellanslag"))
def double_spaces(ctx: Context) -> Iterator[Hit]:
    """Two or more spaces in a row; at the start or end of a text or line they go altogether."""
    for unit in ctx.units:
        text = unit.text
        for match in DOUBLE_SPACE.finditer(text):
            start, end = match.span()
            at_edge = text[start - 1 : start] in ("", "\n") or text[end : end + 1] in ("", "\n")
            fix = Fix(
                "" if at_edge else " ",
                match.group(),
                _("Ta bort mellanslagen") if at_edge else _("Ersätt med ett mellanslag"),
            )
            yield Hit(unit.location.span(start, end), _("Här står flera mellanslag i rad."), fix)


@rule("spacing.punctuation", Severity.TIPS, N_("Mellanslag före skiljetecken"))
def space_before_punctuation(ctx: Context) -> Iterator[Hit]:
    """A space before a comma, full stop, colon and the like."""
    for unit in ctx.units:
        for match in SPACE_BEFORE_PUNCTUATION.finditer(unit.text):
            start = match.start()
            if start == 0 or unit.text[start - 1].isspace():
                continue
            punctuation = unit.text[match.end()]
            message = _("Ta bort mellanslaget före ”{mark}”.")
            yield Hit(
                unit.location.span(*match.span()),
                message.format(mark=punctuation),
                Fix("", match.group(), _("Ta bort mellanslaget")),
            )
