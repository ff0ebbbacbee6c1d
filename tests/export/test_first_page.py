"""The first page's facts are content of the body, not only of a header; later pages'
header carries the Dnr and the page; a document type's own Word template is used.

python-docx and pandoc read the body only, as screen readers and converters do.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document

from beslut.doctypes import default_template_dir, load_doctype
from beslut.export.document import render_docx
from beslut.export.ooxml import w
from beslut.model import Draft

Example = tuple[Draft, dict[str, bytes]]


def _facts(draft: Draft) -> list[str]:
    """The lines of the facts block, as the example draft fills them."""
    meta = draft.meta
    return [
        "Idrottsförvaltningen",
        "Tjänsteutlåtande",
        f"Dnr {meta.dnr}",
        "2026-02-22",
        "Handläggare: Sara Lindqvist",
        f"Telefon: {meta.handlaggare.telefon}",
        f"E-post: {meta.handlaggare.epost}",
        "Till Idrottsnämnden",
        "Sammanträde 29 mars 2026",
    ]


def _text(xml: bytes) -> str:
    return re.sub(r"<[^>]+>", "", xml.decode("utf-8"))


def test_python_docx_reads_the_facts_first_in_the_body(example: Example) -> None:
    draft, _ = example
    document = Document(io.BytesIO(render_docx(draft)))
    body = document.element.body
    first = body[0]
    assert first.tag == w("tbl"), "the facts open the body"
    table = document.tables[0]
    lines = [p.text for cell in table._cells for p in cell.paragraphs]
    # In reading order: the sender and the document, then the handläggare and the nämnd.
    assert lines == [
        "Idrottsförvaltningen",
        "Avdelningen för anläggning och evenemang",
        *_facts(draft)[1:],
    ]
    assert document.paragraphs[0].text == draft.meta.title  # the title follows the facts
    # A layout table: no header row, rows that do not split.
    look = first.find(f"{w('tblPr')}/{w('tblLook')}")
    assert look.get(w("firstRow")) == "0"
    assert all(row.find(f"{w('trPr')}/{w('cantSplit')}") is not None for row in first.iter(w("tr")))


def test_the_first_page_header_holds_only_the_logo_and_the_page(example: Example) -> None:
    draft, _ = example
    document = Document(io.BytesIO(render_docx(draft)))
    header = document.sections[0].first_page_header
    text = "".join(p.text for p in header.paragraphs)
    assert re.fullmatch(r"Sida \d+ \(\d+\)", text.strip()), text
    assert not header.tables
    assert draft.meta.dnr not in text and "Sara" not in text


def test_later_pages_header_has_the_dnr_and_sida_x_y(example: Example) -> None:
    draft, _ = example
    with zipfile.ZipFile(io.BytesIO(render_docx(draft))) as archive:
        header = archive.read("word/header2.xml")
    text = _text(header)
    assert f"Dnr {draft.meta.dnr}" in text and "Sida" in text
    instructions = re.findall(rb"<w:instrText[^>]*>([^<]*)<", header)
    assert [i.strip() for i in instructions] == [b"PAGE", b"NUMPAGES"]


def test_pandoc_plain_text_has_every_fact_before_the_title(
    example: Example, tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    draft, _ = example
    docx = tmp_path / "tu.docx"
    docx.write_bytes(render_docx(draft))
    plain = run_tool("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", docx)
    title = plain.index(draft.meta.title)
    for fact in _facts(draft):
        assert fact in plain, fact
        assert plain.index(fact) < title, fact


def test_empty_facts_leave_no_label_behind(example: Example) -> None:
    draft, _ = example
    person = dataclasses.replace(draft.meta.handlaggare, epost="", telefon="")
    meta = dataclasses.replace(draft.meta, handlaggare=person, meeting_date=None)
    document = Document(io.BytesIO(render_docx(dataclasses.replace(draft, meta=meta))))
    lines = [p.text for cell in document.tables[0]._cells for p in cell.paragraphs]
    assert "Handläggare: Sara Lindqvist" in lines
    assert not any(line.startswith(("E-post", "Telefon", "Sammanträde")) for line in lines)


def _own_folder(tmp_path: Path, marker: str, *, with_file: bool) -> Path:
    """A template folder whose beslutsärende names beslut.docx (a copy saying ``marker``)."""
    folder = tmp_path / "mallar"
    shutil.copytree(default_template_dir(), folder)
    toml = folder / "doctypes" / "beslutsarende.toml"
    toml.write_text('template = "beslut.docx"\n' + toml.read_text("utf-8"), encoding="utf-8")
    if with_file:
        source = zipfile.ZipFile(folder / "stadsmall.docx")
        with source, zipfile.ZipFile(folder / "beslut.docx", "w") as out:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "word/document.xml":
                    data = data.replace("Tjänsteutlåtande".encode(), marker.encode())
                out.writestr(info, data)
    return folder


def _first_lines(data: bytes) -> list[Any]:
    table = Document(io.BytesIO(data)).tables[0]
    return [p.text for cell in table._cells for p in cell.paragraphs]


def test_render_uses_the_document_types_own_template(example: Example, tmp_path: Path) -> None:
    draft, _ = example
    folder = _own_folder(tmp_path, "Beslutsunderlag", with_file=True)
    doctype = load_doctype("beslutsarende", folder)
    assert doctype.template == "beslut.docx"
    assert doctype.template_file() == folder / "beslut.docx"
    assert "Beslutsunderlag" in _first_lines(render_docx(draft, doctype=doctype))
    # An explicit template wins over the type's own.
    own = render_docx(draft, doctype=doctype, template=folder / "stadsmall.docx")
    assert "Tjänsteutlåtande" in _first_lines(own)


def test_render_falls_back_when_the_own_template_is_missing(
    example: Example, tmp_path: Path
) -> None:
    draft, _ = example
    doctype = load_doctype("beslutsarende", _own_folder(tmp_path, "X", with_file=False))
    assert "Tjänsteutlåtande" in _first_lines(render_docx(draft, doctype=doctype))
