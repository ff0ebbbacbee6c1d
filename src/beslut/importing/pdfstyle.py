"""What a PDF's fonts, sizes, places and links tell about its text (no Qt): the text
pieces with their style, and those put back on the imported blocks before recognition.

pypdf hands each piece of text to a visitor with its font (``/BaseFont`` names such as
"LiberationSerif-Bold") and its place; a link is an annotation with a rectangle and an
address. The layout text the blocks were made from has no fonts, so each block's
characters are found again, in order, among the pieces' characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any, NamedTuple

from beslut.importing.pdffonts import FontWidths, Widths
from beslut.importing.pdftags import MarkedContent, block_marks
from beslut.importing.read import Document, Read
from beslut.model.draft import BlockKind, Run

_BOLD = ("bold", "black", "heavy", "semibold", "demi")
_ITALIC = ("italic", "oblique")
_SCHEMES = ("https://", "http://", "mailto:")
MARK_SIZE = 0.7  # a footnote's mark is set smaller than this share of the body's
# Word sets its list bullets in the Symbol and Wingdings fonts, whose characters its PDFs
# map to Unicode's private use area (U+F000 + the font's code): those are list markers.
SYMBOL_BULLETS = str.maketrans(
    {
        "\uf0b7": "•",  # Symbol's bullet, Word's default
        "\uf0a7": "▪",  # Wingdings' small square, Word's third level
        "\uf06e": "■",  # Wingdings' black square
        "\uf0a8": "□",  # Symbol's white square
        "\uf076": "•",  # Wingdings' diamond of four
        "\uf0d8": "•",  # Wingdings' arrowhead
        "\uf0fc": "•",  # Wingdings' check mark
        "\uf0e0": "•",  # Wingdings' arrow
        "\uf06c": "●",  # Wingdings' black circle
        "\uf09f": "•",  # Wingdings' small bullet
    }
)


class Style(NamedTuple):  # a tuple: made once a character, and quickly
    bold: bool = False
    italic: bool = False
    link: str = ""
    size: float = 0.0  # points, as set: headings are larger, a footnote's mark smaller
    x: float = 0.0  # where the piece of text begins on the page (a list item's indent)
    y: float = 0.0  # its baseline, from the page's foot (where a paragraph's space is)
    right: float = 0.0  # where the character ends on the page (0: its width is unknown)
    width: float = 0.0  # how wide it is set
    block: int = -1  # the paragraph it belongs to in a tagged PDF (-1: not known)

    @property
    def key(self) -> tuple[bool, bool, str]:
        """What a run keeps of the style."""
        return (self.bold, self.italic, self.link)


PLAIN = Style()


Chars = list[tuple[str, Style]]


def styled_chars(reader: Any, check: Callable[[], None] = lambda: None) -> list[Chars]:
    """Each page's characters that are not white space, with their style, in the order
    pypdf reads them; ``check`` is called every thousand operators (a time budget)."""
    pages: list[Chars] = []
    fonts = FontWidths()
    marks = block_marks(reader)
    for page in reader.pages:
        pages.append([])
        reference = getattr(page, "indirect_reference", None)
        marked = MarkedContent(getattr(reference, "idnum", -1))
        visit = _visitor(pages[-1], _links(page), fonts, partial(marked.block, marks))
        page.extract_text(visitor_text=visit, visitor_operand_before=_ticking(marked, check))
    return pages


Links = list[tuple[tuple[float, float, float, float], str]]


def _ticking(marked: MarkedContent, check: Callable[[], None]) -> Any:
    """The marked-content callback, calling ``check`` every thousand operators."""
    count = 0

    def operator(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        nonlocal count
        count += 1
        if not count % 1000:
            check()
        marked.operator(op, args, cm, tm)

    return operator


class Piece(NamedTuple):
    """A piece of text as a PDF shows it: where, in what font and size."""

    text: str
    font: str  # the font's name, lower case
    x: float
    y: float
    size: float
    wide: float  # the width of one em
    block: int  # the marked-content paragraph it belongs to


def add_styled(chars: Chars, piece: Piece, links: Links, measure: Widths | None) -> None:
    """Add ``piece``'s characters (spaces left out) to ``chars``, each with its style:
    bold, italic, link, size, place and, when the font's widths are known, its right
    edge and width."""
    x, y, name = piece.x, piece.y, piece.font
    inside = (uri for (x0, y0, x1, y1), uri in links if x0 <= x <= x1 and y0 <= y <= y1)
    bold, italic = any(b in name for b in _BOLD), any(i in name for i in _ITALIC)
    link, rx, ry = next(inside, ""), round(x), round(y, 1)
    if measure is None:
        style = Style(bold, italic, link, piece.size, rx, ry, block=piece.block)
        chars.extend((c, style) for c in piece.text if not c.isspace())
        return
    right = float(rx)
    for c, em in zip(piece.text, measure(piece.text), strict=True):
        right += em * piece.wide
        if not c.isspace():
            style = Style(
                bold, italic, link, piece.size, rx, ry, right, em * piece.wide, piece.block
            )
            chars.append((c, style))


def _visitor(chars: Chars, links: Links, fonts: FontWidths, block: Callable[[], int]) -> Any:
    """A pypdf text visitor that adds each piece's characters with their style."""

    def visit(text: str, cm: Any, tm: Any, font: Any, font_size: Any) -> None:
        if not text.strip():
            return
        text = text.translate(SYMBOL_BULLETS)
        name = str(font.get("/BaseFont", "")).lower() if font else ""
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = float(font_size or 0) * abs(tm[3] or 1) * abs(cm[3] or 1)
        wide = float(font_size or 0) * abs(tm[0] or 1) * abs(cm[0] or 1)
        piece = Piece(text, name, x, y, round(size, 1), wide, block())
        add_styled(chars, piece, links, fonts(font))

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


