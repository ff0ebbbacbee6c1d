"""One walk over a PDF page's content (no Qt): pypdf's layout text and each character
with its style, from the same pass.

pypdf's layout mode turns each text-showing operator into a ``TextStateParams`` (the
text decoded, its font, size and place) and throws them away once it has the lines.
Here the text state manager it walks with is one that keeps them, and the operators
pass through a counter of marked content (the tagged paragraph each piece belongs to)
and the time budget on their way, so a page is parsed once and walked once. That module
is not public: without it the page is read by pypdf's public passes (twice).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from beslut.importing.pdf_open import Budget
from beslut.importing.pdffonts import FontWidths
from beslut.importing.pdfstyle import SYMBOL_BULLETS, Chars, Links, Piece, add_styled
from beslut.importing.pdftags import MarkedContent, Marks

_Manager: Any
try:
    from pypdf._text_extraction import _layout_mode
    from pypdf._text_extraction._layout_mode import _fixed_width_page
    from pypdf._text_extraction._layout_mode._text_state_manager import (
        TextStateManager as _Manager,
    )
except ImportError:  # another pypdf: pdf.py reads the page with the public passes
    _layout_mode = _fixed_width_page = None  # type: ignore[assignment]
    _Manager = object


def available() -> bool:
    return _layout_mode is not None


class _Keeping(_Manager):  # type: ignore[misc]
    """A text state manager that keeps each piece of text shown, with the tagged
    paragraph it was shown in."""

    def __init__(self, marked: MarkedContent, marks: Marks) -> None:
        super().__init__()
        self.shown: list[tuple[Any, int]] = []
        self._marked, self._marks = marked, marks

    def text_state_params(self, value: bytes | str = "") -> Any:
        params = super().text_state_params(value)
        if value:
            self._marked.operator(b"Tj", [], None, None)
            self.shown.append((params, self._marked.block(self._marks)))
        return params


def _passing(ops: list[Any], marked: MarkedContent, budget: Budget) -> Iterator[Any]:
    """The operators, telling ``marked`` of marked content, checking the budget."""
    for i, (operands, op) in enumerate(ops):
        if not i % 1000:
            budget.check()
        if op in (b"BDC", b"BMC", b"EMC"):
            marked.operator(op, operands, None, None)
        yield operands, op


def walk(
    page: Any, contents: Any, fonts: FontWidths, links: Links, marks: Marks, budget: Budget
) -> tuple[str, Chars]:
    """The page's layout text (rotated text kept) and its characters with their style,
    in the order the content shows them, from one walk over ``contents`` (parsed)."""
    reference = getattr(page, "indirect_reference", None)
    marked = MarkedContent(getattr(reference, "idnum", -1))
    keeping = _Keeping(marked, marks)
    layout_fonts = page._layout_mode_fonts()
    groups: list[Any] = []
    ops = _passing(contents.operations, marked, budget)
    for operands, op in ops:  # pypdf's text_show_operations, with the manager that keeps
        if op == b"BT":
            found, _ = _fixed_width_page.recurse_to_target_op(
                ops, keeping, b"ET", layout_fonts, False
            )
            groups.extend(found)
        elif op == b"q":
            found, _ = _fixed_width_page.recurse_to_target_op(
                ops, keeping, b"Q", layout_fonts, False
            )
            groups.extend(found)
        elif op == b"Tf":
            _fixed_width_page.set_font_operation(keeping, layout_fonts, operands)
        else:
            keeping.set_state_param(op, operands)
    chars = _chars(keeping.shown, fonts, links)
    if not groups:
        return "", chars
    least = min(g["tx"] for g in groups)
    groups = [
        dict(g, tx=g["tx"] - least, displaced_tx=g["displaced_tx"] - least)
        for g in sorted(groups, key=lambda g: (g["ty"] * g["flip_sort"], -g["tx"]), reverse=True)
    ]
    lines = _layout_mode.y_coordinate_groups(groups)
    width = _layout_mode.fixed_char_width(groups, 1.25)
    text: str = _layout_mode.fixed_width_page(lines, width, True, 1)
    return text, chars


def _chars(shown: list[tuple[Any, int]], fonts: FontWidths, links: Links) -> Chars:
    chars: Chars = []
    for params, paragraph in shown:
        text = params.text.translate(SYMBOL_BULLETS)
        if not text.strip() or not params.font.interpretable:
            continue
        name = str(params.font.name).lower()
        matrix = params.transform
        x, y = matrix[4], matrix[5]
        size = round(float(params.font_size) * abs(matrix[3] or matrix[1] or 1), 1)
        wide = float(params.font_size) * abs(matrix[0] or 1) * params.Tz / 100
        piece = Piece(text, name, x, y, size, wide, paragraph)
        add_styled(chars, piece, links, fonts.of_font(params.font))
    return chars
