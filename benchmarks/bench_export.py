"""Benchmark the Word export: a 40-page TU (about 110 KB of text), a typical 5-page one,
and a 40-page one with 20 tables.

Two floors are measured in the same run on the same paragraphs: python-docx writing
them into its blank document (``add_paragraph`` with a style name), and docxtpl
(autoescape on) rendering them through a Jinja loop. Each side opens its template and
saves to memory, as beslut does. Goals: beslut's export is no slower than the faster
floor, and a typical 5-page TU renders in under 50 ms. For the draft with tables the
floor is docxtpl rendering the same paragraphs and tables into the city template
(a paragraph loop with a table whose rows are Jinja row loops, header row repeated),
and the goal is again at most 1.0 times that floor.

Run by hand: ``.venv/bin/python benchmarks/bench_export.py`` (needs the ``bench`` extra).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import filler, median_ms, report  # noqa: I001

from beslut.export.command import export_docx
from beslut.export.document import default_template, render_docx
from beslut.model import Block, BlockKind, Draft, Section
from beslut.model.example import example_draft

KEYS = ("sammanfattning", "beredning", "bakgrund", "arendet", "synpunkter")
STYLE_NAMES = {
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.HEADING: "Heading 2",
    BlockKind.BULLET: "List Bullet",
    BlockKind.NUMBERED: "List Number",
}


def make_draft(text_size: int) -> Draft:
    """The example TU with its sections filled to about ``text_size`` characters."""
    base, _ = example_draft(dt.date(2026, 2, 22))
    per_section = text_size // len(KEYS)
    sections = []
    for number, key in enumerate(KEYS):
        blocks: list[Block] = []
        size = 0
        seed = number * 1000
        while size < per_section:
            seed += 1
            kind = _kind(seed)
            length = 60 if kind is not BlockKind.PARAGRAPH else 480
            text = filler(length, seed)
            blocks.append(Block.plain(kind, text))
            size += len(text)
        sections.append(Section(key, key.title(), tuple(blocks)))
    return dataclasses.replace(base, sections=tuple(sections))


def _kind(seed: int) -> BlockKind:
    if seed % 9 == 0:
        return BlockKind.HEADING
    if seed % 7 in (1, 2):
        return BlockKind.BULLET
    if seed % 11 in (3, 4):
        return BlockKind.NUMBERED
    return BlockKind.PARAGRAPH


def paragraphs(draft: Draft) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph, for the floors."""
    out = [("Title", draft.meta.title), ("Heading 1", "Förslag till beslut")]
    out += [("List Number", text) for text in draft.decisions]
    for section in draft.sections:
        out.append(("Heading 1", section.heading))
        out += [(STYLE_NAMES[b.kind], b.text) for b in section.blocks]
    return out


def python_docx_floor(items: list[tuple[str, str]]) -> bytes:
    """python-docx: its blank document, one add_paragraph per paragraph, save."""
    from docx import Document

    document = Document()
    for style, text in items:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docxtpl_template(folder: Path) -> Path:
    """A docxtpl template that writes each paragraph in its style through a Jinja loop."""
    from docx import Document

    document = Document()
    document.add_paragraph("{%p for p in paragraphs %}")
    for number, style in enumerate(sorted({*STYLE_NAMES.values(), "Title", "Heading 1"})):
        keyword = "if" if number == 0 else "elif"
        document.add_paragraph(f"{{%p {keyword} p.style == '{style}' %}}")
        document.add_paragraph("{{ p.text }}", style=style)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    path = folder / "docxtpl.docx"
    document.save(str(path))
    return path


def docxtpl_floor(template: Path, items: list[tuple[str, str]]) -> bytes:
    """docxtpl: load the template, render with autoescape, save."""
    from docxtpl import DocxTemplate  # type: ignore[import-untyped]

    document = DocxTemplate(str(template))
    context = {"paragraphs": [{"style": style, "text": text} for style, text in items]}
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TABLES = 20
TABLE_ROWS = 10  # body rows under one header row, three columns
TABLE_STYLE_NAMES = {**STYLE_NAMES, BlockKind.HEADING: "Heading 2"}


