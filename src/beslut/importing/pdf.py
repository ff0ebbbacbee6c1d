"""Reading a PDF's text (no Qt), with pypdf: pure Python, the same on Windows.

pypdf was chosen over pdfminer.six by measuring both on the city template's own export
(LibreOffice PDF/A of the example): in layout mode pypdf keeps a list item's number with
its text and a blank line between paragraphs, where pdfminer.six split "1." from its
item; it took 78 ms against pdfminer.six's 117 ms, and it needs no compiled dependency
(pdfminer.six needs cryptography). Text that repeats at the top or bottom of the pages
(the header with the Dnr and "Sida 3 (7)", the address footer) is left out; a line of
two columns (the first page's header) becomes two lines. Opening the file (passwords,
pypdf's warnings, the time budget, each page's content parsed once) is pdf_open.py's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from beslut.i18n import _
from beslut.importing.facts import is_fact_line
from beslut.importing.pdf_open import (
    Budget,
    layout_text,
    no_aes,
    open_reader,
    parse_contents,
    quiet,
)
from beslut.importing.pdfpage import footnotes, parted
from beslut.importing.pdfstyle import (
    SYMBOL_BULLETS,
    Chars,
    body_size,
    restructure,
    styled_chars,
)
from beslut.importing.read import Document
from beslut.importing.safety import ImportRefused, refuse
from beslut.importing.text import CELLS, NOTE_LINE, blocks_of, line_shape

MAX_PAGES = 500
MAX_TEXT = 2_000_000  # characters: 500 full pages; the passes after reading grow with it
EDGE = 5  # lines at the top and the bottom of a page where a header or footer stands
NEARLY_ALL = 0.8  # a share of the pages
_COLUMNS = re.compile(r"\s{3,}")
_MARKER = re.compile(r"[•·▪◦●○■□\-–—*]|\d{1,3}[.)]")


def read_pdf(
    path: Path,
    data: bytes,
    known: Callable[[str], bool] | None = None,
    budget: Budget | None = None,
) -> Document:
    """The PDF's blocks, with what its fonts, sizes and places tell (pdfstyle.py); or
    ImportRefused. The footnotes at each page's foot leave the text first, so that a
    paragraph that goes on over the page is joined again; where the paragraphs have
    space between them, that space parts them (pdfpage.py)."""
    budget = budget or Budget(path)
    pages, chars = pdf_pages(path, data, budget)
    texts, header = without_furniture(pages)
    body = body_size([c for page in chars for c in page])
    notes: dict[int, str] = {}
    kept = []
    for text, page_chars in zip(texts, chars, strict=True):
        page, found = footnotes(text, page_chars, body)
        notes.update(found)
        kept.append(page)
    budget.check()
    lines, breaks, text_chars = parted(kept, chars)
    blocks = blocks_of(lines, is_fact_line, breaks=breaks, known=known)
    document = Document(list(blocks), header)
    document.from_text = True
    budget.check()
    restructure(document, text_chars, notes, known or (lambda _text: False))
    budget.check()
    return document


def pdf_pages(
    path: Path, data: bytes, budget: Budget | None = None
) -> tuple[list[list[str]], list[Chars]]:
    """Each page's lines of text, columns split, and its characters with their style
    (pdfstyle.py); or ImportRefused. Each page's content is parsed once, for both."""
    from pypdf.errors import DependencyError, PyPdfError

    budget = budget or Budget(path)
    try:
        with quiet():
            reader = open_reader(path, data)
            if len(reader.pages) > MAX_PAGES:
                why = _("PDF-filen har fler än {pages} sidor.").format(pages=MAX_PAGES)
                raise refuse(path, why, f"{len(reader.pages)} pages")
            pages, chars = _walked(reader, budget)
    except ImportRefused:
        raise
    except DependencyError as exc:  # AES, where its dependency is missing
        raise no_aes(path, exc) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise refuse(path, _("PDF-filen är skadad eller kan inte läsas."), repr(exc)) from exc
    lines = [
        [_indent(line) + CELLS.join(_split(line)) for line in page.split("\n")] for page in pages
    ]
    if sum(len("".join(page).replace(CELLS, "").strip()) for page in lines) < 20:
        why = _("PDF-filen innehåller ingen text att importera (den är troligen inskannad).")
        raise refuse(path, why, "no text")
    return lines, chars


