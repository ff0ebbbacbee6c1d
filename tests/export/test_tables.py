"""Tests for beslut.export.tables: style, full width, repeating header rows, rows that keep."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.parser import parse_xml
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from tests.richdraft import rich_draft

from beslut.export.document import render_docx
from beslut.export.ooxml import VAL, W_NS, w
from beslut.export.runs import Inline
from beslut.export.tables import column_widths, table_xml
from beslut.model import Block, BlockKind, Run


def _table(block: Block, **options: Any) -> Any:
    return parse_xml(f'<w:body xmlns:w="{W_NS}">{table_xml(block, **options)}</w:body>')[0]


def test_header_rows_repeat_every_row_keeps_together_and_the_style_is_set() -> None:
    block = Block.table([["Åtgärd", "Kostnad"], ["Ventilation", "4,5"], ["Kakel", "2,1"]])
    table = _table(block, style_id="Tabell", text_width=9000)
    props = table.find(w("tblPr"))
    assert props.find(w("tblStyle")).get(VAL) == "Tabell"
    width = props.find(w("tblW"))
    assert (width.get(w("w")), width.get(w("type"))) == ("5000", "pct")
    assert props.find(w("tblLook")).get(w("firstRow")) == "1"
    widths = [int(col.get(w("w"))) for col in table.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
    assert sum(widths) == 9000 and widths[0] > widths[1]  # "Ventilation" is the longer
    cells = [int(tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) for tc in table.iter(w("tc"))]
    assert cells == widths * 3
    rows = table.findall(w("tr"))
    assert [row.find(f"{w('trPr')}/{w('tblHeader')}") is not None for row in rows] == [
        True,
        False,
        False,
    ]
    assert all(row.find(f"{w('trPr')}/{w('cantSplit')}") is not None for row in rows)
    # No direct formatting: only the header row's paragraphs keep with the next row.
    properties = [[list(p.iter(w("pPr"))) for p in row.iter(w("p"))] for row in rows]
    assert [[child.tag for ppr in cell for child in ppr] for cell in properties[0]] == [
        [w("keepNext")],
        [w("keepNext")],
    ]
    assert not any(ppr for row in properties[1:] for ppr in row)
    assert not list(table.iter(w("rPr")))


def test_two_header_rows_none_without_and_short_rows_filled_up() -> None:
    block = Block.table([["A", "B", "C"], ["a"], ["x", "y"]], header_rows=2)
    rows = _table(block).findall(w("tr"))
    assert [row.find(f"{w('trPr')}/{w('tblHeader')}") is not None for row in rows] == [
        True,
        True,
        False,
    ]
    assert [len(row.findall(w("tc"))) for row in rows] == [3, 3, 3]
    assert all(tc.find(w("p")) is not None for tc in _table(block).iter(w("tc")))
    plain = _table(Block.table([["a", "b"]], header_rows=0))
    assert plain.find(f"{w('tblPr')}/{w('tblLook')}").get(w("firstRow")) == "0"
    assert plain.find(f"{w('tblPr')}/{w('tblStyle')}") is None
    assert plain.find(f"{w('tr')}/{w('trPr')}/{w('tblHeader')}") is None


def test_cells_keep_bold_italic_links_and_notes() -> None:
    class Links:
        def link_id(self, url: str) -> str:
            return "rId9"

    class Notes:
        def add_note(self, text: str, inline: Inline) -> int:
            return 4

    cell = (Run("fet", bold=True), Run("länk", link="https://a.se", note="Not."))
    block = Block(BlockKind.TABLE, rows=((cell, (Run("kursiv", italic=True),)),))
    table = _table(block, inline=Inline(links=Links(), notes=Notes()))
    first = table.find(f"{w('tr')}/{w('tc')}/{w('p')}")
    assert [child.tag for child in first] == [w("r"), w("hyperlink"), w("r")]
    assert first[2].find(w("footnoteReference")).get(w("id")) == "4"
    assert table.find(f".//{w('i')}") is not None


def test_a_table_without_cells_is_nothing() -> None:
    assert table_xml(Block(BlockKind.TABLE)) == ""


def test_columns_are_fitted_to_their_content() -> None:
    text = "Ombyggnaden av omklädningsrummen så att de blir tillgängliga för alla besökare"
    long_and_short = Block.table([["Åtgärd", "Kostnad"], [text, "4,5"], ["Kakel", "12,1"]]).rows
    wide, narrow = column_widths(long_and_short, 2, 9000)
    assert wide + narrow == 9000 and narrow < 1500  # room for "Kostnad", not more
    assert narrow >= (len("Kostnad") + 3) * 110  # the longest word fits on its line
    even = Block.table([["Ett", "Två", "Tre"]]).rows
    assert column_widths(even, 3, 9000) == [3000, 3000, 3000]
    words = " ".join(["ord"] * 40)
    crowded = Block.table([[words, words, "Kostnaden i kronor"]]).rows  # nothing fits a line
    first, second, third = column_widths(crowded, 3, 9000)
    assert first == second and third >= (len("Kostnaden") + 3) * 110
    assert column_widths(Block.table([["", ""]]).rows, 2, 9000) == [4500, 4500]


def test_the_text_after_a_table_has_the_body_s_space_before_it() -> None:
    draft = rich_draft()  # Ekonomiska konsekvenser: a table, then a bullet list
    document = Document(io.BytesIO(render_docx(draft)))
    body = list(document.element.body.iterchildren())
    after = [
        Paragraph(body[i + 1], document)
        for i, element in enumerate(body[:-1])
        if element.tag == w("tbl") and body[i + 1].tag == w("p")
    ]
    facts, table = after  # the first page's layout table of facts, then the part's table
    assert facts.text == "Upprustning av Husbybadet"  # the title: its style's own space
    assert facts.paragraph_format.space_before is None
    assert table.text == "Finansieras inom investeringsramen."
    assert table.paragraph_format.space_before == Pt(6)
    others = [p for p in document.paragraphs if p.text == "Dessutom gäller följande:"]
    assert others and others[0].paragraph_format.space_before is None  # the style's own
