"""The accessibility check of a written .docx: each rule broken in a document of its own,
and beslut's own exports (the example and the rich draft) pass."""

from __future__ import annotations

import base64
import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from tests.richdraft import rich_draft

from beslut.export import export_command
from beslut.export.accessibility import check_file, summary
from beslut.export.accessibility_docx import check_docx
from beslut.model import Draft

# A 1x1 PNG, for a picture without alt text.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _good() -> DocxDocument:
    """A small document that passes: title, language, facts table first, headings in
    order, a data table with a header row, a link with a text."""
    doc = Document()
    doc.core_properties.title = "Ett beslut"
    doc.core_properties.language = "sv-SE"
    facts = doc.add_table(rows=1, cols=2)
    facts.cell(0, 0).text = "Dnr 1"
    doc.add_heading("Förslag till beslut", level=1)
    doc.add_paragraph("Nämnden beslutar.")
    doc.add_heading("Ärendet", level=1)
    doc.add_heading("Bakgrund", level=2)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "År"
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    _link(doc, "stadens plan", "https://example.se/plan")
    return doc


def _link(doc: DocxDocument, text: str, url: str) -> None:
    rid = doc.part.relate_to(url, HYPERLINK, is_external=True)
    paragraph = doc.add_paragraph("Se ")
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>{text}</w:t></w:r>'
            "</w:hyperlink>"
        )
    )


def _checks(doc: DocxDocument, folder: Path) -> list[str]:
    path = folder / "test.docx"
    doc.save(str(path))
    return [problem.check for problem in check_docx(path)]


def _no_title(doc: DocxDocument) -> None:
    doc.core_properties.title = ""


def _no_language(doc: DocxDocument) -> None:
    doc.core_properties.language = ""
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.getparent().remove(lang)


def _skipped_heading(doc: DocxDocument) -> None:
    doc.add_heading("Konsekvenser", level=1)
    doc.add_heading("För barnen", level=3)  # Heading 1 -> Heading 3


def _table_without_header_row(doc: DocxDocument) -> None:
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "Kostnad"


def _bare_address(doc: DocxDocument) -> None:
    _link(doc, "https://example.se/plan", "https://example.se/plan")


def _www_address(doc: DocxDocument) -> None:
    _link(doc, "www.example.se", "https://www.example.se")


def _picture_without_alt(doc: DocxDocument, folder: Path) -> None:
    image = folder / "bild.png"
    image.write_bytes(PNG)
    doc.add_picture(str(image))


def _picture_in_header_without_alt(doc: DocxDocument, folder: Path) -> None:
    image = folder / "bild.png"
    image.write_bytes(PNG)
    doc.sections[0].header.paragraphs[0].add_run().add_picture(str(image))


def _facts_not_first(doc: DocxDocument) -> None:
    body = doc.element.body
    body.insert(0, copy.deepcopy(body.find(qn("w:p"))))


def _text_box(doc: DocxDocument) -> None:
    box = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape>'
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Dnr 1 i en ruta</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    doc.add_paragraph()._p.append(box)


BREAKERS: dict[str, Callable[[DocxDocument], None]] = {
    "docx.title": _no_title,
    "docx.language": _no_language,
    "docx.heading_order": _skipped_heading,
    "docx.table_header": _table_without_header_row,
    "docx.link_text": _bare_address,
    "docx.reading_order": _facts_not_first,
    "docx.text_box": _text_box,
}


def test_the_good_document_passes(tmp_path: Path) -> None:
    assert _checks(_good(), tmp_path) == []


@pytest.mark.parametrize("check", sorted(BREAKERS))
def test_each_broken_rule_is_found_alone(check: str, tmp_path: Path) -> None:
    doc = _good()
    BREAKERS[check](doc)
    # The facts table is known by its place: moved down, it is a table without header row.
    extra = ["docx.table_header"] if check == "docx.reading_order" else []
    assert _checks(doc, tmp_path) == [check, *extra]


def test_a_www_address_as_link_text_is_bare(tmp_path: Path) -> None:
    doc = _good()
    _www_address(doc)
    assert _checks(doc, tmp_path) == ["docx.link_text"]


def test_an_e_mail_address_as_its_own_link_text_is_fine(tmp_path: Path) -> None:
    doc = _good()
    _link(doc, "eva@example.se", "mailto:eva@example.se")
    assert _checks(doc, tmp_path) == []


@pytest.mark.parametrize("add", [_picture_without_alt, _picture_in_header_without_alt])
def test_a_picture_without_alt_text_is_found(
    add: Callable[[DocxDocument, Path], None], tmp_path: Path
) -> None:
    doc = _good()
    add(doc, tmp_path)
    path = tmp_path / "test.docx"
    doc.save(str(path))
    (problem,) = check_docx(path)
    assert problem.check == "docx.picture_alt"
    assert "Redigera alternativtext" in problem.message


def test_a_picture_with_alt_text_passes(tmp_path: Path) -> None:
    doc = _good()
    _picture_without_alt(doc, tmp_path)
    for picture in doc.element.body.iter(qn("wp:docPr")):
        picture.set("descr", "Karta över badet")
    assert _checks(doc, tmp_path) == []


def test_the_messages_name_the_fix(tmp_path: Path) -> None:
    doc = _good()
    _table_without_header_row(doc)
    _skipped_heading(doc)
    path = tmp_path / "test.docx"
    doc.save(str(path))
    messages = [problem.message for problem in check_docx(path)]
    assert any("Upprepa som rubrikrad" in m and "”Bakgrund”" in m for m in messages)
    assert any("”För barnen”" in m and "Rubrik 2" in m for m in messages)
    lines = summary(check_docx(path))
    assert all(line.startswith("test.docx: Varning: ") for line in lines)


def test_a_file_that_is_not_a_docx_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"inte en zip")
    (problem,) = check_file(path)
    assert problem.check == "unreadable"
    assert check_file(tmp_path / "bilaga.txt") == []


@pytest.mark.parametrize("draft", ["example", "rich"])
def test_beslut_s_own_docx_passes(
    draft: str, example: tuple[Draft, dict[str, bytes]], tmp_path: Path
) -> None:
    text, files = example if draft == "example" else (rich_draft(), {})
    (docx,) = export_command(text, files, tmp_path / "tu.docx")
    assert check_docx(docx) == []
    assert summary([]) == ["Tillgänglighet: inga problem hittades."]


def test_the_rich_draft_has_what_is_checked(tmp_path: Path) -> None:
    """The pass above means something: the rich export has levels 1-3, a data table,
    and a link."""
    (docx,) = export_command(rich_draft(), {}, tmp_path / "tu.docx")
    parts = Document(str(docx))
    styles = {p.style.name for p in parts.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    assert len(parts.tables) >= 2
    assert any(p.hyperlinks for p in parts.paragraphs)
