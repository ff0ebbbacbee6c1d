"""The city template's styles: every name the exporter looks up is there and looks right
for a Stockholm TU (read from stadsmall.docx with python-docx and lxml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document

from beslut.export.ooxml import VAL, w


@pytest.fixture(scope="module")
def styles(template: Path) -> dict[str, Any]:
    """The template's styles by name, as (type, element)."""
    root = Document(str(template)).styles.element
    found: dict[str, Any] = {}
    for style in root.iter(w("style")):
        name = style.find(w("name")).get(VAL)
        found[name] = style
    found["<defaults>"] = root.find(w("docDefaults"))
    return found


def _get(styles: dict[str, Any], name: str) -> Any:
    """Style ``name``, following basedOn, as a list from the style to its root."""
    by_id = {s.get(w("styleId")): s for k, s in styles.items() if k != "<defaults>"}
    chain, style = [], styles[name]
    while style is not None:
        chain.append(style)
        based = style.find(w("basedOn"))
        style = by_id.get(based.get(VAL)) if based is not None else None
    return chain


def _prop(styles: dict[str, Any], name: str, path: str) -> Any:
    """The first element at ``path`` (e.g. 'rPr/sz') in the style or a style it is based on."""
    xpath = "/".join(w(part) for part in path.split("/"))
    for style in _get(styles, name):
        found = style.find(xpath)
        if found is not None:
            return found
    return None


def _size(styles: dict[str, Any], name: str) -> float:
    found = _prop(styles, name, "rPr/sz")
    if found is None:
        found = styles["<defaults>"].find(f"{w('rPrDefault')}/{w('rPr')}/{w('sz')}")
    return int(found.get(VAL)) / 2


EXPECTED = {
    "paragraph": (
        "Normal",
        "Body Text",
        "Title",
        "Subtitle",
        "heading 1",
        "heading 2",
        "heading 3",
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
        "Beslutspunkt",
        "Bilaga",
        "Underskrift",
        "Underskrift titel",
        "footnote text",
        "Uppgift",
        "Uppgift rubrik",
    ),
    "character": ("footnote reference", "Hyperlink"),
    "table": ("Tabell", "Uppgifter tabell"),
}


def test_every_style_the_exporter_names_is_there(styles: dict[str, Any]) -> None:
    for kind, names in EXPECTED.items():
        for name in names:
            assert name in styles, name
            assert styles[name].get(w("type")) == kind, name


def test_headings_are_ranked_and_never_smaller_than_the_body(styles: dict[str, Any]) -> None:
    body = _size(styles, "Body Text")
    assert body == 12
    sizes = [_size(styles, f"heading {n}") for n in (1, 2, 3)]
    assert _size(styles, "Title") > sizes[0] > sizes[1] > sizes[2] >= body
    assert sizes[1] >= 13
    for n in (1, 2, 3):
        assert _prop(styles, f"heading {n}", "rPr/b") is not None
        assert _prop(styles, f"heading {n}", "pPr/outlineLvl").get(VAL) == str(n - 1)


def test_every_heading_keeps_with_the_next_paragraph(styles: dict[str, Any]) -> None:
    for name in ("Title", "Subtitle", "heading 1", "heading 2", "heading 3", "Underskrift"):
        assert _prop(styles, name, "pPr/keepNext") is not None, name


def test_body_styles_have_widow_and_orphan_control(styles: dict[str, Any]) -> None:
    defaults = styles["<defaults>"].find(f"{w('pPrDefault')}/{w('pPr')}/{w('widowControl')}")
    assert defaults is not None and defaults.get(VAL) in (None, "1", "true", "on")
    for name in ("Normal", "Body Text", "List Bullet 2", "List Number 3", "Beslutspunkt"):
        control = _prop(styles, name, "pPr/widowControl")
        assert control is not None and control.get(VAL) in (None, "1", "true", "on"), name


def test_list_levels_share_one_list_and_indent_further(styles: dict[str, Any]) -> None:
    for base in ("List Bullet", "List Number"):
        names = [base, f"{base} 2", f"{base} 3"]
        nums = [_prop(styles, n, "pPr/numPr") for n in names]
        assert len({n.find(w("numId")).get(VAL) for n in nums}) == 1, base
        assert [n.find(w("ilvl")).get(VAL) for n in nums] == ["0", "1", "2"]
        indents = [int(_prop(styles, n, "pPr/ind").get(w("left"))) for n in names]
        assert indents == sorted(indents) and len(set(indents)) == 3


def test_the_table_style_has_a_grid_margins_and_a_shaded_bold_header_row(
    styles: dict[str, Any],
) -> None:
    table = styles["Tabell"]
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    sides = {b.tag.split("}")[1]: b.get(VAL) for b in borders}
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    assert sides == dict.fromkeys(edges, "single")
    margins = table.find(f"{w('tblPr')}/{w('tblCellMar')}")
    assert all(int(m.get(w("w"))) > 0 for m in margins)
    (first,) = [s for s in table.iter(w("tblStylePr")) if s.get(w("type")) == "firstRow"]
    assert first.find(f"{w('rPr')}/{w('b')}") is not None
    fill = first.find(f"{w('tcPr')}/{w('shd')}").get(w("fill"))
    assert fill not in (None, "auto", "FFFFFF") and int(fill[:2], 16) > 0xC0  # light


def test_notes_and_links(styles: dict[str, Any]) -> None:
    assert 9 <= _size(styles, "footnote text") <= 10
    ref = styles["footnote reference"].find(f"{w('rPr')}/{w('vertAlign')}")
    assert ref.get(VAL) == "superscript"
    link = styles["Hyperlink"].find(w("rPr"))
    assert link.find(w("u")).get(VAL) == "single"
    colour = link.find(w("color")).get(VAL)
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    assert blue > 0x99 and blue > red and blue > green
