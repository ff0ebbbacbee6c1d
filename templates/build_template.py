"""Build the default city template, src/beslut/data/templates/stadsmall.docx, from the XML
written here.

Run it after changing the layout (``python templates/build_template.py``) and commit the
.docx with the script. The output is byte-for-byte reproducible, so a rebuild that changes
nothing shows no diff. An organisation that uses its own Word file does not need this
script at all: beslut only relies on the merge fields and style names listed in
templates/README.md.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)  # template_styles.py lies beside this file

from template_styles import LANG, NS, XML_DECL, numbering_xml, styles_xml  # noqa: E402

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "beslut" / "data" / "templates" / "stadsmall.docx"
)

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"

# Page geometry in twentieths of a point (567 = 1 cm). A4 portrait.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1701, 1418, 1928, 1644
HEADER_DIST, FOOTER_DIST = 624, 454
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT_W = 4734
HEADER_RIGHT_W = TEXT_W - HEADER_LEFT_W

LOGO_ALT = "Stadens logotyp: en krona"
LOGO_PX = 96
LOGO_EMU = 540000  # 1.5 cm


# --- small XML helpers ----------------------------------------------------------------


def run(text: str) -> str:
    """A run of plain text (the template itself has no direct formatting)."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def field(instruction: str, shown: str) -> str:
    """A Word field (PAGE, NUMPAGES) with the value shown before Word updates it."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def para(style: str, *content: str) -> str:
    """A paragraph in ``style`` holding runs (or plain strings, made into runs)."""
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{body}</w:p>'


def page_number() -> str:
    """'Sida X (Y)' with real PAGE and NUMPAGES fields."""
    return para("Sidhuvud", "Sida ", field("PAGE", "1"), " (", field("NUMPAGES", "1"), ")")


def cell(width: int, *paragraphs: str) -> str:
    """A table cell of ``width`` twips."""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'


def table(style: str, widths: list[int], *rows: list[str], keep: bool = False) -> str:
    """A fixed-width layout table in ``style`` (the table style holds borders and margins);
    with ``keep`` no row splits over a page."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if keep else ""
    body = "".join(f"<w:tr>{trpr}{''.join(cells)}</w:tr>" for cells in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" '
        'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" '
        'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


# --- header, footer, body -------------------------------------------------------------


def logo_run() -> str:
    """The logo as an inline picture with alternative text."""
    ext = f'cx="{LOGO_EMU}" cy="{LOGO_EMU}"'
    alt = quoteattr(LOGO_ALT)
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent {ext}/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="1" name="Logotyp" descr={alt}/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A_NS}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{A_NS}">'
        f'<a:graphicData uri="{PIC_NS}"><pic:pic xmlns:pic="{PIC_NS}">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="logotyp.png" descr={alt}/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext {ext}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def first_header_xml() -> str:
    """Page one: the logo on the left, "Sida 1 (N)" where the right column starts.

    Nothing else: LibreOffice's tagged PDF marks header text as artifacts that screen
    readers skip, and pandoc and mammoth do not read headers, so the facts of the TU are
    in the body (facts_xml).
    """
    tab = f'<w:tabs><w:tab w:val="left" w:pos="{HEADER_LEFT_W}"/></w:tabs>'
    logo = (
        f'<w:p><w:pPr><w:pStyle w:val="Logotyp"/>{tab}</w:pPr>{logo_run()}<w:r><w:tab/></w:r>'
        + run("Sida ")
        + field("PAGE", "1")
        + run(" (")
        + field("NUMPAGES", "1")
        + run(")")
        + "</w:p>"
    )
    return f"{XML_DECL}<w:hdr {NS}>{logo}</w:hdr>"


def facts_xml() -> str:
    """The top of page one, in the body: who writes and what (first row), the handläggare
    and the addressee (second row), read in that order. A borderless layout table."""
    widths = [HEADER_LEFT_W, HEADER_RIGHT_W]
    top = [
        cell(
            HEADER_LEFT_W,
            para("Uppgiftsrubrik", "{{ forvaltning }}"),
            para("Uppgift", "{{ avdelning }}"),
        ),
        cell(
            HEADER_RIGHT_W,
            para("Uppgiftsrubrik", "Tjänsteutlåtande"),
            para("Uppgift", "Dnr {{ dnr }}"),
            para("Uppgift", "{{ datum_iso }}"),
        ),
    ]
    bottom = [
        cell(
            HEADER_LEFT_W,
            para("Uppgift", "Handläggare: {{ handlaggare }}"),
            para("Uppgift", "Telefon: {{ telefon }}"),
            para("Uppgift", "E-post: {{ epost }}"),
        ),
        cell(
            HEADER_RIGHT_W,
            para("Uppgiftsrubrik", "Till {{ namnd }}"),
            para("Uppgift", "Sammanträde {{ sammantradesdatum }}"),
        ),
    ]
    return table("Uppgiftstabell", widths, top, bottom, keep=True)


def later_header_xml() -> str:
    """Pages two and on: Dnr and page number, where they stand on page one."""
    widths = [HEADER_LEFT_W, HEADER_RIGHT_W]
    row = [
        cell(HEADER_LEFT_W, para("Sidhuvud", "{{ forvaltning }}")),
        cell(HEADER_RIGHT_W, para("Sidhuvud", "Dnr {{ dnr }}"), page_number()),
    ]
    return f"{XML_DECL}<w:hdr {NS}>{table('Sidhuvudtabell', widths, row)}{para('Header')}</w:hdr>"


