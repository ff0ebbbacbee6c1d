"""A big table exports in bounded time, and moving parsed XML into the template keeps
every namespace and xml:space attribute (beslut.export.ooxml.transplant)."""

from __future__ import annotations

import dataclasses
import io
import time

from docx import Document
from docx.oxml.parser import parse_xml
from lxml import etree  # type: ignore[import-untyped]
from tests.richdraft import rich_draft

from beslut.export.document import render_docx
from beslut.export.ooxml import R_NS, SPACE, W_NS, T, transplant, w
from beslut.model import Block


def test_transplant_keeps_the_xml_and_its_spaces() -> None:
    target = parse_xml(f'<w:body xmlns:w="{W_NS}"><w:p/><w:sectPr/></w:body>')
    source = parse_xml(
        f'<w:body xmlns:w="{W_NS}"><w:p xmlns:r="{R_NS}"><w:hyperlink r:id="rId9">'
        '<w:r><w:t xml:space="preserve"> a  b </w:t></w:r></w:hyperlink>'
        "<w:r><w:t>c</w:t></w:r></w:p></w:body>"
    )
    before = etree.tostring(source[0], encoding="unicode")
    moved = transplant(source[0], target[-1].addprevious)
    assert moved.getparent() is target and target.index(moved) == 1
    texts = list(moved.iter(T))
    assert [t.get(SPACE) for t in texts] == ["preserve", None]
    assert texts[0].text == " a  b "
    assert moved.find(f".//{w('hyperlink')}").get(f"{{{R_NS}}}id") == "rId9"
    # The same element as before, namespaces declared where the document has them.
    again = parse_xml(etree.tostring(target, encoding="unicode"))
    assert etree.tostring(again[1], encoding="unicode").replace(
        f' xmlns:w="{W_NS}"', ""
    ) == before.replace(f' xmlns:w="{W_NS}"', "")


def test_a_table_of_30_000_cells_exports_in_seconds() -> None:
    # lxml moved a table into the template in quadratic time: 200x100 took 6.8 s, this
    # one about 15 s; now it is linear (500x200 in 2 s: benchmarks/bench_big_table.py).
    rows = [[f" rad {r} kolumn {c} " for c in range(100)] for r in range(300)]
    base = rich_draft()
    first = dataclasses.replace(base.sections[0], blocks=(Block.table(rows),))
    draft = dataclasses.replace(base, sections=(first, *base.sections[1:]))
    start = time.perf_counter()
    data = render_docx(draft)
    assert time.perf_counter() - start < 5
    (table,) = [t for t in Document(io.BytesIO(data)).tables if len(t.rows) == 300]
    assert len(table.columns) == 100
    cell = table._tbl.tr_lst[299].tc_lst[99]
    assert cell.find(f".//{T}").get(SPACE) == "preserve"
    assert cell.find(f".//{T}").text == " rad 299 kolumn 99 "
