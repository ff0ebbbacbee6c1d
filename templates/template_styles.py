"""The styles and list definitions of the city template (styles.xml and numbering.xml).

build_template.py puts them into stadsmall.docx. Every look of an exported TU lives here:
the exporter gives each paragraph, run and table a style by name and sets no fonts,
sizes or spacing of its own. templates/README.md lists the names and what uses them.

Sizes are in half points (24 = 12 pt), spacing and indents in twentieths of a point
(240 = 12 pt, 567 = 1 cm).
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:wp="{WP_NS}"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

SANS = "Arial"  # Liberation Sans has the same metrics
SERIF = "Times New Roman"  # Liberation Serif has the same metrics
LANG = "sv-SE"

BODY = 24  # body text: 12 pt
LIST_INDENT = 397  # 0.7 cm per list level
LINK_BLUE = "0563C1"
GRID_GREY = "A6A6A6"
HEADER_SHADE = "E1E8F0"  # a light tint of the city's blue


def rpr(
    font: str = "",
    half_points: int = 0,
    *,
    bold: bool = False,
    italic: bool = False,
    color: str = "",
    underline: bool = False,
    superscript: bool = False,
    lang: bool = True,
) -> str:
    """Run properties in schema order: fonts, bold, italic, colour, size, underline,
    vertical alignment, language."""
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if half_points:
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    if superscript:
        parts.append('<w:vertAlign w:val="superscript"/>')
    if lang:
        parts.append(f'<w:lang w:val="{LANG}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def ppr(
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    widows: bool | None = None,
    num: tuple[int, int] | None = None,
    border_top: bool = False,
    tabs: str = "",
    before: int = 0,
    after: int = 0,
    line: int = 240,
    indent: tuple[int, int] | None = None,
    contextual: bool | None = None,
    jc: str = "",
    outline: int | None = None,
) -> str:
    """Paragraph properties in schema order. ``num`` is (numId, level); ``indent`` is
    (left, hanging); ``widows`` sets widow and orphan control on or off."""
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if keep_lines:
        parts.append("<w:keepLines/>")
    if widows is not None:
        parts.append("<w:widowControl/>" if widows else '<w:widowControl w:val="0"/>')
    if num is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if border_top:
        parts.append('<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    parts.append(
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
    )
    if indent is not None:
        parts.append(f'<w:ind w:left="{indent[0]}" w:hanging="{indent[1]}"/>')
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


def cstyle(style_id: str, name: str, r: str, *, priority: int = 99) -> str:
    """A character style (footnote reference, hyperlink)."""
    return (
        f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:uiPriority w:val="{priority}"/><w:unhideWhenUsed/>{r}</w:style>'
    )


def heading(level: int, size: int, before: int, *, next_style: str = "BodyText") -> str:
    """``heading N``: sans serif, bold, kept with the next paragraph and on one page."""
    return pstyle(
        f"Heading{level}",
        f"heading {level}",
        ppr(keep_next=True, keep_lines=True, before=before, after=60, outline=level - 1),
        rpr(SANS, size, bold=True),
        based_on="Normal",
        next_style=next_style,
        priority=9,
    )


def list_style(style_id: str, name: str, num_id: int, level: int) -> str:
    """A list level style, attached to ``level`` of list ``num_id`` (numbering_xml)."""
    left = LIST_INDENT * (level + 1)
    return pstyle(
        style_id,
        name,
        ppr(
            num=(num_id, level),
            after=60,
            line=264,
            indent=(left, LIST_INDENT),
            contextual=False,
        ),
        rpr(SERIF, BODY),
        based_on="Normal",
        priority=36,
    )


# Paragraph spacing: a body paragraph has 6 pt above and below (12 pt between two), a
# list item 3 pt below and nothing above, so a lead-in paragraph sits close to its list,
# the items of a list (at any level) close to each other and the list's end 9 pt above
# the next paragraph. contextualSpacing would only join items of one level.
BODY_BEFORE = BODY_AFTER = 120


def paragraph_styles() -> list[str]:
    """Every paragraph style of the template."""
    body_ppr = ppr(widows=True, before=BODY_BEFORE, after=BODY_AFTER, line=264)
    return [
        # Normal sets no font or size: the defaults hold them, so a table style's text
        # size applies inside tables in Word and LibreOffice alike.
        pstyle("Normal", "Normal", ppr(widows=True), rpr(), priority=0, default=True),
        pstyle("BodyText", "Body Text", body_ppr, rpr(SERIF, BODY), based_on="Normal", priority=1),
        pstyle(
            "Title",
            "Title",
            ppr(keep_next=True, keep_lines=True, before=240, after=80),
            rpr(SANS, 34, bold=True),
            based_on="Normal",
            next_style="Subtitle",
            priority=10,
        ),
        pstyle(
            "Subtitle",
            "Subtitle",
            ppr(keep_next=True, after=120),
            rpr(SANS, BODY),
            based_on="Normal",
            next_style="BodyText",
            priority=11,
        ),
        # Ranked by size: 15, 13 and 12 pt, all bold, none smaller than the body text.
        heading(1, 30, 360),
        heading(2, 26, 280),
        heading(3, BODY, 240),
        list_style("ListBullet", "List Bullet", 1, 0),
        list_style("ListBullet2", "List Bullet 2", 1, 1),
        list_style("ListBullet3", "List Bullet 3", 1, 2),
        list_style("ListNumber", "List Number", 2, 0),
        list_style("ListNumber2", "List Number 2", 2, 1),
        list_style("ListNumber3", "List Number 3", 2, 2),
        pstyle(
            "Beslutspunkt",
            "Beslutspunkt",
            ppr(num=(2, 0), before=60, after=100, line=264),
            rpr(SERIF, BODY),
            based_on="ListNumber",
            priority=20,
        ),
        pstyle(
            "Bilaga",
            "Bilaga",
            # Kept with the next item: the Bilagor list never splits over a page.
            ppr(keep_next=True, keep_lines=True, num=(2, 0), after=60, line=264),
            rpr(SERIF, BODY),
            based_on="ListNumber",
            priority=21,
        ),
        pstyle(
            "Underskrift",
            "Underskrift",
            ppr(keep_next=True, keep_lines=True, before=600),
            rpr(SERIF, BODY),
            based_on="Normal",
            next_style="Underskrifttitel",
            priority=22,
        ),
        pstyle(
            "Underskrifttitel",
            "Underskrift titel",
            ppr(keep_lines=True),
            rpr(SERIF, BODY, italic=True),
            based_on="Normal",
            next_style="Underskrift",
            priority=23,
        ),
        pstyle(
            "FootnoteText",
            "footnote text",
            ppr(after=40, line=240),
            rpr(SERIF, 19),
            based_on="Normal",
            priority=99,
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
            rpr(SANS, BODY, bold=True),
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
            priority=26,
        ),
        # The first page's facts (Dnr, datum, nämnd, handläggare) in the body: they look
        # as the header text does but are the document's content, read by screen readers.
        pstyle("Uppgift", "Uppgift", ppr(line=252), rpr(SANS, 19), based_on="Normal", priority=29),
        pstyle(
            "Uppgiftsrubrik",
            "Uppgift rubrik",
            ppr(after=40),
            rpr(SANS, BODY, bold=True),
            based_on="Uppgift",
            next_style="Uppgift",
            priority=30,
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


def character_styles() -> list[str]:
    """The default paragraph font and the character styles the exporter uses."""
    return [
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        cstyle("FootnoteReference", "footnote reference", rpr(superscript=True, lang=False)),
        cstyle("Hyperlink", "Hyperlink", rpr(color=LINK_BLUE, underline=True, lang=False)),
        cstyle(
            "FollowedHyperlink",
            "FollowedHyperlink",
            rpr(color="954F72", underline=True, lang=False),
        ),
    ]


def layout_table_style(style_id: str, name: str, *, bottom: int, border_top: bool) -> str:
    """A borderless layout table style for the facts, header and footer blocks."""
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


def content_table_style() -> str:
    """``Tabell``: a light grid, cell margins, the header row bold on a light shade.

    The header row look applies where the table says ``w:tblLook w:firstRow="1"``.
    """
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{GRID_GREY}"'
    borders = "".join(
        f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        '<w:style w:type="table" w:styleId="Tabell"><w:name w:val="Tabell"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="40"/><w:qFormat/>'
        + ppr(widows=True, after=0, line=240)
        + rpr(SERIF, 22)
        + f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
        '<w:tblStylePr w:type="firstRow">'
        + ppr(keep_next=True, after=0, line=240)
        + rpr(bold=True, lang=False)
        + "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_SHADE}"/></w:tcPr>'
        "</w:tblStylePr></w:style>"
    )


def table_styles() -> str:
    """The default table style, the content table style and the layout table styles."""
    return (
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        + content_table_style()
        + layout_table_style("Uppgiftstabell", "Uppgifter tabell", bottom=170, border_top=False)
        + layout_table_style("Sidhuvudtabell", "Sidhuvud tabell", bottom=0, border_top=False)
        + layout_table_style("Sidfottabell", "Sidfot tabell", bottom=0, border_top=True)
    )


def styles_xml() -> str:
    """styles.xml: every look of the document lives here."""
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr(SERIF, BODY)}</w:rPrDefault>"
        f"<w:pPrDefault>{ppr(widows=True)}</w:pPrDefault></w:docDefaults>"
    )
    numbering_style = (
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
    )
    return (
        f"{XML_DECL}<w:styles {NS}>{defaults}{''.join(paragraph_styles())}"
        f"{''.join(character_styles())}{numbering_style}{table_styles()}</w:styles>"
    )


# --- numbering ------------------------------------------------------------------------

# Bullets by level: a round bullet, an en dash, a small square.
BULLETS = ("\u2022", "\u2013", "\u25aa")
BULLET_STYLES = ("ListBullet", "ListBullet2", "ListBullet3")
# Numbers by level: 1. then a) then i)
NUMBERS = (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3)"))
NUMBER_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")


def _level(ilvl: int, fmt: str, text: str, style: str) -> str:
    left = LIST_INDENT * (ilvl + 1)
    font = (
        f'<w:rPr><w:rFonts w:ascii="{SERIF}" w:hAnsi="{SERIF}" w:hint="default"/></w:rPr>'
        if fmt == "bullet"
        else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{LIST_INDENT}"/></w:pPr>{font}</w:lvl>'
    )


def numbering_xml() -> str:
    """Two three-level lists: bullets (numId 1) and 1. a) i) (numId 2).

    Each level names its style (List Bullet, List Bullet 2, ...), and each of those
    styles points back at its level, as Word's own multilevel lists do.
    """
    bullets = "".join(
        _level(i, "bullet", BULLETS[i], BULLET_STYLES[i]) for i in range(len(BULLETS))
    )
    numbers = "".join(
        _level(i, fmt, text, NUMBER_STYLES[i]) for i, (fmt, text) in enumerate(NUMBERS)
    )
    return (
        f"{XML_DECL}<w:numbering {NS}>"
        '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5B3A1C01"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{bullets}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5B3A1C02"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{numbers}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )
