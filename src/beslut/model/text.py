"""Cleaning text where it enters the model, so every later stage can write it."""

from __future__ import annotations

import re

# What a .docx (XML 1.0) cannot hold: C0 controls except tab and newline (carriage
# returns are folded into newlines first), lone surrogates, and the non-characters
# U+FFFE and U+FFFF. python-docx raises on all of them, so they never pass the model.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
# Either of the two: most text holds neither, and one search is a quarter of two subs.
_TO_CLEAN = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def clean_text(text: str) -> str:
    """Return ``text`` with line endings normalised to ``\\n`` and unwritable characters removed."""
    if _TO_CLEAN.search(text) is None:
        return text
    return _UNWRITABLE.sub("", _LINE_BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """Clean a one-line value (a title, a Dnr, a name): line breaks become spaces, ends trimmed."""
    return clean_text(text).replace("\n", " ").replace("\t", " ").strip()
