"""Bold, italic and links in a PDF's text (no Qt): the text pieces with the font they
are set in and the link they lie under, and those put back on the imported blocks.

pypdf hands each piece of text to a visitor with its font (``/BaseFont`` names such as
"LiberationSerif-Bold") and its place; a link is an annotation with a rectangle and an
address. The layout text the blocks were made from has no fonts, so each block's
characters are found again, in order, among the pieces' characters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from beslut.model.draft import BlockKind, Draft, Run

_BOLD = ("bold", "black", "heavy", "semibold", "demi")
_ITALIC = ("italic", "oblique")
_SCHEMES = ("https://", "http://", "mailto:")


@dataclass(frozen=True, slots=True)
class Style:
    bold: bool = False
    italic: bool = False
    link: str = ""


PLAIN = Style()


def styled_chars(reader: Any) -> list[tuple[str, Style]]:
    """Every character the PDF shows that is not white space, with its style, in the
    order pypdf reads them."""
    chars: list[tuple[str, Style]] = []
    for page in reader.pages:
        page.extract_text(visitor_text=_visitor(chars, _links(page)))
    return chars


Links = list[tuple[tuple[float, float, float, float], str]]


def _visitor(chars: list[tuple[str, Style]], links: Links) -> Any:
    """A pypdf text visitor that adds each piece's characters with their style."""

    def visit(text: str, cm: Any, tm: Any, font: Any, _size: Any) -> None:
        if not text.strip():
            return
        name = str(font.get("/BaseFont", "")).lower() if font else ""
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        inside = (uri for (x0, y0, x1, y1), uri in links if x0 <= x <= x1 and y0 <= y <= y1)
        style = Style(
            any(b in name for b in _BOLD), any(i in name for i in _ITALIC), next(inside, "")
        )
        chars.extend((c, style) for c in text if not c.isspace())

    return visit


def _links(page: Any) -> Links:
    found = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        action = annot.get("/A")
        if annot.get("/Subtype") != "/Link" or action is None:
            continue
        uri = str(action.get_object().get("/URI", ""))
        if not uri.lower().startswith(_SCHEMES):
            continue
        x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect"))
        # A piece belongs to the link when it begins inside it: the text right after the
        # link begins at its right edge, so that edge is drawn in a little.
        found.append(((min(x0, x1) - 2, min(y0, y1) - 2, max(x0, x1) - 2, max(y0, y1) + 2), uri))
    return found


def restyle(draft: Draft, chars: list[tuple[str, Style]]) -> Draft:
    """``draft`` with bold, italic and links put back on the runs of its paragraphs and
    list items, where their characters are found in ``chars``; a block whose text is not
    found stays as it was."""
    if not any(style != PLAIN for _c, style in chars):
        return draft
    position = 0
    stream = "".join(c for c, _s in chars)
    sections = []
    for section in draft.sections:
        blocks = []
        for block in section.blocks:
            if block.kind in (BlockKind.HEADING, BlockKind.TABLE) or not block.text.strip():
                blocks.append(block)
                continue
            found = _find(block.text, stream, chars, position)
            if found is None:
                blocks.append(block)
                continue
            styles, position = found
            blocks.append(replace(block, runs=_runs(block.text, styles)))
        sections.append(replace(section, blocks=tuple(blocks)))
    return replace(draft, sections=tuple(sections))


def _find(
    text: str, stream: str, chars: list[tuple[str, Style]], start: int
) -> tuple[list[Style], int] | None:
    """The styles of ``text``'s characters that are not white space, found in order from
    ``start`` (a hyphen the PDF broke a word at may stand between them); and where the
    search goes on. None when they are not there."""
    wanted = [c for c in text if not c.isspace()]
    head = "".join(wanted[:12])
    begin = stream.find(head, start)
    if begin < 0:
        return None
    styles: list[Style] = []
    k = begin
    for c in wanted:
        if k < len(chars) and chars[k][0] == "-" and c != "-":
            k += 1  # "integrations-" + "programmet" in the PDF, one word in the text
        if k >= len(chars) or chars[k][0] != c:
            return None
        styles.append(chars[k][1])
        k += 1
    return styles, k


def _runs(text: str, styles: list[Style]) -> tuple[Run, ...]:
    """``text`` cut into runs where the style changes; white space between two
    characters of one style takes that style."""
    per_char: list[Style] = []
    index = 0
    for c in text:
        if c.isspace():
            before = styles[index - 1] if index > 0 else PLAIN
            after = styles[index] if index < len(styles) else PLAIN
            per_char.append(before if before == after else PLAIN)
        else:
            per_char.append(styles[index])
            index += 1
    runs: list[Run] = []
    current, piece = per_char[0] if per_char else PLAIN, ""
    for c, style in zip(text, per_char, strict=True):
        if style != current and piece:
            runs.append(Run(piece, current.bold, current.italic, current.link))
            piece = ""
        current = style
        piece += c
    if piece:
        runs.append(Run(piece, current.bold, current.italic, current.link))
    return tuple(runs)
