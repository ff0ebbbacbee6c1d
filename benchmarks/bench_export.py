"""Benchmark the Word export: a 40-page TU (about 110 KB of text) and a typical 5-page one.

Two floors are measured in the same run on the same paragraphs: python-docx writing
them into its blank document (``add_paragraph`` with a style name), and docxtpl
(autoescape on) rendering them through a Jinja loop. Each side opens its template and
saves to memory, as beslut does. Goals: beslut's export is no slower than the faster
floor, and a typical 5-page TU renders in under 50 ms.

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
from beslut.export.document import render_docx
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
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