def make_table_draft(text_size: int = 80_000, tables: int = TABLES) -> Draft:
    """A draft of about 40 pages: ``text_size`` characters of text and ``tables`` tables,
    spread evenly over the sections."""
    draft = make_draft(text_size)
    per_section = tables // len(draft.sections)
    sections = []
    for number, section in enumerate(draft.sections):
        blocks = list(section.blocks)
        step = max(len(blocks) // (per_section + 1), 1)
        for n in range(per_section, 0, -1):
            seed = number * 100 + n
            blocks.insert(n * step, _table(seed))
        sections.append(dataclasses.replace(section, blocks=tuple(blocks)))
    return dataclasses.replace(draft, sections=tuple(sections))


def _table(seed: int) -> Block:
    rows = [["Post", "Kostnad (tkr)", "Kommentar"]]
    rows += [
        [f"Post {r + 1}", f"{(seed * 37 + r * 11) % 9000}", filler(40, seed + r)]
        for r in range(TABLE_ROWS)
    ]
    return Block.table(rows)


def table_items(draft: Draft) -> list[dict[str, object]]:
    """Every paragraph and table of ``draft`` for the docxtpl floor, in order."""
    out: list[dict[str, object]] = [{"style": "Heading 1", "text": "Förslag till beslut"}]
    out += [{"style": "List Number", "text": text} for text in draft.decisions]
    for section in draft.sections:
        out.append({"style": "Heading 1", "text": section.heading})
        for block in section.blocks:
            if block.kind is BlockKind.TABLE:
                cells = [["".join(run.text for run in cell) for cell in row] for row in block.rows]
                out.append({"style": "table", "head": cells[:1], "body": cells[1:]})
            else:
                out.append({"style": TABLE_STYLE_NAMES[block.kind], "text": block.text})
    return out


def docxtpl_table_template(folder: Path) -> Path:
    """The city template with a docxtpl loop where beslut puts the text: one paragraph per
    style, and a table in the template's table style whose header and body rows loop."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(default_template()))
    marker = next(p for p in document.paragraphs if "innehall" in p.text)
    styles = sorted({*TABLE_STYLE_NAMES.values(), "Heading 1"})

    def before(text: str, style: str | None = None) -> None:
        marker.insert_paragraph_before(text, style=style)

    before("{%p for p in paragraphs %}")
    before("{%p if p.style == 'table' %}")
    table = document.add_table(rows=6, cols=3)
    table.style = document.styles["Tabell"]
    loops = [
        "{%tr for row in p.head %}",
        None,
        "{%tr endfor %}",
        "{%tr for row in p.body %}",
        None,
        "{%tr endfor %}",
    ]
    for row, loop in zip(table.rows, loops, strict=True):
        if loop is not None:
            row.cells[0].text = loop
        else:
            for column, cell in enumerate(row.cells):
                cell.text = f"{{{{ row[{column}] }}}}"
    table.rows[1]._tr.get_or_add_trPr().append(table.rows[1]._tr.makeelement(qn("w:tblHeader"), {}))
    marker._p.addprevious(table._tbl)
    for style in styles:
        before(f"{{%p elif p.style == '{style}' %}}")
        before("{{ p.text }}", style=style)
    before("{%p endif %}")
    before("{%p endfor %}")
    marker._p.getparent().remove(marker._p)
    path = folder / "docxtpl-tabeller.docx"
    document.save(str(path))
    return path


def docxtpl_table_floor(template: Path, items: list[dict[str, object]]) -> bytes:
    """docxtpl: load the city template with its loops, render with autoescape, save."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    document.render({"paragraphs": items}, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> int:
    big = make_draft(110_000)
    typical = make_draft(10_000)  # five pages in LibreOffice
    items = paragraphs(big)
    chars = sum(len(text) for _, text in items)
    print(f"Large draft: {len(items)} paragraphs, {chars / 1000:.0f} KB of text")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = docxtpl_template(folder)
        floor_docx = median_ms(lambda: python_docx_floor(items), repeat=15)
        floor_tpl = median_ms(lambda: docxtpl_floor(template, items), repeat=15)
        ours = median_ms(lambda: render_docx(big), repeat=15)
        to_disk = median_ms(lambda: export_docx(big, folder / "stor.docx"), repeat=15)
        small = median_ms(lambda: render_docx(typical), repeat=25)
    floor, floor_name = min((floor_docx, "python-docx"), (floor_tpl, "docxtpl"))
    print(f"{'floor python-docx (blank doc, add_paragraph)':<44} {floor_docx:8.2f} ms")
    print(f"{'floor docxtpl (autoescape=True)':<44} {floor_tpl:8.2f} ms")
    met = report("beslut render_docx, 40 pages", ours, floor, floor_name, floor)
    print(f"{'beslut export_docx to disk (fsync), 40 pages':<44} {to_disk:8.2f} ms")
    met &= report("beslut render_docx, typical 5 pages", small, 50, floor_name, floor)
    return 0 if met and tables_main() else 1


def tables_main() -> bool:
    """The 40-page draft with 20 tables against docxtpl rendering the same content."""
    draft = make_table_draft()
    items = table_items(draft)
    rows = sum(len(b.rows) for s in draft.sections for b in s.blocks if b.kind is BlockKind.TABLE)
    print(f"Draft with tables: {len(items)} paragraphs and tables, {TABLES} tables, {rows} rows")
    with tempfile.TemporaryDirectory() as tmp:
        template = docxtpl_table_template(Path(tmp))
        floor = median_ms(lambda: docxtpl_table_floor(template, items), repeat=15)
        ours = median_ms(lambda: render_docx(draft), repeat=15)
    print(f"{'floor docxtpl, city template, 20 tables':<44} {floor:8.2f} ms")
    return report("beslut render_docx, 40 pages, 20 tables", ours, floor, "docxtpl", floor)


if __name__ == "__main__":
    raise SystemExit(main())
