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
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "beslut" / "data" / "templates" / "stadsmall.docx"
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:wp="{WP_NS}"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Page geometry in twentieths of a point (567 = 1 cm). A4 portrait.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1701, 1418, 1928, 1644
HEADER_DIST, FOOTER_DIST = 624, 454
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
HEADER_LEFT_W = 4734
HEADER_RIGHT_W = TEXT_W - HEADER_LEFT_W

SANS = "Arial"  # Liberation Sans has the same metrics
SERIF = "Times New Roman"  # Liberation Serif has the same metrics
LANG = "sv-SE"
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


def table(style: str, widths: list[int], *rows: list[str]) -> str:
    """A fixed-width layout table in ``style`` (the table style holds borders and margins)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" '
        'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" '
        'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


# --- styles ---------------------------------------------------------------------------


def rpr(font: str, half_points: int, *, bold: bool = False, italic: bool = False) -> str:
    """Run properties in schema order: fonts, bold, italic, size, language."""
    b = "<w:b/><w:bCs/>" if bold else ""
    i = "<w:i/><w:iCs/>" if italic else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>{b}{i}'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        f'<w:lang w:val="{LANG}"/></w:rPr>'
    )


def ppr(
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    num_id: int | None = None,
    border_top: bool = False,
    tabs: str = "",
    before: int = 0,
    after: int = 0,
    line: int = 240,
    contextual: bool | None = None,
    jc: str = "",
    outline: int | None = None,
) -> str:
    """Paragraph properties in schema order."""
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if keep_lines:
        parts.append("<w:keepLines/>")
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    if border_top:
        parts.append('<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" ')
    parts[-1] += 'w:lineRule="auto"/>'
    if contextual is not None:
        # Explicit off, so a style based on a list style can space its items apart.
        parts.append("<w:contextualSpacing/>" if contextual else '<w:contextualSpacing w:val="0"/>')
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def pstyle(
    style_id: str,
    name: str,
    p: str,
    r: str,
    *,
    based_on: str = "",
    next_style: str = "",
    priority: int = 99,
    default: bool = False,
) -> str:
    """A paragraph style; shown in Word's quick style gallery."""
    dflt = ' w:default="1"' if default else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style w:type="paragraph"{dflt} w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'{based}{nxt}<w:uiPriority w:val="{priority}"/><w:qFormat/>{p}{r}</w:style>'
    )


def styles_xml() -> str:
    """styles.xml: every look of the document lives here."""
    styles = [
        pstyle("Normal", "Normal", ppr(), rpr(SERIF, 24), priority=0, default=True),
        pstyle(
            "BodyText",
            "Body Text",
            ppr(after=240, line=264),
            rpr(SERIF, 24),
            based_on="Normal",
            priority=1,
        ),
        pstyle(
            "Title",
            "Title",
            ppr(keep_next=True, keep_lines=True, after=80),
            rpr(SANS, 32, bold=True),
            based_on="Normal",
            next_style="Subtitle",
            priority=10,
        ),
        pstyle(
            "Subtitle",
            "Subtitle",
            ppr(keep_next=True, after=120),
            rpr(SANS, 24),
            based_on="Normal",
            next_style="BodyText",
            priority=11,
        ),
        pstyle(
            "Heading1",
            "heading 1",
            ppr(keep_next=True, keep_lines=True, before=360, after=80, outline=0),
            rpr(SANS, 26, bold=True),
            based_on="Normal",
            next_style="BodyText",
            priority=9,
        ),
        pstyle(
            "Heading2",
            "heading 2",
            ppr(keep_next=True, keep_lines=True, before=240, after=60, outline=1),
            rpr(SANS, 22, bold=True),
            based_on="Normal",
            next_style="BodyText",
            priority=9,
        ),
        pstyle(
            "ListBullet",
            "List Bullet",
            ppr(num_id=1, after=240, line=264, contextual=True),
            rpr(SERIF, 24),
            based_on="Normal",
            priority=36,
        ),
        pstyle(
            "ListNumber",
            "List Number",
            ppr(num_id=2, after=240, line=264, contextual=True),
            rpr(SERIF, 24),
            based_on="Normal",
            priority=36,
        ),
        pstyle(
            "Beslutspunkt",
            "Beslutspunkt",
            ppr(num_id=2, after=160, line=264, contextual=False),
            rpr(SERIF, 24),
            based_on="ListNumber",
            priority=20,
        ),
        pstyle(
            "Bilaga",
            "Bilaga",
            ppr(num_id=2, after=60, line=264),
            rpr(SERIF, 24),
            based_on="ListNumber",
            priority=21,
        ),
        pstyle(
            "Underskrift",
            "Underskrift",
            ppr(keep_next=True, keep_lines=True, before=600),
            rpr(SERIF, 24),
            based_on="Normal",
            next_style="Underskrifttitel",
            priority=22,
        ),
        pstyle(
            "Underskrifttitel",
            "Underskrift titel",
            ppr(keep_lines=True),
            rpr(SERIF, 24, italic=True),
            based_on="Normal",
            next_style="Underskrift",
            priority=23,
        ),
        pstyle("Header", "header", ppr(), rpr(SANS, 18), based_on="Normal", priority=99),
        pstyle(
            "Sidhuvud",
            "Sidhuvud text",
            ppr(line=252),
            rpr(SANS, 19),
            based_on="Header",
            priority=24,
        ),
        pstyle(
            "Sidhuvudrubrik",
            "Sidhuvud rubrik",
            ppr(after=40),
            rpr(SANS, 24, bold=True),
            based_on="Sidhuvud",
            next_style="Sidhuvud",
            priority=25,
        ),
        pstyle(
            "Logotyp",
            "Logotyp",
            ppr(after=100),
            rpr(SANS, 19),
            based_on="Sidhuvud",
            next_style="Sidhuvudrubrik",
            priority=26,
        ),
        pstyle("Footer", "footer", ppr(), rpr(SANS, 15), based_on="Normal", priority=99),
        pstyle(
            "Sidfot",
            "Sidfot text",
            ppr(line=240),
            rpr(SANS, 15),
            based_on="Footer",
            priority=27,
        ),
        pstyle(
            "Sidfotrubrik",
            "Sidfot rubrik",
            ppr(),
            rpr(SANS, 15, bold=True),
            based_on="Sidfot",
            next_style="Sidfot",
            priority=28,
        ),
    ]
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr(SERIF, 24)}</w:rPrDefault>"
        f"<w:pPrDefault>{ppr()}</w:pPrDefault></w:docDefaults>"
    )
    table_styles = (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        + table_style("Sidhuvudtabell", "Sidhuvud tabell", bottom=170, border_top=False)
        + table_style("Sidfottabell", "Sidfot tabell", bottom=0, border_top=True)
    )
    char_default = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
    )
    return (
        f"{XML_DECL}<w:styles {NS}>{defaults}{''.join(styles)}{char_default}"
        f"{table_styles}</w:styles>"
    )


