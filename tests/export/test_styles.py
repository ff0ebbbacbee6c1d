"""Tests for beslut.export.styles: styles found by name, with fallbacks; Swedish proofing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.parser import parse_xml

from beslut.export.body import Role
from beslut.export.ooxml import VAL, W_NS, w
from beslut.export.styles import TemplateStyles, set_language

DEEPER = {Role.SUBSUBHEADING, Role.BULLET_2, Role.BULLET_3, Role.NUMBERED_2, Role.NUMBERED_3}


def _styles(inner: str) -> Any:
    return parse_xml(f'<w:styles xmlns:w="{W_NS}">{inner}</w:styles>')


def _pstyle(style_id: str, name: str, extra: str = "") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"{extra}</w:style>"
    )


def test_the_city_template_has_a_style_of_its_own_for_every_role(template: Path) -> None:
    ids = TemplateStyles(Document(str(template)).styles.element).ids()
    assert {role: ids[role] for role in ids if role not in DEEPER} == {
        Role.HEADING: "Heading1",
        Role.SUBHEADING: "Heading2",
        Role.PARAGRAPH: "BodyText",
        Role.BULLET: "ListBullet",
        Role.NUMBERED: "ListNumber",
        Role.DECISION: "Beslutspunkt",
        Role.ATTACHMENT: "Bilaga",
        Role.SIGNATURE: "Underskrift",
        Role.SIGNATURE_TITLE: "Underskrifttitel",
        Role.TITLE: "Title",
        Role.SUBTITLE: "Subtitle",
        Role.FACT: "Uppgift",
        Role.FACT_HEADING: "Uppgiftsrubrik",
    }
    # The deeper levels use the template's own level styles, else those of level 0.
    assert all(ids[role] for role in DEEPER)


def test_deeper_levels_fall_back_to_level_0_and_heading_3_to_heading_2() -> None:
    root = _styles(
        _pstyle("H2", "heading 2") + _pstyle("LB", "List Bullet") + _pstyle("LB2", "List Bullet 2")
    )
    styles = TemplateStyles(root)
    assert styles.style_id(Role.BULLET_2) == "LB2"
    assert styles.style_id(Role.BULLET_3) == "LB"
    assert styles.style_id(Role.SUBSUBHEADING) == "H2"
    assert styles.find("paragraph", "list bullet 2") == "LB2"
    assert styles.find("table", "List Bullet") is None


def test_missing_styles_fall_back_and_names_ignore_case() -> None:
    root = _styles(
        _pstyle("Normal", "Normal")
        + _pstyle("Rubrik1", "Heading 1")
        + _pstyle("Numrerad", "list number")
        + '<w:style w:type="character" w:styleId="Bilaga"><w:name w:val="Bilaga"/></w:style>'
    )
    styles = TemplateStyles(root)
    assert styles.style_id(Role.HEADING) == "Rubrik1"
    assert styles.style_id(Role.DECISION) == "Numrerad"
    assert styles.style_id(Role.ATTACHMENT) == "Numrerad"  # a character style is no match
    assert styles.style_id(Role.SIGNATURE) == "Normal"
    assert styles.style_id(Role.BULLET) is None


def test_numbering_is_found_through_based_on() -> None:
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>'
    root = _styles(
        _pstyle("A", "List Number", numbered)
        + _pstyle("B", "Beslutspunkt", '<w:basedOn w:val="A"/>')
        + _pstyle("C", "Loop", '<w:basedOn w:val="C"/>')
        + _pstyle("D", "Off", '<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>')
    )
    styles = TemplateStyles(root)
    assert styles.num_id("B") == 7
    assert styles.num_id("C") is None
    assert styles.num_id("D") is None
    assert styles.num_id("missing") is None


def test_set_language_on_defaults_and_styles_in_schema_order() -> None:
    root = _styles(
        _pstyle("A", "A", '<w:rPr><w:lang w:val="en-US"/></w:rPr>')
        + _pstyle("B", "B", "<w:rPr><w:b/></w:rPr>")
    )
    set_language(root, "sv-SE")
    default_lang = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    assert default_lang.get(VAL) == "sv-SE"
    assert root[0].tag == w("docDefaults")
    langs = [e.get(VAL) for e in root.iterfind(f"{w('style')}/{w('rPr')}/{w('lang')}")]
    assert langs == ["sv-SE"]  # B inherits from the defaults


def test_lang_goes_before_east_asian_layout() -> None:
    root = _styles(
        "<w:docDefaults><w:rPrDefault><w:rPr><w:eastAsianLayout/></w:rPr>"
        "</w:rPrDefault></w:docDefaults>"
    )
    set_language(root, "sv-SE")
    rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    assert [child.tag for child in rpr] == [w("lang"), w("eastAsianLayout")]
