"""The exported document as other programs see it: LibreOffice, poppler and pandoc.

These need soffice, pdftotext/pdfinfo (poppler-utils) and pandoc, and skip without them.
LibreOffice runs twice in the whole suite (the ``exported`` and ``resaved_template``
fixtures, shared by the session).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document

from beslut.export.document import render_docx
from beslut.model import Draft


def _pages(run_tool: Callable[..., str], pdf: Path) -> list[str]:
    found = re.search(r"Pages:\s+(\d+)", run_tool("pdfinfo", pdf))
    assert found is not None
    count = int(found.group(1))
    return [
        run_tool("pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-")
        for n in range(1, count + 1)
    ]


def test_every_page_says_sida_x_of_y(exported: list[Path], run_tool: Callable[..., str]) -> None:
    pages = _pages(run_tool, exported[1])
    total = len(pages)
    assert total >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Sida {number} ({total})" in text
    assert "Sida 1 (" in pages[0] and f"Sida {total} ({total})" in pages[-1]


def test_page_one_has_the_header_block_title_and_footer(
    exported: list[Path], run_tool: Callable[..., str]
) -> None:
    first, second = _pages(run_tool, exported[1])[:2]
    for text in (
        "Tjänsteutlåtande",
        "Idrottsförvaltningen",
        "Till Idrottsnämnden",
        "Handläggare: Sara Lindqvist",
        "Avgiftsfri simskola för barn i årskurs 1–3 från 2027",
        "Förvaltningens förslag till beslut",
        "1. Idrottsnämnden inför avgiftsfri simskola",
        "3. Beslutet justeras omedelbart.",
        "Box 8310, 104 20 Stockholm",
    ):
        assert text in first
    assert "Dnr " in second and "Tjänsteutlåtande" not in second
    assert "Box 8310" not in second


def _pandoc_blocks(run_tool: Callable[..., str], docx: Path) -> list[Any]:
    blocks: list[Any] = json.loads(run_tool("pandoc", "-f", "docx", "-t", "json", docx))["blocks"]
    return blocks


def _plain(inlines: list[Any]) -> str:
    out = []
    for item in inlines:
        if item["t"] == "Str":
            out.append(item["c"])
        elif item["t"] in ("Space", "SoftBreak"):
            out.append(" ")
        elif item["t"] in ("Strong", "Emph"):
            out.append(_plain(item["c"]))
    return "".join(out)


def test_pandoc_sees_headings_and_ordered_lists(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    draft, _ = example
    docx = tmp_path / "tu.docx"
    docx.write_bytes(render_docx(draft))
    blocks = _pandoc_blocks(run_tool, docx)
    headings = [_plain(b["c"][2]) for b in blocks if b["t"] == "Header" and b["c"][0] == 1]
    assert headings == [
        "Förvaltningens förslag till beslut",
        "Sammanfattning",
        "Ärendets beredning",
        "Bakgrund",
        "Ärendet",
        "Förvaltningens synpunkter",
        "Bilagor",
    ]
    ordered = [b["c"] for b in blocks if b["t"] == "OrderedList"]
    assert len(ordered) == 2  # the proposal and the bilagor, each its own list
    (start, _, _), items = ordered[0]
    assert start == 1
    assert [_plain(item[0]["c"]) for item in items] == list(draft.decisions)
    (start, _, _), items = ordered[1]
    assert start == 1
    assert [_plain(item[0]["c"]) for item in items] == [a.title for a in draft.attachments]
    assert any(b["t"] == "BulletList" for b in blocks)


def test_pandoc_markdown_reads_like_the_tu(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    draft, _ = example
    docx = tmp_path / "tu.docx"
    docx.write_bytes(render_docx(draft))
    markdown = run_tool("pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", docx)
    assert "# Förvaltningens förslag till beslut\n\n1.  Idrottsnämnden inför" in markdown
    assert "**Ingen avgift tas ut**" in markdown
    assert "## Vem simskolan är till för" in markdown


def test_a_template_resaved_by_libreoffice_still_fills_every_field(
    example: tuple[Draft, dict[str, bytes]],
    resaved_template: Path,
    tmp_path: Path,
    parts: Callable[[Path], dict[str, str]],
    organisation: dict[str, str],
) -> None:
    draft, _ = example
    template_xml = parts(resaved_template)
    assert any("{{" in xml for xml in template_xml.values())
    out = tmp_path / "tu.docx"
    out.write_bytes(render_docx(draft, template=resaved_template, extra_fields=organisation))
    xml = parts(out)
    assert not any("{{" in part for part in xml.values())
    text = re.sub(r"<[^>]+>", "", "".join(xml.values()))
    for value in (draft.meta.dnr, "Idrottsnämnden", "2026-02-22", "29 mars 2026", "stockholm.se"):
        assert value in text
    # LibreOffice renames style ids ("Sidhuvud text" -> Sidhuvudtext); names still match.
    styles = {p.style.name for p in Document(str(out)).paragraphs if p.style is not None}
    assert {"Beslutspunkt", "Bilaga", "Underskrift", "Heading 1"} <= styles
