"""Styles the body needs that an organisation's template may lack, added to styles.xml.

Only what the draft uses is added, and only when the template has no style of that name:
"heading 2", "heading 3", "footnote text", "footnote reference", "Hyperlink", a table style
("Tabell"; a template's own "Tabell" or "Table Grid" is used as it is). The definitions
are minimal, so a template that has its own keeps its look. Headings also get
keep-with-next when the template's heading styles do not keep with the next paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from beslut.export.ooxml import VAL, W_NS, Element, w
from beslut.export.runs import is_safe_link
from beslut.model.draft import BlockKind, Draft

TABLE_STYLE_NAMES = ("Tabell", "Table Grid")
HEADING_NAMES = ("heading 1", "heading 2", "heading 3")

_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
_BORDERS = "".join(
    _BORDER.format(side=side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


@dataclass(frozen=True, slots=True)
class Needs:
    """What a draft's text holds that needs a style beyond the paragraph roles."""

    heading_2: bool = False
    heading_3: bool = False
    notes: bool = False
    links: bool = False
    tables: bool = False

    @classmethod
    def of(cls, draft: Draft) -> Needs:
        blocks = [block for section in draft.sections for block in section.blocks]
        runs = [run for block in blocks for run in block.all_runs]
        return cls(
            heading_2=any(b.kind is BlockKind.HEADING and b.level == 1 for b in blocks),
            heading_3=any(b.kind is BlockKind.HEADING and b.level == 2 for b in blocks),
            notes=any(run.note.strip() for run in runs),
            links=any(is_safe_link(run.link) for run in runs),
            tables=any(b.kind is BlockKind.TABLE for b in blocks),
        )


def ensure_styles(root: Element, needs: Needs, parse: Callable[[str], Element]) -> None:
    """Add to the w:styles ``root`` each style ``needs`` asks for that it lacks."""
    styles = _Index(root)
    for name in HEADING_NAMES:
        _keep_with_next(styles, styles.get("paragraph", name))
    wanted: list[tuple[str, tuple[str, ...], Callable[[_Index], str]]] = []
    if needs.heading_2:
        wanted.append(("paragraph", ("heading 2",), _heading_2))
    if needs.heading_3:
        wanted.append(("paragraph", ("heading 3",), _heading_3))
    if needs.notes:
        wanted.append(("paragraph", ("footnote text",), _note_text))
        wanted.append(("character", ("footnote reference",), _note_reference))
    if needs.links:
        wanted.append(("character", ("Hyperlink",), _hyperlink))
    if needs.tables:
        wanted.append(("table", TABLE_STYLE_NAMES, _table))
    for kind, names, make in wanted:
        if not any(styles.get(kind, name) is not None for name in names):
            element = parse(make(styles))
            root.append(element)
            styles.add(element)


class _Index:
    """Styles by (type, lower-case name) and by id, kept up to date as styles are added."""

    def __init__(self, root: Element) -> None:
        self.by_name: dict[tuple[str, str], Element] = {}
        self.by_id: dict[str, Element] = {}
        for style in root.iterchildren(w("style")):
            self.add(style)

    def add(self, style: Element) -> None:
        name = style.find(w("name"))
        style_id = style.get(w("styleId")) or ""
        key = (name.get(VAL) if name is not None else None) or style_id
        self.by_name.setdefault((style.get(w("type")) or "", key.lower()), style)
        self.by_id.setdefault(style_id, style)

    def get(self, kind: str, name: str) -> Element | None:
        return self.by_name.get((kind, name.lower()))

    def id_of(self, kind: str, *names: str) -> str | None:
        for name in names:
            style = self.get(kind, name)
            if style is not None:
                return str(style.get(w("styleId")))
        return None

    def free_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted`` with a number when another style has that id."""
        candidate, number = wanted, 1
        while candidate in self.by_id:
            number += 1
            candidate = f"{wanted}{number}"
        return candidate

    def chain(self, style: Element) -> Iterable[Element]:
        """``style`` and the styles it is based on, nearest first."""
        seen: set[int] = set()
        current: Element | None = style
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            yield current
            based = current.find(w("basedOn"))
            current = self.by_id.get(based.get(VAL, "")) if based is not None else None


def _keep_with_next(styles: _Index, style: Element | None) -> None:
    if style is None:
        return
    for link in styles.chain(style):
        ppr = link.find(w("pPr"))
        keep = ppr.find(w("keepNext")) if ppr is not None else None
        if keep is None:
            continue
        if keep.get(VAL, "true") not in ("0", "false", "off"):
            return
        if link is style:  # switched off in the style itself: switch it on
            keep.attrib.pop(VAL)
            return
        break  # switched off in a style it is based on: switch it on in this one
    ppr = style.find(w("pPr"))
    if ppr is None:
        ppr = style.makeelement(w("pPr"), {})
        later = next((c for c in style if c.tag in (w("rPr"), w("tblPr"), w("trPr"))), None)
        if later is None:
            style.append(ppr)
        else:
            later.addprevious(ppr)
    keep = ppr.makeelement(w("keepNext"), {})
    style_ref = ppr.find(w("pStyle"))
    if style_ref is None:
        ppr.insert(0, keep)
    else:
        style_ref.addnext(keep)


def _style(kind: str, style_id: str, name: str, inner: str, *, custom: bool = False) -> str:
    extra = ' w:customStyle="1"' if custom else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="{kind}"{extra} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{inner}</w:style>'
    )


def _based(styles: _Index, kind: str, *names: str) -> str:
    based = styles.id_of(kind, *names)
    return f'<w:basedOn w:val="{based}"/>' if based else ""


def _heading_2(styles: _Index) -> str:
    """Bold, as large as the body text; keeps with the next paragraph."""
    body = styles.id_of("paragraph", "Body Text", "Normal")
    inner = (
        _based(styles, "paragraph", "Normal")
        + (f'<w:next w:val="{body}"/>' if body else "")
        + '<w:uiPriority w:val="9"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="60"/>'
        '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>'
    )
    return _style("paragraph", styles.free_id("Heading2"), "heading 2", inner)


def _heading_3(styles: _Index) -> str:
    """Based on heading 2, set apart from it by italics; keeps with the next paragraph."""
    body = styles.id_of("paragraph", "Body Text", "Normal")
    inner = (
        _based(styles, "paragraph", "heading 2", "Normal")
        + (f'<w:next w:val="{body}"/>' if body else "")
        + '<w:uiPriority w:val="9"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="40"/>'
        '<w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>'
    )
    return _style("paragraph", styles.free_id("Heading3"), "heading 3", inner)


def _note_text(styles: _Index) -> str:
    inner = (
        _based(styles, "paragraph", "Normal") + '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
    )
    return _style("paragraph", styles.free_id("FootnoteText"), "footnote text", inner)


def _note_reference(styles: _Index) -> str:
    inner = (
        _based(styles, "character", "Default Paragraph Font")
        + '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    )
    return _style("character", styles.free_id("FootnoteReference"), "footnote reference", inner)


def _hyperlink(styles: _Index) -> str:
    inner = (
        _based(styles, "character", "Default Paragraph Font")
        + '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
    )
    return _style("character", styles.free_id("Hyperlink"), "Hyperlink", inner)


def _table(styles: _Index) -> str:
    """Thin borders all round; the header row (firstRow) bold on a light grey and kept
    with the row after it (the table's rows themselves say they repeat: w:tblHeader)."""
    inner = (
        _based(styles, "table", "Normal Table") + '<w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblCellMar>"
        '<w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr>'
    )
    return _style("table", styles.free_id("Tabell"), "Tabell", inner, custom=True)
