"""Tests for beslut.export.fallback_styles: what a template lacks is added, nothing else."""

from __future__ import annotations

from typing import Any

from docx.oxml.parser import parse_xml
from tests.richdraft import rich_draft

from beslut.export.fallback_styles import Needs, ensure_styles
from beslut.export.ooxml import VAL, W_NS, w
from beslut.model import Block, BlockKind, Draft, Run, Section

ALL = Needs(heading_2=True, heading_3=True, notes=True, links=True, tables=True)


def _styles(inner: str) -> Any:
    return parse_xml(f'<w:styles xmlns:w="{W_NS}">{inner}</w:styles>')


def _style(kind: str, style_id: str, name: str, extra: str = "") -> str:
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{extra}</w:style>'
    )


def _names(root: Any) -> dict[tuple[str, str], str]:
    """(type, name) -> id of every style."""
    return {
        (s.get(w("type")), s.find(w("name")).get(VAL)): s.get(w("styleId"))
        for s in root.iterfind(w("style"))
    }


def test_what_the_draft_needs_is_read_from_its_content() -> None:
    assert Needs.of(rich_draft()) == ALL
    plain = Draft(sections=(Section("arendet", "Ä", (Block.plain(BlockKind.HEADING, "R"),)),))
    assert Needs.of(plain) == Needs(heading_2=True)
    cell = Block(BlockKind.TABLE, rows=(((Run("x", note="n"),),),))
    assert Needs.of(Draft(sections=(Section("a", "A", (cell,)),))) == Needs(notes=True, tables=True)


def test_missing_styles_are_added_with_free_ids_and_based_on_the_template() -> None:
    root = _styles(
        _style("paragraph", "Normal", "Normal")
        + _style("paragraph", "Rubrik2", "heading 2")
        + _style("paragraph", "Heading3", "Något annat")  # the usual id is taken
        + _style("character", "DefaultParagraphFont", "Default Paragraph Font")
    )
    ensure_styles(root, ALL, parse_xml)
    names = _names(root)
    assert names[("paragraph", "heading 3")] == "Heading32"
    assert names[("paragraph", "footnote text")] == "FootnoteText"
    assert names[("character", "footnote reference")] == "FootnoteReference"
    assert names[("character", "Hyperlink")] == "Hyperlink"
    assert names[("table", "Tabell")] == "Tabell"
    heading = root.find(f"{w('style')}[@{w('styleId')}='Heading32']")
    assert heading.find(w("basedOn")).get(VAL) == "Rubrik2"
    assert heading.find(f"{w('pPr')}/{w('outlineLvl')}").get(VAL) == "2"
    table = root.find(f"{w('style')}[@{w('styleId')}='Tabell']")
    assert table.find(w("tblStylePr")).get(w("type")) == "firstRow"
    reference = root.find(f"{w('style')}[@{w('styleId')}='FootnoteReference']")
    assert reference.find(f"{w('rPr')}/{w('vertAlign')}").get(VAL) == "superscript"


def test_the_templates_own_styles_are_kept_and_nothing_unneeded_is_added() -> None:
    own = (
        _style("paragraph", "H3", "heading 3")
        + _style("table", "TG", "Table Grid")
        + _style("character", "L", "hyperlink")
    )
    root = _styles(own)
    ensure_styles(root, ALL, parse_xml)
    names = _names(root)
    assert names[("paragraph", "heading 3")] == "H3"
    assert ("table", "Tabell") not in names
    assert ("character", "Hyperlink") not in names
    assert len(names) == 6  # only heading 2 and the footnote styles were added
    assert ("paragraph", "heading 2") in names
    bare = _styles(_style("paragraph", "Normal", "Normal"))
    ensure_styles(bare, Needs(), parse_xml)
    assert len(_names(bare)) == 1


def test_headings_keep_with_next_unless_their_style_already_does() -> None:
    root = _styles(
        _style("paragraph", "H1", "heading 1", "<w:pPr><w:keepNext/></w:pPr>")
        + _style("paragraph", "H2", "heading 2", '<w:basedOn w:val="H1"/><w:rPr><w:b/></w:rPr>')
        + _style("paragraph", "H3", "heading 3", '<w:pPr><w:keepNext w:val="0"/></w:pPr>')
    )
    ensure_styles(root, Needs(), parse_xml)
    h1, h2, h3 = root.iterfind(w("style"))
    assert len(h1.findall(f"{w('pPr')}/{w('keepNext')}")) == 1
    assert h2.find(w("pPr")) is None  # inherits it from heading 1
    keeps = h3.findall(f"{w('pPr')}/{w('keepNext')}")
    assert [k.get(VAL) for k in keeps] == [None]  # switched on
    bare = _styles(_style("paragraph", "H", "heading 1", "<w:rPr><w:b/></w:rPr>"))
    ensure_styles(bare, Needs(), parse_xml)
    heading = bare.find(w("style"))
    assert [child.tag for child in heading][-2:] == [w("pPr"), w("rPr")]
    assert heading.find(f"{w('pPr')}/{w('keepNext')}") is not None