def table_style(style_id: str, name: str, *, bottom: int, border_top: bool) -> str:
    """A borderless layout table style for the header and footer blocks."""
    top = '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>' if border_top else ""
    borders = f"<w:tblBorders>{top}</w:tblBorders>" if top else ""
    pad_top = 60 if border_top else 0
    return (
        f'<w:style w:type="table" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{borders}<w:tblCellMar>'
        f'<w:top w:w="{pad_top}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="113" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )


# --- numbering ------------------------------------------------------------------------


def numbering_xml() -> str:
    """Two list definitions: bullets (numId 1) and 1. 2. 3. (numId 2)."""

    def abstract(num: int, nsid: str, fmt: str, text: str, style: str) -> str:
        return (
            f'<w:abstractNum w:abstractNumId="{num}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="397" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>'
        )

    return (
        f"{XML_DECL}<w:numbering {NS}>"
        + abstract(0, "5B3A1C01", "bullet", "\u2022", "ListBullet")
        + abstract(1, "5B3A1C02", "decimal", "%1.", "ListNumber")
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + "</w:numbering>"
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
    """Page one: who writes (left), what and when (right), handläggare and addressee."""
    widths = [HEADER_LEFT_W, HEADER_RIGHT_W]
    top = [
        cell(
            HEADER_LEFT_W,
            para("Logotyp", logo_run()),
            para("Sidhuvudrubrik", "{{ forvaltning }}"),
            para("Sidhuvud", "{{ avdelning }}"),
        ),
        cell(
            HEADER_RIGHT_W,
            para("Sidhuvudrubrik", "Tjänsteutlåtande"),
            para("Sidhuvud", "Dnr {{ dnr }}"),
            para("Sidhuvud", "{{ datum_iso }}"),
            page_number(),
        ),
    ]
    bottom = [
        cell(
            HEADER_LEFT_W,
            para("Sidhuvud", "Handläggare: {{ handlaggare }}"),
            para("Sidhuvud", "Telefon: {{ telefon }}"),
            para("Sidhuvud", "E-post: {{ epost }}"),
        ),
        cell(
            HEADER_RIGHT_W,
            para("Sidhuvudrubrik", "Till {{ namnd }}"),
            para("Sidhuvud", "Sammanträde {{ sammantradesdatum }}"),
        ),
    ]
    block = table("Sidhuvudtabell", widths, top, bottom)
    return f"{XML_DECL}<w:hdr {NS}>{block}{para('Header')}</w:hdr>"


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
        para("Title", "{{ titel }}")
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
            archive.writestr(info, data)
    return target


if __name__ == "__main__":
    print(build())
