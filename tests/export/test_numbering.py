"""Tests for beslut.export.numbering: a new w:num per list, restarting at 1."""

from __future__ import annotations

from typing import Any

from docx.oxml.parser import parse_xml

from beslut.export.body import Role
from beslut.export.numbering import ListNumbering
from beslut.export.ooxml import VAL, W_NS, w
from beslut.export.styles import TemplateStyles

STYLES = (
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:styleId="LN"><w:name w:val="List Number"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="LB"><w:name w:val="List Bullet"/></w:style>'
    "</w:styles>"
)


def _numbering(inner: str) -> Any:
    return parse_xml(f'<w:numbering xmlns:w="{W_NS}">{inner}</w:numbering>')


def _nums(root: Any) -> dict[str, tuple[str, str | None]]:
    """numId -> (abstractNumId, startOverride or None)."""
    out = {}
    for num in root.iterfind(w("num")):
        start = num.find(f"{w('lvlOverride')}/{w('startOverride')}")
        out[num.get(w("numId"))] = (
            num.find(w("abstractNumId")).get(VAL),
            start.get(VAL) if start is not None else None,
        )
    return out


def test_every_numbered_list_is_a_new_instance_that_starts_at_one() -> None:
    root = _numbering(
        '<w:abstractNum w:abstractNumId="0"/><w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        "</w:num><w:numIdMacAtCleanup w:val='3'/>"
    )
    lists = ListNumbering(root, TemplateStyles(parse_xml(STYLES)), parse_xml)
    first, second = lists.new_list(Role.DECISION), lists.new_list(Role.ATTACHMENT)
    assert (first, second) == (4, 5)
    assert _nums(root) == {"3": ("0", None), "4": ("0", "1"), "5": ("0", "1")}
    assert [child.tag for child in root][-1] == w("numIdMacAtCleanup")


def test_without_numbering_in_the_style_a_definition_of_our_own_is_added() -> None:
    root = _numbering('<w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>')
    lists = ListNumbering(root, TemplateStyles(parse_xml(STYLES)), parse_xml)
    bullet = lists.new_list(Role.BULLET)
    assert lists.new_list(Role.BULLET) == bullet  # bullets need no restart
    # List Number points at numId 3, which does not exist here: a decimal list of our own.
    numbered = lists.new_list(Role.NUMBERED)
    tags = [child.tag for child in root]
    assert tags == [w("abstractNum")] * 2 + [w("num")] * 3  # schema order kept
    formats = {
        a.get(w("abstractNumId")): a.find(f"{w('lvl')}/{w('numFmt')}").get(VAL)
        for a in root.iterfind(w("abstractNum"))
    }
    nums = _nums(root)
    assert formats[nums[str(bullet)][0]] == "bullet"
    assert formats[nums[str(numbered)][0]] == "decimal"
    assert nums[str(numbered)][1] == "1"


def test_an_empty_numbering_part_gets_everything_it_needs() -> None:
    root = _numbering("")
    lists = ListNumbering(root, TemplateStyles(parse_xml(STYLES)), parse_xml)
    assert lists.new_list(Role.DECISION) == 1
    assert [child.tag for child in root] == [w("abstractNum"), w("num")]


def _levels(root: Any, abstract_id: str) -> dict[str, tuple[str, str, str]]:
    """ilvl -> (numFmt, lvlText, left indent) of one abstract definition."""
    abstract = next(a for a in root.iterfind(w("abstractNum")) if a.get(_ABSTRACT) == abstract_id)
    return {
        lvl.get(w("ilvl")): (
            lvl.find(w("numFmt")).get(VAL),
            lvl.find(w("lvlText")).get(VAL),
            lvl.find(f"{w('pPr')}/{w('ind')}").get(w("left")),
        )
        for lvl in abstract.iterfind(w("lvl"))
    }


_ABSTRACT = w("abstractNumId")
SINGLE_LEVEL = (
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="LN"/>'
    '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
)


def test_a_single_level_list_gets_a_multi_level_copy_for_list_levels() -> None:
    root = _numbering(SINGLE_LEVEL)
    lists = ListNumbering(root, TemplateStyles(parse_xml(STYLES)), parse_xml)
    first, second = lists.new_list(Role.NUMBERED), lists.new_list(Role.NUMBERED, start=4)
    nums = _nums(root)
    assert nums[str(first)] == (nums[str(second)][0], "1")
    assert nums[str(second)][1] == "4"
    copied = nums[str(first)][0]
    assert copied != "0"  # the template's own definition is left as it is
    assert _levels(root, copied) == {
        "0": ("decimal", "%1.", "360"),  # the template's look of level 0
        "1": ("lowerLetter", "%2)", "720"),
        "2": ("lowerRoman", "%3)", "1080"),
    }
    # The copy links no paragraph style: only the template's own list does.
    copy = next(a for a in root.iterfind(w("abstractNum")) if a.get(_ABSTRACT) == copied)
    assert copy.find(f"{w('lvl')}/{w('pStyle')}") is None
    # Decisions keep the template's definition itself, restarting at 1.
    decision = lists.new_list(Role.DECISION)
    assert _nums(root)[str(decision)] == ("0", "1")


def test_a_restart_on_a_deeper_level_overrides_that_level() -> None:
    root = _numbering(SINGLE_LEVEL)
    lists = ListNumbering(root, TemplateStyles(parse_xml(STYLES)), parse_xml)
    num_id = lists.new_list(Role.NUMBERED, start=3, level=1)
    num = next(n for n in root.iterfind(w("num")) if n.get(w("numId")) == str(num_id))
    override = num.find(w("lvlOverride"))
    assert override.get(w("ilvl")) == "1"
    assert override.find(w("startOverride")).get(VAL) == "3"


def test_a_template_list_with_every_level_is_used_as_it_is() -> None:
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        for n in range(9)
    )
    root = _numbering(
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    styles = STYLES.replace(
        'w:styleId="LB"><w:name w:val="List Bullet"/>',
        'w:styleId="LB">'
        '<w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr>',
    )
    lists = ListNumbering(root, TemplateStyles(parse_xml(styles)), parse_xml)
    assert lists.new_list(Role.BULLET) == 3
    assert len(root.findall(w("abstractNum"))) == 1
