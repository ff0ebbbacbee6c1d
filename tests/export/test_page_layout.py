"""The exported TU as LibreOffice lays it out: the tagged PDF's structure tree holds the
first page's facts as content (not artifacts), later pages' header has the Dnr and
"Sida X (Y)", and LibreOffice honours the template's widow control and keep-with-next.

``pdfinfo -struct-text`` (poppler) prints the text of the PDF's structure tree: marked
content that the tree points at. Artifacts (headers, footers, page numbers) are not in
the tree, so their text is missing there although pdftotext shows it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document


def _dnr(exported: list[Path]) -> str:
    """The Dnr of the exported example (beslut writes it as the document's identifier)."""
    dnr = str(Document(str(exported[0])).core_properties.identifier)
    assert dnr.startswith("IDN ")
    return dnr


def _page_count(run_tool: Callable[..., str], pdf: Path) -> int:
    found = re.search(r"Pages:\s+(\d+)", run_tool("pdfinfo", pdf))
    assert found is not None
    return int(found.group(1))


def test_the_tagged_pdf_holds_the_facts_as_content_not_artifacts(
    exported: list[Path], run_tool: Callable[..., str]
) -> None:
    pdf = exported[1]
    assert re.search(r"Tagged:\s+yes", run_tool("pdfinfo", pdf))
    tree = run_tool("pdfinfo", "-struct-text", pdf)
    facts = [
        f'"Dnr {_dnr(exported)}"',
        '"2026-02-22"',
        '"Till Idrottsnämnden"',
        '"Sammanträde 29 mars 2026"',
        '"Handläggare: Sara Lindqvist"',
        '"Telefon: 08-508 123 45"',
        '"E-post: sara.lindqvist@example.se"',
    ]
    for fact in facts:
        assert fact in tree, fact
    # ... in reading order, inside the first table, before the title.
    table_end = tree.index("Avgiftsfri simskola")
    assert all(tree.index(fact) < table_end for fact in facts)
    assert tree.index("Table") < tree.index(facts[0])
    # The control: header text is an artifact, so the tree lacks it (pdftotext has it).
    assert "Sida 1 (" not in tree
    assert "Sida 1 (" in run_tool("pdftotext", "-f", "1", "-l", "1", pdf, "-")


def test_later_pages_header_has_the_dnr_and_sida_x_y(
    exported: list[Path], run_tool: Callable[..., str]
) -> None:
    pdf, dnr = exported[1], _dnr(exported)
    total = _page_count(run_tool, pdf)
    assert total >= 3
    for number in range(2, total + 1):
        page = run_tool("pdftotext", "-layout", "-f", str(number), "-l", str(number), pdf, "-")
        top = page.strip().splitlines()[:2]  # the header's two lines
        assert f"Dnr {dnr}" in top[0] and "Idrottsförvaltningen" in top[0], top
        assert f"Sida {number} ({total})" in top[1], top


@pytest.fixture
def odt_styles(exported: list[Path], tmp_path: Path, run_tool: Callable[..., str]) -> str:
    """styles.xml of the exported .docx converted to OpenDocument by LibreOffice."""
    docx = exported[0]
    run_tool(
        "soffice",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "odt",
        "--outdir",
        tmp_path,
        docx,
    )
    with zipfile.ZipFile(tmp_path / f"{docx.stem}.odt") as archive:
        return archive.read("styles.xml").decode("utf-8")


def _style(styles: str, name: str) -> str:
    found = re.search(
        rf'<style:style style:name="{name}"[^>]*style:family="paragraph".*?</style:style>',
        styles,
        re.S,
    )
    assert found is not None, name
    return found.group(0)


def test_libreoffice_keeps_headings_with_the_next_paragraph(odt_styles: str) -> None:
    for name in ("Heading_20_1", "Heading_20_2", "Heading_20_3", "Title", "Bilaga"):
        assert 'fo:keep-with-next="always"' in _style(odt_styles, name), name


def test_libreoffice_has_widow_and_orphan_control_in_the_body_styles(odt_styles: str) -> None:
    for name in ("Standard", "Text_20_body"):
        style = _style(odt_styles, name)
        assert 'fo:widows="2"' in style and 'fo:orphans="2"' in style, name
    # The list styles take theirs from Standard.
    for name in ("List_20_Bullet_20_2", "List_20_Number_20_3", "Beslutspunkt"):
        style = _style(odt_styles, name)
        assert 'fo:widows="0"' not in style, name
        assert re.search(r'style:parent-style-name="(Standard|List_20_Number)"', style), name
