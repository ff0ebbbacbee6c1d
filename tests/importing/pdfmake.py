"""Small PDFs written by hand for the PDF reader's tests: text in the standard fonts
(Helvetica and Helvetica-Bold, whose widths every reader knows), placed where a test says,
on one or more pages; an xref table that is right, so pypdf has nothing to repair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Symbol", "F4": "Helvetica"}
# F4 is Helvetica whose character map says code 0xB7 is U+F0B7, as Word's PDFs map the
# Symbol font's bullet (a character of Unicode's private use area)
_WORD_BULLET = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Word def "
    b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <B7> <F0B7> "
    b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
)


@dataclass(frozen=True)
class Text:
    """A line of text: where its baseline begins, its size and font ("F1" plain, "F2"
    bold, "F3" Symbol), and the angle it is turned (0 or 90)."""

    text: str
    x: float
    y: float
    size: float = 11
    font: str = "F1"
    turned: bool = False
    mark: str = ""  # a footnote's mark: small digits right after the text
    before: str = ""  # the same, before the text (a footnote's own number)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def content(lines: Sequence[Text]) -> bytes:
    """A content stream that shows ``lines``."""
    out = []
    for line in lines:
        matrix = f"0 1 -1 0 {line.x} {line.y}" if line.turned else f"1 0 0 1 {line.x} {line.y}"
        font = b"/%s %g Tf" % (line.font.encode(), line.size)
        small = b"/%s %g Tf" % (line.font.encode(), round(line.size * 0.65, 1))
        shown = b"%s (%s) Tj" % (font, _escape(line.text))
        if line.mark:
            shown += b" %s (%s) Tj" % (small, _escape(line.mark))
        if line.before:
            shown = b"%s (%s) Tj %s" % (small, _escape(line.before), shown)
        out.append(b"BT %s Tm %s ET" % (matrix.encode(), shown))
    return b"\n".join(out)


def pdf(pages: Sequence[Sequence[Text] | bytes], shared: bytes | None = None) -> bytes:
    """A PDF of ``pages`` (each its lines, or its content stream's bytes); with ``shared``,
    every page shows that one content stream instead (one object, as some producers
    write a form that every page repeats)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    tree = add(b"")
    fonts = {
        name: add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s%s >>"
            % (base.encode(), b"" if base == "Symbol" else b" /Encoding /WinAnsiEncoding")
        )
        for name, base in FONTS.items()
    }
    cmap = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_WORD_BULLET), _WORD_BULLET))
    objects[fonts["F4"] - 1] = objects[fonts["F4"] - 1].replace(
        b" >>", b" /ToUnicode %d 0 R >>" % cmap
    )
    font_dict = b" ".join(b"/%s %d 0 R" % (n.encode(), i) for n, i in fonts.items())
    one = None
    if shared is not None:
        one = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(shared), shared))
    kids = []
    for page in pages:
        if one is None:
            data = page if isinstance(page, bytes) else content(page)
            stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        else:
            stream = one
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << %s >> >> /Contents %d 0 R >>" % (tree, font_dict, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def lines_down(texts: list[str], size: float = 11, top: float = 780, x: float = 72) -> list[Text]:
    """Body lines from ``top`` down, one line pitch apart."""
    return [Text(t, x, top - i * size * 1.2, size) for i, t in enumerate(texts)]
