"""What a .docx holds that import does not read (no Qt): pictures, formulas, embedded
objects and documents pasted in whole. Nothing is left out without a word: they are
counted while reading, and named in one notice ("2 bilder och 1 formel lästes inte")."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from beslut.export.ooxml import Element, w
from beslut.i18n import _, ngettext

MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_VML = "urn:schemas-microsoft-com:vml"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_NAMED = 5  # at most this many pictures or formulas named by their text in the notice
_NAME_MAX = 60  # characters of each


class Skip(StrEnum):
    PICTURE = "picture"
    FORMULA = "formula"
    OBJECT = "object"
    CHUNK = "chunk"  # an altChunk: a document (HTML, RTF, another .docx) pasted in whole


# The elements counted, by tag; a picture drawn with a text box is read, not counted.
TAGS = {
    w("drawing"): Skip.PICTURE,
    w("pict"): Skip.PICTURE,
    f"{{{MATH}}}oMath": Skip.FORMULA,
    w("object"): Skip.OBJECT,
    w("altChunk"): Skip.CHUNK,
}


def _phrase(kind: Skip, n: int) -> str:
    if kind is Skip.PICTURE:
        return ngettext("{n} bild", "{n} bilder", n).format(n=n)
    if kind is Skip.FORMULA:
        return ngettext("{n} formel", "{n} formler", n).format(n=n)
    if kind is Skip.OBJECT:
        return ngettext("{n} inbäddat objekt", "{n} inbäddade objekt", n).format(n=n)
    return ngettext("{n} infogat dokument", "{n} infogade dokument", n).format(n=n)


def _described(element: Element, kind: Skip) -> str:
    """What a picture's description (its alternative text) or a formula's text says."""
    if kind is Skip.PICTURE:
        for found in element.iter(f"{{{_DRAWING}}}docPr", f"{{{_VML}}}shape"):
            text = found.get("descr") or found.get("title") or found.get("alt") or ""
            if text.strip():
                return text
        return ""
    if kind is Skip.FORMULA:
        return "".join(t.text or "" for t in element.iter(f"{{{MATH}}}t"))
    return ""


class Skipped:
    """A count of what was not read, with the text of those that have one (a picture's
    alternative text, a formula's), so the notice names them."""

    def __init__(self) -> None:
        self.counts: Counter[Skip] = Counter()
        self.texts: dict[Skip, list[str]] = {kind: [] for kind in Skip}

    def count(self, element: Element) -> None:
        """Count ``element`` (one of TAGS) if it is what it is counted as: a VML picture
        only when it shows an image (not a line or a text box's frame)."""
        kind = TAGS[element.tag]
        if element.tag == w("pict") and element.find(f".//{{{_VML}}}imagedata") is None:
            return
        formula = f"{{{MATH}}}oMath"
        if kind is Skip.FORMULA and any(a.tag == formula for a in element.iterancestors()):
            return  # a formula inside a formula is one formula
        self.counts[kind] += 1
        text = " ".join(_described(element, kind).split())
        if text:
            self.texts[kind].append(text if len(text) <= _NAME_MAX else text[:_NAME_MAX] + "…")

    def _phrase(self, kind: Skip) -> str:
        phrase = _phrase(kind, self.counts[kind])
        named = self.texts[kind][:_NAMED]
        if not named:
            return phrase
        more = ", …" if len(self.texts[kind]) > _NAMED else ""
        return f"{phrase} ({', '.join(f'”{t}”' for t in named)}{more})"

    def notice(self) -> str | None:
        """The notice naming what was not read, or None when everything was."""
        phrases = [self._phrase(kind) for kind in Skip if self.counts[kind]]
        if not phrases:
            return None
        if len(phrases) == 1:
            return _("{things} lästes inte.").format(things=phrases[0])
        return _("{things} och {last} lästes inte.").format(
            things=", ".join(phrases[:-1]), last=phrases[-1]
        )
