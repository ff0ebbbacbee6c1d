"""How wide a PDF's characters are set (no Qt), from the font's own widths as pypdf
reads them: where a line ends on the page, and whether the next line's first word
would have fitted after it (then the line ended a paragraph).

pypdf parses a font's widths and its character map in ``pypdf.generic._font.Font``, the
class its layout mode uses; that module is not public, so it is imported with care, and
without it no width is known (the import then judges by the lines' lengths in
characters, as for plain text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Widths = Callable[[str], list[float]]  # a piece's text: each character's width in em


def _font_class() -> Any:
    try:
        from pypdf.generic._font import Font
    except ImportError:  # another pypdf: the widths are unknown
        log.info("pypdf has no Font class here: PDF widths unknown")
        return None
    return Font


class FontWidths:
    """Each font's character widths, read once a font (fonts are shared by pages)."""

    def __init__(self) -> None:
        self._font = _font_class()
        self._known: dict[int, tuple[Any, Widths | None]] = {}

    def __call__(self, font: Any) -> Widths | None:
        """The widths of ``font``'s characters (its resource dictionary), or None."""
        key = id(font)
        if key not in self._known:
            self._known[key] = (font, self._read(font))  # kept alive: no other font gets its id
        return self._known[key][1]

    def of_font(self, font: Any) -> Widths | None:
        """The widths of a pypdf ``Font`` already read (its layout mode's), or None."""
        key = id(font)
        if key not in self._known:
            self._known[key] = (font, self._widths(font))
        return self._known[key][1]

    def _read(self, resource: Any) -> Widths | None:
        if self._font is None or resource is None:
            return None
        try:
            font = self._font.from_font_resource(resource)
        except Exception as exc:  # a font or a pypdf this cannot measure: no widths
            log.info("font widths unreadable: %r", exc)
            return None
        return self._widths(font)

    def _widths(self, font: Any) -> Widths | None:
        try:
            widths: dict[str, float] = dict(font.character_widths)
            default = float(widths.get("default", 500))
            codes: dict[str, str] = {}  # a character as shown -> its code in the font
            mapping: dict[Any, Any] = dict(font.character_map)
            encoding = font.encoding
            if isinstance(encoding, dict):
                for code, glyph in encoding.items():
                    shown = mapping.get(glyph, glyph)
                    if isinstance(shown, str) and len(shown) == 1:
                        codes.setdefault(shown, chr(code))
            for raw, shown in mapping.items():
                if isinstance(raw, str) and isinstance(shown, str) and len(shown) == 1:
                    codes.setdefault(shown, raw)
        except Exception as exc:  # a font or a pypdf this cannot measure: no widths
            log.info("font widths unreadable: %r", exc)
            return None

        def measure(text: str) -> list[float]:
            return [float(widths.get(codes.get(c, c), default)) / 1000 for c in text]

        return measure