def _walked(reader: Any, budget: Budget) -> tuple[list[str], list[Chars]]:
    """Each page's layout text and its characters with their style: from one walk over
    each page where pypdf's layout module is there (pdf_walk.py), else from its two
    public passes."""
    from pypdf.generic import ContentStream

    from beslut.importing import pdf_walk
    from beslut.importing.pdffonts import FontWidths
    from beslut.importing.pdfstyle import _links
    from beslut.importing.pdftags import block_marks

    parsed: dict[Any, Any] = {}
    pages: list[str] = []
    if not pdf_walk.available():
        for page in reader.pages:
            budget.check()
            parse_contents(page, parsed)
            pages.append(layout_text(page, budget).translate(SYMBOL_BULLETS))
        styled = styled_chars(reader, budget.check)
        _check_size(budget.path, sum(len(c) for c in styled))
        return pages, styled
    chars: list[Chars] = []
    fonts, marks = FontWidths(), block_marks(reader)
    for page in reader.pages:
        budget.check()
        parse_contents(page, parsed)
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        if not isinstance(contents, ContentStream):
            pages.append("")
            chars.append([])
            continue
        text, page_chars = pdf_walk.walk(page, contents, fonts, _links(page), marks, budget)
        pages.append(text.translate(SYMBOL_BULLETS))
        chars.append(page_chars)
        _check_size(budget.path, sum(len(c) for c in chars))
    return pages, chars


def _check_size(path: Path, characters: int) -> None:
    if characters > MAX_TEXT:
        why = _(
            "PDF-filen innehåller mer text än beslut kan importera (mer än {count} tecken)."
        ).format(count=f"{MAX_TEXT:,}".replace(",", " "))
        raise refuse(path, why, f"over {MAX_TEXT} characters")


def _indent(line: str) -> str:
    """A line's leading spaces, which tell a list item's level."""
    return line[: len(line) - len(line.lstrip())] if line.strip() else ""


def _split(line: str) -> list[str]:
    """A line, or its columns when three spaces or more part them; a blank line stays.
    A list item's marker stays with its text ("•    går i årskurs 1–3"); two spaces
    inside a column (justified text) are one."""
    if not line.strip():
        return [""]
    # Within a column, a run of spaces is one: justified text spreads its words.
    pieces = [" ".join(piece.split()) for piece in _COLUMNS.split(line.strip()) if piece.strip()]
    if len(pieces) > 1 and _MARKER.fullmatch(pieces[0]):
        pieces[:2] = [f"{pieces[0]} {pieces[1]}"]
    return pieces


def without_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Each page's text lines without what repeats at the pages' edges, and the first
    page's header lines among them (where the facts may stand)."""
    if len(pages) < 2:
        return [list(page) for page in pages], []
    # What stands at a page's edges on nearly every page is furniture, and so is what
    # stands in one place (the n-th line from the top or the bottom) on half the pages;
    # a table's header row that page breaks repeat stands wherever the table goes on.
    pages_with: Counter[str] = Counter()
    places: dict[str, Counter[int]] = {}
    for page in pages:
        filled = [line for line in page if line.strip()]
        head, foot = _zones(len(filled))
        seen = {
            (shape, i if i in head else i - len(filled))
            for i in head | foot
            if not NOTE_LINE.match(filled[i])  # footnotes of one shape ("1 Se bilaga 1.")
            for shape in _shapes(filled[i])
        }
        pages_with.update({shape for shape, _place in seen})
        for shape, place in seen:
            places.setdefault(shape, Counter())[place] += 1
    half, most = max(2, len(pages) // 2), max(2, round(len(pages) * NEARLY_ALL))
    repeated = {
        shape
        for shape, n in places.items()
        if n.most_common(1)[0][1] >= half or pages_with[shape] >= most
    }
    # A footer may wrap a line the first page's head has whole ("Avdelningen för ...").
    top = [
        shape for line in [x for x in pages[0] if x.strip()][: EDGE * 2] for shape in _shapes(line)
    ]
    texts: list[list[str]] = []
    header: list[str] = []
    for number, page in enumerate(pages):
        text: list[str] = []
        texts.append(text)
        indexes = [i for i, line in enumerate(page) if line.strip()]
        head_at, foot_at = _zones(len(indexes))
        head, foot = {indexes[i] for i in head_at}, {indexes[i] for i in foot_at}
        wrapped = ""  # a footer line that wraps a line of the first page's head
        for i, line in enumerate(page):
            shape, shapes = line_shape(line), _shapes(line)
            if i in foot and line.strip():
                if set(shapes) <= repeated:
                    continue
                joined = f"{wrapped} {shape}".strip()
                if not any(t.startswith(joined) for t in top):
                    joined = shape  # a line of the head's, or the start of a wrapped one
                if len(joined) >= 10 and any(t.startswith(joined) for t in top):
                    wrapped = joined
                    continue
            if i in head and line.strip() and set(shapes) <= repeated:
                if number == 0:
                    header += line.split(CELLS)
                continue
            text.append(line)
    return texts, header


def _zones(count: int) -> tuple[set[int], set[int]]:
    """The places of a page's first and last EDGE lines of text, apart: on a short page
    a line is in the head or the foot, never both (so it cannot repeat on its own)."""
    head = set(range(min(EDGE, count)))
    foot = set(range(max(count - EDGE, 0), count)) - head
    return head, foot


def _shapes(line: str) -> list[str]:
    """The shapes of a line's columns (a page header often has two)."""
    return [line_shape(piece) for piece in line.split(CELLS)]
