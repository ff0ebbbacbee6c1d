"""Tests for beslut.export.body: order, styles only, lists that restart, no empty paragraphs."""

from __future__ import annotations

import dataclasses
from typing import Any

from docx.oxml.parser import parse_xml

from beslut.doctypes import load_doctype
from beslut.export.body import Role, content_xml, ordered_sections
from beslut.export.ooxml import VAL, W_NS, w
from beslut.model import Attachment, Block, BlockKind, Draft, Run, Section, Signatory

STYLES = {role: f"S-{role.value}" for role in Role}


class Lists:
    """Hands out numIds in order and remembers which role asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[Role, int | None, int]] = []

    def new_list(self, role: Role, start: int | None = None, level: int = 0) -> int | None:
        self.asked.append((role, start, level))
        return len(self.asked)


def _render(draft: Draft, lists: Lists | None = None) -> list[Any]:
    xml = content_xml(draft, load_doctype("beslutsarende"), STYLES, lists or Lists())
    return list(parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>'))


def _summary(paragraphs: list[Any]) -> list[tuple[str, str, str | None]]:
    """(style, text, numId) of each paragraph."""
    out = []
    for p in paragraphs:
        style = p.find(f"{w('pPr')}/{w('pStyle')}").get(VAL)
        num = p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        text = "".join(t.text for t in p.iter(w("t")))
        out.append((style.removeprefix("S-"), text, num.get(VAL) if num is not None else None))
    return out


def test_known_parts_follow_the_type_own_parts_keep_their_place_and_headings() -> None:
    draft = Draft(
        sections=(
            Section("okand", "Egen rubrik", (Block.plain("paragraph", "Extra."),)),
            Section("bakgrund", "Min bakgrund", (Block.plain("paragraph", "B."),)),
            Section("sammanfattning", "Sammanf.", (Block.plain("paragraph", "S."),)),
            Section("arendet", "Ärendet", (Block.plain("paragraph", "  \n "),)),
        )
    )
    ordered = ordered_sections(draft, load_doctype("beslutsarende"))
    assert [(heading, s.key) for heading, s in ordered] == [
        ("Egen rubrik", "okand"),
        ("Sammanf.", "sammanfattning"),
        ("Min bakgrund", "bakgrund"),
    ]


def test_the_whole_order_of_a_tu() -> None:
    draft = Draft(
        decisions=("Nämnden beslutar.", "  ", "Beslutet justeras omedelbart."),
        sections=(
            Section("sammanfattning", "Sammanfattning", (Block.plain("paragraph", "Kort."),)),
        ),
        attachments=(Attachment("Kostnader"), Attachment("Schema")),
        signatories=(Signatory("Anders Holm", "Förvaltningschef"), Signatory("Maria Berg")),
    )
    lists = Lists()
    assert _summary(_render(draft, lists)) == [
        ("heading", "Förvaltningens förslag till beslut", None),
        ("decision", "Nämnden beslutar.", "1"),
        ("decision", "Beslutet justeras omedelbart.", "1"),
        ("signature", "Anders Holm", None),
        ("signature_title", "Förvaltningschef", None),
        ("signature", "Maria Berg", None),
        ("heading", "Sammanfattning", None),
        ("paragraph", "Kort.", None),
        ("heading", "Bilagor", None),
        ("attachment", "Kostnader", "2"),
        ("attachment", "Schema", "2"),
    ]
    assert [role for role, _, _ in lists.asked] == [Role.DECISION, Role.ATTACHMENT]


def test_numbered_items_continue_across_paragraphs_and_restart_where_asked() -> None:
    numbered = [Block.plain(BlockKind.NUMBERED, f"Punkt {n}.") for n in range(4)]
    blocks = (
        numbered[0],
        numbered[1],
        Block.plain(BlockKind.PARAGRAPH, "Mellan."),
        numbered[2],
        Block.plain(BlockKind.BULLET, "a"),
        Block.plain(BlockKind.BULLET, "b"),
        Block.plain(BlockKind.HEADING, "Mellanrubrik"),
        Block(BlockKind.NUMBERED, (Run("Om igen."),), start=3),
        numbered[3],
    )
    draft = Draft(
        sections=(
            Section("arendet", "", blocks),
            Section("synpunkter", "S", (numbered[0],)),  # a part starts its own list
        )
    )
    lists = Lists()
    summary = _summary(_render(draft, lists))
    assert [(role, num) for role, _, num in summary] == [
        ("heading", None),
        ("numbered", "1"),
        ("numbered", "1"),
        ("paragraph", None),
        ("numbered", "1"),
        ("bullet", "2"),
        ("bullet", "2"),
        ("subheading", None),
        ("numbered", "3"),
        ("numbered", "3"),
        ("heading", None),
        ("numbered", "4"),
    ]
    assert lists.asked == [
        (Role.NUMBERED, None, 0),
        (Role.BULLET, None, 0),
        (Role.NUMBERED, 3, 0),
        (Role.NUMBERED, None, 0),
    ]


def test_only_bold_and_italic_are_direct_formatting() -> None:
    block = Block(
        BlockKind.PARAGRAPH,
        (Run("vanlig "), Run("fet", bold=True), Run("kursiv", italic=True), Run("")),
    )
    paragraphs = _render(Draft(sections=(Section("arendet", "", (block,)),)))
    runs = paragraphs[1].findall(w("r"))
    marks = [[child.tag.split("}")[1] for child in r.iterfind(f"{w('rPr')}/*")] for r in runs]
    assert marks == [[], ["b", "bCs"], ["i", "iCs"]]
    for p in paragraphs:
        assert {child.tag for child in p.find(w("pPr"))} <= {w("pStyle"), w("numPr")}


def test_text_is_escaped_and_keeps_breaks_tabs_and_spaces() -> None:
    text = "  a & b < c > d\nrad två\tflik  "
    paragraphs = _render(Draft(decisions=(text,)))
    decision = paragraphs[1]
    assert [c.tag.split("}")[1] for c in decision.find(w("r"))] == ["t", "br", "t", "tab", "t"]
    assert "".join(t.text for t in decision.iter(w("t"))) == "a & b < c > drad tvåflik"


def test_no_empty_paragraphs_even_from_empty_parts() -> None:
    draft = Draft(
        decisions=("",),
        sections=(Section("", "", (Block.plain("paragraph", "Text utan rubrik."),)),),
        attachments=(Attachment(""),),
        signatories=(Signatory(""),),
    )
    paragraphs = _render(draft)
    assert [text for _, text, _ in _summary(paragraphs)] == ["Text utan rubrik."]


def test_a_style_the_template_lacks_gives_no_style_element() -> None:
    styles: dict[Role, str | None] = {**STYLES, Role.PARAGRAPH: None}
    draft = Draft(sections=(Section("arendet", "", (Block.plain("paragraph", "x"),)),))
    xml = content_xml(draft, load_doctype("beslutsarende"), styles, Lists())
    body = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    assert body[1].find(w("pPr")) is None


def test_signatory_with_only_a_title_still_gets_the_signature_space() -> None:
    draft = dataclasses.replace(Draft(), signatories=(Signatory("", "Förvaltningschef"),))
    assert _summary(_render(draft)) == [("signature", "Förvaltningschef", None)]


def test_levels_headings_tables_and_lead_in_lines() -> None:
    blocks = (
        Block.plain(BlockKind.PARAGRAPH, "Hinder som framkommit:"),
        Block(BlockKind.BULLET, (Run("a"),), level=0),
        Block(BlockKind.BULLET, (Run("b"),), level=1),
        Block(BlockKind.NUMBERED, (Run("c"),), level=2),
        Block(BlockKind.HEADING, (Run("Under"),), level=1),
        Block(BlockKind.HEADING, (Run("Underunder"),), level=2),
        Block.plain(BlockKind.PARAGRAPH, "Kostnader:"),
        Block.table([["Post", "Kr"], ["A", "1"]]),
        Block.plain(BlockKind.PARAGRAPH, "Slutsats:"),  # ends the part: nothing to keep with
    )
    children = _render(Draft(sections=(Section("arendet", "Ärendet", blocks),)))
    assert [child.tag for child in children].count(w("tbl")) == 1
    paragraphs = [c for c in children if c.tag == w("p")]
    summary = _summary(paragraphs)
    assert [(role, text) for role, text, _ in summary][1:] == [
        ("paragraph", "Hinder som framkommit:"),
        ("bullet", "a"),
        ("bullet_2", "b"),
        ("numbered_3", "c"),
        ("subheading", "Under"),
        ("subsubheading", "Underunder"),
        ("paragraph", "Kostnader:"),
        ("paragraph", "Slutsats:"),
    ]
    levels = [p.find(f"{w('pPr')}/{w('numPr')}/{w('ilvl')}") for p in paragraphs]
    assert [lvl.get(VAL) for lvl in levels if lvl is not None] == ["0", "1", "2"]
    keeps = [p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in paragraphs]
    assert [text for (_, text, _), keep in zip(summary, keeps, strict=True) if keep] == [
        "Hinder som framkommit:",
        "Kostnader:",
    ]
