"""The richer body as other programs see it: pandoc's structure and LibreOffice's pages.

pandoc must see a Table with a header row, a nested BulletList, an OrderedList that
continues after a paragraph, a level-3 Header, a Note and a Link. LibreOffice renders a
40-page draft with 20 tables: "Sida X (Y)" on every page, every table that runs onto a
new page repeats its header row there, and no header row stands alone on a page.
These skip without pandoc, LibreOffice or poppler-utils.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.export.baretemplate import bare_template
from tests.export.longdraft import TABLES, long_draft
from tests.richdraft import rich_draft

from beslut.export.document import render_docx
from beslut.export.pdf import convert_to_pdf
from beslut.model import Block, BlockKind, Draft, Run, Section


def _pandoc(run_tool: Callable[..., str], draft: Draft, folder: Path) -> list[Any]:
    docx = folder / "tu.docx"
    docx.write_bytes(render_docx(draft))
    blocks: list[Any] = json.loads(run_tool("pandoc", "-f", "docx", "-t", "json", docx))["blocks"]
    return blocks


def _walk(node: Any) -> Any:
    """Every pandoc element (a dict with "t") under ``node``, depth first."""
    if isinstance(node, dict):
        if "t" in node:
            yield node
        yield from _walk(node.get("c"))
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _text(node: Any) -> str:
    """The words under ``node``, one space between words, cells and paragraphs."""
    out = []
    for element in _walk(node):
        if element["t"] == "Str":
            out.append(element["c"])
        elif element["t"] in ("Space", "SoftBreak", "Plain", "Para"):
            out.append(" ")
    return " ".join("".join(out).split())


def test_pandoc_sees_tables_lists_headings_notes_and_links(
    tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    blocks = _pandoc(run_tool, rich_draft(), tmp_path)
    tables = [b["c"] for b in blocks if b["t"] == "Table"]
    costs = next(t for t in tables if "Ventilation" in _text(t))
    head_rows = costs[3][1]
    assert len(head_rows) == 1 and _text(head_rows) == "Åtgärd Kostnad (mnkr)"
    assert "Åtgärd" not in _text(costs[4])  # the body holds the other rows

    bullets = next(b for b in blocks if b["t"] == "BulletList")
    nested = [e for e in _walk(bullets["c"]) if e["t"] == "BulletList"]
    assert len(nested) == 2  # level 1 inside level 0, level 2 inside level 1
    assert _text(nested[-1]) == "resten 2028"

    ordered = [b["c"] for b in blocks if b["t"] == "OrderedList"]
    starts = {_text(items): attrs[0] for attrs, items in ordered}
    assert starts["Ventilationen är uttjänt. Bassängens kakel lossnar."] == 1
    assert starts["Omklädningsrummen saknar tillgänglighet."] == 3  # continued
    assert starts["Ett nytt varv av punkter."] == 1  # restarted

    headers = {_text(b["c"][2]): b["c"][0] for b in blocks if b["t"] == "Header"}
    assert headers["Bakgrund och tidigare beslut"] == 1
    assert headers["Badets skick"] == 2
    assert headers["Tidigare utredningar"] == 3

    elements = list(_walk(blocks))
    notes = [e for e in elements if e["t"] == "Note"]
    assert [_text(n["c"]) for n in notes] == ["Enligt statusbesiktningen från 2026."]
    links = [e for e in elements if e["t"] == "Link"]
    assert [(_text(link["c"][1]), link["c"][2][0]) for link in links] == [
        ("stadens anläggningsplan", "https://start.stockholm/plan")
    ]


def test_pandoc_reads_an_ordered_list_that_starts_at_2_after_a_paragraph(
    tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    blocks = (
        Block.plain(BlockKind.NUMBERED, "Första punkten."),
        Block.plain(BlockKind.PARAGRAPH, "Ett stycke mellan punkterna."),
        Block(BlockKind.NUMBERED, (Run("Andra punkten."),)),
        Block(BlockKind.NUMBERED, (Run("En underpunkt."),), level=1),
    )
    draft = Draft(sections=(Section("arendet", "Ärendet", blocks),))
    ordered = [b["c"] for b in _pandoc(run_tool, draft, tmp_path) if b["t"] == "OrderedList"]
    assert [(attrs[0], _text(items)) for attrs, items in ordered] == [
        (1, "Första punkten."),
        (2, "Andra punkten. En underpunkt."),
    ]
    nested = [e for e in _walk(ordered[1][1]) if e["t"] == "OrderedList"]
    assert len(nested) == 1 and _text(nested[0]["c"][1]) == "En underpunkt."


def _render_pages(folder: Path, docx_bytes: bytes) -> list[str]:
    """The text of every page of a .docx as LibreOffice lays it out."""
    for program in ("soffice", "pdftotext", "pdfinfo"):
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not installed")
    docx = folder / "lang.docx"
    docx.write_bytes(docx_bytes)
    pdf = convert_to_pdf(docx)

    def run(*args: str) -> str:
        return subprocess.run(args, capture_output=True, encoding="utf-8", check=True).stdout

    found = re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf)))
    assert found is not None
    count = int(found.group(1))
    return [
        run("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-")
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def long_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The pages of the long draft with tables in the city template."""
    return _render_pages(tmp_path_factory.mktemp("long"), render_docx(long_draft()))


@pytest.fixture(scope="module")
def bare_long_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The same in a template without a table style: the header rows repeat by the
    table's own w:tblHeader, not by a table style that says so."""
    folder = tmp_path_factory.mktemp("bare")
    data = render_docx(long_draft(), template=bare_template(folder))
    return _render_pages(folder, data)


def test_the_long_draft_says_sida_x_of_y_on_every_page(long_pages: list[str]) -> None:
    total = len(long_pages)
    assert 30 <= total <= 50  # about 33: the columns fitted to their content keep rows short
    for number, page in enumerate(long_pages, start=1):
        line = next(line for line in page.splitlines() if "Sida " in line)
        assert line.rstrip().endswith(f"Sida {number} ({total})")


def _body_lines(page: str) -> list[str]:
    """The page's lines below the running header (the line with "Sida X (Y)"), if any."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    header = [i for i, line in enumerate(lines) if re.search(r"Sida \d+ \(\d+\)", line)]
    return lines[header[0] + 1 :] if header else lines


@pytest.mark.parametrize("pages", ["long_pages", "bare_long_pages"])
def test_no_header_row_alone_and_split_tables_repeat_their_header(
    pages: str, request: pytest.FixtureRequest
) -> None:
    long_pages: list[str] = request.getfixturevalue(pages)
    header = re.compile(r"^Rubrikrad (\d+)\b")
    repeated = 0
    for number, page in enumerate(long_pages, start=1):
        lines = _body_lines(page)
        for index, line in enumerate(lines):
            found = header.match(line)
            if found:
                after = lines[index + 1] if index + 1 < len(lines) else ""
                assert after.startswith(f"Post {found.group(1)}."), (number, line, after)
        first = lines[0] if lines else ""
        assert not first.startswith("Post "), f"page {number} continues a table without header"
        repeated += bool(header.match(first))
    seen = {int(m) for page in long_pages for m in re.findall(r"Rubrikrad (\d+)", page)}
    assert seen == set(range(1, TABLES + 1))
    assert repeated >= 5  # tables did run over pages, and repeated their header there
