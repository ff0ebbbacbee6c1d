"""Swedish messages for argparse, so command-line usage errors read like the rest of beslut.

argparse's English texts are the keys; the values are beslut's own (Swedish) messages, so
they pass through the catalog like any other text.
"""

from __future__ import annotations

import argparse

from beslut.i18n import N_, _

_SV = {
    "usage: ": N_("användning: "),
    "positional arguments": N_("argument"),
    "options": N_("flaggor"),
    "show this help message and exit": N_("visa den här hjälpen och avsluta"),
    "show program's version number and exit": N_("visa versionsnumret och avsluta"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: fel: %(message)s\n"),
    "the following arguments are required: %s": N_("följande argument krävs: %s"),
    "unrecognized arguments: %s": N_("okända argument: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        N_("ogiltigt val: %(value)r (välj bland %(choices)s)")
    ),
    "argument %(argument_name)s: %(message)s": N_("argumentet %(argument_name)s: %(message)s"),
    "expected one argument": N_("ett värde väntades"),
    "expected at least one argument": N_("minst ett värde väntades"),
    "invalid %(type)s value: %(value)r": N_("ogiltigt värde: %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": (
        N_("flertydig flagga: %(option)s kan betyda %(matches)s")
    ),
    "not allowed with argument %s": N_("får inte användas tillsammans med %s"),
}


def _translate(message: str) -> str:
    own = _SV.get(message)
    return message if own is None else _(own)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Swedish (it looks its messages up through module globals)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]
