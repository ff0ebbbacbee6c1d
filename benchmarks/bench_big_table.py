"""Benchmark the Word export of one big table: a TU whose first part is a single table of
500 rows by 200 columns (100,000 cells, one header row).

Goal: under 5 s (issue 22; it did not finish in 120 s while lxml moved the table into the
template in quadratic time). The floor, measured in the same run, is lxml building the
same table's elements (w:tr, w:tc with its width, w:p, w:r, w:t) and writing them out
deflated: the least any export of that table must do.

Run by hand: ``.venv/bin/python benchmarks/bench_big_table.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_ms, report  # noqa: I001

from beslut.export.document import render_docx
from beslut.export.ooxml import SPACE, W_NS, w
from beslut.model import Block, Draft
from beslut.model.example import example_draft

ROWS, COLUMNS = 500, 200
GOAL_MS = 5000.0


def table_rows() -> list[list[str]]:
    return [[f"Rad {row} kolumn {column}" for column in range(COLUMNS)] for row in range(ROWS)]


def big_table_draft() -> Draft:
    """The example TU with its first part replaced by the big table."""
    base, _ = example_draft(dt.date(2026, 2, 22))
    first = dataclasses.replace(base.sections[0], blocks=(Block.table(table_rows()),))
    return dataclasses.replace(base, sections=(first, *base.sections[1:]))


def lxml_floor(rows: list[list[str]]) -> bytes:
    """The same cells as lxml elements, serialised and deflated."""
    from lxml import etree  # type: ignore[import-untyped]

    table = etree.Element(w("tbl"), nsmap={"w": W_NS})
    for row in rows:
        tr = etree.SubElement(table, w("tr"))
        for text in row:
            tc = etree.SubElement(tr, w("tc"))
            etree.SubElement(etree.SubElement(tc, w("tcPr")), w("tcW"), {w("w"): "45"})
            t = etree.SubElement(etree.SubElement(etree.SubElement(tc, w("p")), w("r")), w("t"))
            t.set(SPACE, "preserve")
            t.text = text
    return zlib.compress(etree.tostring(table))


def main() -> int:
    draft = big_table_draft()
    rows = table_rows()
    size = len(render_docx(draft))
    print(f"  {ROWS}x{COLUMNS} table, {size / 1e6:.1f} MB .docx")
    floor = median_ms(lambda: lxml_floor(rows), repeat=3, warmup=1)
    ours = median_ms(lambda: render_docx(draft), repeat=3, warmup=0)
    name = f"render_docx, one {ROWS}x{COLUMNS} table"
    return 0 if report(name, ours, GOAL_MS, "lxml builds the table", floor) else 1


if __name__ == "__main__":
    raise SystemExit(main())