def _find(text: str, stream: str, chars: Chars, start: int) -> tuple[list[Style], int] | None:
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


def _runs(text: str, styles: list[Style], notes: dict[int, str], small: float) -> tuple[Run, ...]:
    """``text`` cut into runs where the style changes; white space between two
    characters of one style takes that style. A footnote's mark (small digits with a
    note of that number) leaves the text and puts the note on the run before it."""
    keys = {style.key for style in styles}
    if len(keys) == 1 and not any(0 < style.size <= small for style in styles):
        return (Run(text, *keys.pop()),)  # one style and no mark: most paragraphs
    per_char: list[Style | None] = []  # None: a footnote mark
    index = 0
    for c in text:
        if c.isspace():
            before = styles[index - 1] if index > 0 else PLAIN
            after = styles[index] if index < len(styles) else PLAIN
            per_char.append(before if before.key == after.key else PLAIN)
            continue
        style = styles[index]
        index += 1
        mark = c.isdigit() and 0 < style.size <= small
        per_char.append(None if mark else style)
    runs: list[Run] = []
    piece: list[str] = []  # the run being gathered, a character at a time
    digits = ""
    current = PLAIN
    for c, maybe in zip(text, per_char, strict=True):
        if maybe is None:
            digits += c
            continue
        style = maybe
        if digits:
            piece = list(_mark(runs, "".join(piece), current, notes.get(int(digits), ""), digits))
            digits = ""
        if style.key != current.key and piece:
            runs.append(Run("".join(piece), *current.key))
            piece = []
        current = style
        piece.append(c)
    rest = "".join(piece)
    if digits:
        rest = _mark(runs, rest, current, notes.get(int(digits), ""), digits)
    if rest:
        runs.append(Run(rest, *current.key))
    return tuple(runs)


def _mark(runs: list[Run], piece: str, style: Style, note: str, digits: str) -> str:
    """A footnote's mark after ``piece``: the note goes on the run that ends there (added
    to ``runs``); returns what is left of the piece. Small digits with no note of that
    number are kept as text."""
    if not note or not (piece or runs):
        return piece + digits
    if piece:
        runs.append(Run(piece, *style.key, note=note))
    else:
        runs[-1] = replace(runs[-1], note=note)
    return ""


def body_size(chars: Chars) -> float:
    """The size most of the text is set in."""
    sizes = Counter(style.size for _c, style in chars if style.size)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def restructure(
    document: Document,
    chars: Chars,
    notes: dict[int, str],
    known: Callable[[str], bool] = lambda _text: False,
) -> None:
    """Put back on ``document``'s blocks what the PDF's fonts, sizes and places tell,
    finding each block's characters once: headings by the document's own sizes
    (pdf_headings.py; ``known`` says which lines are parts' names), the footnotes
    ``notes`` on the run before their small mark, list levels by where an item's text
    begins, and bold, italic and links on paragraphs and list items. A block whose
    characters are not found stays as it was."""
    from beslut.importing.pdf_headings import headings, joined

    body = body_size(chars)
    if not body:
        return
    stream = "".join(c for c, _s in chars)
    position = 0
    found: list[tuple[Read, list[Style] | None]] = []
    for read in document.blocks:
        block = read.block
        styles = None
        if block.kind is not BlockKind.TABLE and block.text.strip():
            located = _find(block.text, stream, chars, position)
            if located is not None:
                styles, position = located
        found.append((read, styles))
    found = joined(found, body, known)
    kept = list(zip(headings(found, body, known), [s for _r, s in found], strict=True))
    small = MARK_SIZE * body
    reads = []
    for read, found_styles in kept:
        block = read.block
        if found_styles is not None and block.kind in _STYLED:
            runs = _runs(block.text, found_styles, notes, small)
            read = Read(replace(block, runs=runs), read.role)
        reads.append(read)
    indents = [
        (i, found_styles[0].x)
        for i, (read, found_styles) in enumerate(kept)
        if found_styles and read.block.kind in (BlockKind.BULLET, BlockKind.NUMBERED)
    ]
    document.blocks[:] = _levels(reads, indents)


_STYLED = (BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.NUMBERED)


def _levels(reads: list[Read], indents: list[tuple[int, float]]) -> list[Read]:
    """List items' levels by where their text begins: the page's own measure, which
    holds across page breaks and footnotes that the text's indents do not."""
    for kind in (BlockKind.BULLET, BlockKind.NUMBERED):
        places = [(i, x) for i, x in indents if reads[i].block.kind is kind]
        steps = sorted({round(x / 3) for _i, x in places})  # within 3 pt is one indent
        if len(steps) < 2:
            continue
        for i, x in places:
            level = min(steps.index(round(x / 3)), 2)
            block = reads[i].block
            if block.level != level:
                start = block.start if level == 0 else None
                reads[i] = Read(replace(block, level=level, start=start), reads[i].role)
    return reads
