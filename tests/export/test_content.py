"""Tests for beslut.export.content: the rich draft in a .docx, read back with python-docx
and from the package's own parts (footnotes, relationships, content types, styles)."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.parser import parse_xml
from tests.export.baretemplate import FOOTNOTES, bare_template
from tests.richdraft import rich_draft

from beslut.export.content import text_width
from beslut.export.document import render_docx
from beslut.export.ooxml import R_NS, VAL, W_NS, w
from beslut.model import Block, BlockKind, Run, Section

_W = f'xmlns:w="{W_NS}"'
_DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            n: archive.read(n).decode()
            for n in archive.namelist()
            if n.endswith("rels") or n.endswith(".xml")
        }


def _footnotes(parts: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    """id -> (type, text) of every footnote."""
    root = parse_xml(parts[FOOTNOTES].encode())
    return {
        n.get(w("id")): (n.get(w("type")), "".join(t.text for t in n.iter(w("t"))))
        for n in root.iterfind(w("footnote"))
    }


def _num(paragraph: Any) -> tuple[int, int]:
    """(ilvl, numId) of a list paragraph, (-1, -1) for another."""
    num = paragraph.find(f"{w('pPr')}/{w('numPr')}")
    if num is None:
        return -1, -1
    return int(num.find(w("ilvl")).get(VAL)), int(num.find(w("numId")).get(VAL))


def test_python_docx_reads_back_tables_headings_lists_links_and_notes() -> None:
    data = render_docx(rich_draft())
    document = Document(io.BytesIO(data))
    body = [p for p in document.paragraphs]
    styles = {p.text: p.style.name for p in body if p.style is not None}
    assert styles["Badets skick"] == "Heading 2"
    assert styles["Tidigare utredningar"] == "Heading 3"
    assert styles["resten 2028"] in ("List Bullet 3", "List Bullet")
    bullet = next(p for p in body if p.text == "resten 2028")
    assert _num(bullet._p) == (2, _num(bullet._p)[1])
    # The rich draft's table is the body's only table after the first page's layout table.
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Åtgärd")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Åtgärd", "Kostnad (mnkr)"],
        ["Ventilation", "4,5"],
        ["Kakel", "2,1"],
    ]
    assert table.style is not None and table.style.name in ("Tabell", "Table Grid")
    header: Any = table.rows[0]._tr.trPr
    assert header.find(w("tblHeader")) is not None and header.find(w("cantSplit")) is not None
    link = next(p for p in body if p.text.startswith("Se "))
    assert link.text == "Se stadens anläggningsplan för helheten."
    (hyperlink,) = link.hyperlinks
    assert hyperlink.url == "https://start.stockholm/plan"
    assert hyperlink.runs[0].style.name == "Hyperlink"
    parts = _parts(data)
    assert _footnotes(parts)["1"] == (None, " Enligt statusbesiktningen från 2026.")


def test_continued_and_restarted_numbering_in_the_package() -> None:
    document = Document(io.BytesIO(render_docx(rich_draft())))
    by_text = {p.text: _num(p._p) for p in document.paragraphs}
    continued = [
        by_text[t][1]
        for t in (
            "Ventilationen är uttjänt.",
            "Bassängens kakel lossnar.",
            "Omklädningsrummen saknar tillgänglighet.",
        )
    ]
    assert len(set(continued)) == 1  # one list across the paragraph between
    restarted = by_text["Ett nytt varv av punkter."][1]
    assert restarted != continued[0]
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iterfind(w("num")) if n.get(w("numId")) == str(restarted))
    assert num.find(f"{w('lvlOverride')}/{w('startOverride')}").get(VAL) == "1"
    lead_in = next(p for p in document.paragraphs if p.text == "Besiktningen fann tre brister:")
    assert lead_in.paragraph_format.keep_with_next
    other = next(p for p in document.paragraphs if p.text.startswith("Se "))
    assert not other.paragraph_format.keep_with_next


def test_the_bilagor_list_keeps_together_with_its_heading() -> None:
    draft = dataclasses.replace(
        rich_draft(),
        attachments=tuple(
            dataclasses.replace(rich_draft().attachments[0], title=f"Bilaga {n}") for n in range(3)
        ),
    )
    paragraphs = Document(io.BytesIO(render_docx(draft))).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Bilagor")
    keeps = [p.paragraph_format.keep_with_next for p in paragraphs[start:]]
    assert [p.text for p in paragraphs[start:]] == ["Bilagor", "Bilaga 0", "Bilaga 1", "Bilaga 2"]
    assert keeps == [True, True, True, None]


def test_a_bare_template_gets_every_style_part_and_relationship_it_needs(tmp_path: Path) -> None:
    template = bare_template(tmp_path)
    data = render_docx(rich_draft(), template=template)
    parts = _parts(data)
    styles = parse_xml(parts["word/styles.xml"].encode())
    names = {(s.get(w("type")), s.find(w("name")).get(VAL)) for s in styles.iterfind(w("style"))}
    assert {
        ("paragraph", "heading 2"),
        ("paragraph", "heading 3"),
        ("paragraph", "footnote text"),
        ("character", "footnote reference"),
        ("character", "Hyperlink"),
        ("table", "Tabell"),
    } <= names
    notes = _footnotes(parts)
    assert notes["-1"][0] == "separator" and notes["0"][0] == "continuationSeparator"
    assert notes["1"] == (None, " Enligt statusbesiktningen från 2026.")
    assert f"{_DOC_TYPE}.footnotes+xml" in parts["[Content_Types].xml"]
    rels = parts["word/_rels/document.xml.rels"]
    assert re.search(r'relationships/footnotes" Target="footnotes.xml"', rels)
    link = re.search(
        r'<Relationship Id="(\w+)" Type="[^"]+/hyperlink" Target="([^"]+)" '
        r'TargetMode="External"',
        rels,
    )
    assert link is not None and link.group(2) == "https://start.stockholm/plan"
    assert f'r:id="{link.group(1)}"' in parts["word/document.xml"]
    assert 'w:footnoteReference w:id="1"' in parts["word/document.xml"]
    assert "<w:footnotePr>" in parts["word/settings.xml"]
    document = Document(io.BytesIO(data))
    table = document.tables[0]
    assert table.style is not None and table.style.name == "Tabell"
    grid = table._tbl.tblGrid.findall(w("gridCol"))
    widths = [int(col.get(w("w"))) for col in grid]
    assert sum(widths) == 10000  # the page's 11906 less its margins, 1000 and 906
    assert widths[0] < widths[1]  # "Kostnad (mnkr)" is the longer


def test_notes_go_after_those_the_template_has(tmp_path: Path) -> None:
    data = render_docx(rich_draft(), template=bare_template(tmp_path, footnotes=True))
    parts = _parts(data)
    notes = _footnotes(parts)
    assert notes["1"] == (None, "Mallens egen.")
    assert notes["2"] == (None, " Enligt statusbesiktningen från 2026.")
    assert 'w:footnoteReference w:id="2"' in parts["word/document.xml"]
    assert parts["word/_rels/document.xml.rels"].count("relationships/footnotes") == 1


def test_a_draft_without_notes_or_links_adds_no_part() -> None:
    section = Section("arendet", "Ärendet", (Block(BlockKind.PARAGRAPH, (Run("Text."),)),))
    parts = _parts(render_docx(dataclasses.replace(rich_draft(), sections=(section,))))
    assert FOOTNOTES not in parts
    assert "/hyperlink" not in parts["word/_rels/document.xml.rels"]


def test_text_width_falls_back_without_page_size() -> None:
    body: Any = parse_xml(f"<w:body {_W}/>")
    assert text_width(body) == 9072
    assert R_NS.endswith("relationships")