def footer_xml() -> str:
    """Page one: the förvaltning's address lines (organisation fields, see README)."""
    third = TEXT_W // 3
    widths = [third, third, TEXT_W - 2 * third]
    row = [
        cell(
            widths[0],
            para("Sidfotrubrik", "{{ forvaltning }}"),
            para("Sidfot", "{{ avdelning }}"),
        ),
        cell(
            widths[1],
            para("Sidfot", "{{ adress }}"),
            para("Sidfot", "Besöksadress: {{ besoksadress }}"),
        ),
        cell(
            widths[2],
            para("Sidfot", "Växel: {{ vaxel }}"),
            para("Sidfot", "{{ webb }}"),
        ),
    ]
    return f"{XML_DECL}<w:ftr {NS}>{table('Sidfottabell', widths, row)}{para('Footer')}</w:ftr>"


def document_xml() -> str:
    """The body: title fields and the place where the exporter puts the text."""
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderLater"/>'
        '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
        '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DIST}" w:footer="{FOOTER_DIST}" '
        'w:gutter="0"/><w:cols w:space="708"/><w:titlePg/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    body = (
        facts_xml()
        + para("Title", "{{ titel }}")
        + para("Subtitle", "{{ undertitel }}")
        + para("BodyText", "{{ innehall }}")
    )
    return f"{XML_DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>"


# --- package parts --------------------------------------------------------------------


def settings_xml() -> str:
    """Word settings: Swedish proofing, modern compatibility mode."""
    return (
        f"{XML_DECL}<w:settings {NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{LANG}"/><w:decimalSymbol w:val=","/>'
        '<w:listSeparator w:val=";"/></w:settings>'
    )


def content_types_xml() -> str:
    """[Content_Types].xml."""
    office = "application/vnd.openxmlformats-officedocument"
    wml = f"{office}.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{wml}.document.main+xml",
        "/word/styles.xml": f"{wml}.styles+xml",
        "/word/settings.xml": f"{wml}.settings+xml",
        "/word/numbering.xml": f"{wml}.numbering+xml",
        "/word/header1.xml": f"{wml}.header+xml",
        "/word/header2.xml": f"{wml}.header+xml",
        "/word/footer1.xml": f"{wml}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{office}.extended-properties+xml",
    }
    items = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides.items()
    )
    return (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Default Extension="png" ContentType="image/png"/>{items}</Types>'
    )


def rels_xml(relations: list[tuple[str, str, str]]) -> str:
    """A relationships part from (id, type suffix or URL, target)."""
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind if "://" in kind else base + kind}" '
        f'Target="{target}"/>'
        for rid, kind, target in relations
    )
    return (
        f"{XML_DECL}<Relationships "
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}'
        "</Relationships>"
    )


def core_xml() -> str:
    """Core properties of the template itself; the exporter overwrites them."""
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Tjänsteutlåtande</dc:title><dc:creator>beslut</dc:creator>"
        f"<dc:language>{LANG}</dc:language>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    """Extended properties."""
    return (
        f"{XML_DECL}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>beslut</Application><Template>stadsmall</Template></Properties>"
    )


def logo_png(size: int = LOGO_PX) -> bytes:
    """A simple crown in the city's blue on a transparent ground, as a PNG."""
    blue = (0, 80, 158, 255)
    clear = (0, 0, 0, 0)
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            row += bytes(blue if _in_crown(x / size, y / size) else clear)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def _in_crown(x: float, y: float) -> bool:
    """True inside the crown: a band with three points, each topped by a ball."""
    if 0.62 <= y <= 0.80 and 0.12 <= x <= 0.88:
        return True
    for px in (0.20, 0.50, 0.80):
        if (x - px) ** 2 + (y - 0.20) ** 2 <= 0.065**2:
            return True
        # A triangle from the band up to the ball.
        half = 0.13 * (y - 0.26) / (0.62 - 0.26)
        if 0.26 <= y <= 0.62 and abs(x - px) <= half:
            return True
    return False


def parts() -> dict[str, bytes]:
    """Every part of the package, in the order they are written."""
    text = {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": rels_xml(
            [
                ("rId1", "officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/"
                    "metadata/core-properties",
                    "docProps/core.xml",
                ),
                ("rId3", "extended-properties", "docProps/app.xml"),
            ]
        ),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": rels_xml(
            [
                ("rIdStyles", "styles", "styles.xml"),
                ("rIdSettings", "settings", "settings.xml"),
                ("rIdNumbering", "numbering", "numbering.xml"),
                ("rIdHeaderFirst", "header", "header1.xml"),
                ("rIdHeaderLater", "header", "header2.xml"),
                ("rIdFooterFirst", "footer", "footer1.xml"),
            ]
        ),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/header1.xml": first_header_xml(),
        "word/_rels/header1.xml.rels": rels_xml([("rIdLogo", "image", "media/logotyp.png")]),
        "word/header2.xml": later_header_xml(),
        "word/footer1.xml": footer_xml(),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
    }
    out = {name: xml.encode("utf-8") for name, xml in text.items()}
    out["word/media/logotyp.png"] = logo_png()
    return out


def build(target: Path = OUT) -> Path:
    """Write the template to ``target`` with fixed timestamps (reproducible bytes)."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts().items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # as on Unix everywhere: zipfile writes 0 on Windows
            info.external_attr = 0o600 << 16  # the same bytes on every platform
            archive.writestr(info, data)
    return target


if __name__ == "__main__":
    print(build())
