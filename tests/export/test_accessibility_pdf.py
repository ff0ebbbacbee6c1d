"""The accessibility check of a written PDF: each rule broken in a PDF pypdf writes, and
beslut's own PDF/A exports (the example and the rich draft) pass (needs LibreOffice)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)
from tests.richdraft import rich_draft

from beslut.export import export_command
from beslut.export.accessibility_pdf import check_pdf
from beslut.workflow.accessibility import check_written

XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
    "<pdfuaid:part>1</pdfuaid:part></rdf:Description></rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
)


def _name(value: str) -> NameObject:
    return NameObject(value)


def _element(writer: PdfWriter, kind: str, **extra: Any) -> Any:
    element = DictionaryObject({_name("/Type"): _name("/StructElem"), _name("/S"): _name(kind)})
    element[_name("/Pg")] = writer.pages[0].indirect_reference
    for key, value in extra.items():
        element[_name("/" + key)] = value
    return writer._add_object(element)


def _good(
    kinds: tuple[str, ...] = ("/H1", "/P", "/H2", "/Figure"),
    roles: dict[str, str] | None = None,
) -> PdfWriter:
    """A PDF that passes: marked, tagged, Swedish, titled and shown so, PDF/UA in the XMP;
    its structure tree holds ``kinds`` (a Figure with alt text)."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Ett beslut"})
    root = writer._root_object
    root[_name("/MarkInfo")] = DictionaryObject({_name("/Marked"): BooleanObject(True)})
    root[_name("/Lang")] = TextStringObject("sv-SE")
    root[_name("/ViewerPreferences")] = DictionaryObject(
        {_name("/DisplayDocTitle"): BooleanObject(True)}
    )
    children = [
        _element(writer, kind, Alt=TextStringObject("Karta")) if kind == "/Figure"
        else _element(writer, kind)
        for kind in kinds
    ]  # fmt: skip
    document = _element(writer, "/Document", K=ArrayObject(children))
    tree = DictionaryObject({_name("/Type"): _name("/StructTreeRoot"), _name("/K"): document})
    if roles:
        tree[_name("/RoleMap")] = DictionaryObject(
            {_name(key): _name(value) for key, value in roles.items()}
        )
    root[_name("/StructTreeRoot")] = writer._add_object(tree)
    metadata = DecodedStreamObject()
    metadata.set_data(XMP.encode("utf-8"))
    metadata[_name("/Type")] = _name("/Metadata")
    metadata[_name("/Subtype")] = _name("/XML")
    root[_name("/Metadata")] = writer._add_object(metadata)
    return writer


def _checks(writer: PdfWriter, folder: Path) -> list[str]:
    path = folder / "test.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return [problem.check for problem in check_pdf(path)]


def _untagged(writer: PdfWriter) -> None:
    del writer._root_object["/MarkInfo"]


def _no_language(writer: PdfWriter) -> None:
    del writer._root_object["/Lang"]


def _title_not_shown(writer: PdfWriter) -> None:
    del writer._root_object["/ViewerPreferences"]


def _no_pdfua(writer: PdfWriter) -> None:
    del writer._root_object["/Metadata"]


BREAKERS: dict[str, Callable[[PdfWriter], None]] = {
    "pdf.tagged": _untagged,
    "pdf.language": _no_language,
    "pdf.title_shown": _title_not_shown,
    "pdf.pdfua": _no_pdfua,
}


def test_the_good_pdf_passes(tmp_path: Path) -> None:
    assert _checks(_good(), tmp_path) == []


@pytest.mark.parametrize("check", sorted(BREAKERS))
def test_each_broken_rule_is_found_alone(check: str, tmp_path: Path) -> None:
    writer = _good()
    BREAKERS[check](writer)
    assert _checks(writer, tmp_path) == [check]


def test_a_pdf_without_a_title_is_found(tmp_path: Path) -> None:
    writer = PdfWriter()  # no title, no tags, no language, no XMP
    writer.add_blank_page(595, 842)
    checks = _checks(writer, tmp_path)
    assert checks == ["pdf.tagged", "pdf.language", "pdf.title", "pdf.pdfua"]


def test_a_skipped_heading_level_is_found(tmp_path: Path) -> None:
    assert _checks(_good(("/H1", "/H3")), tmp_path) == ["pdf.heading_order"]
    assert _checks(_good(("/H2",)), tmp_path) == ["pdf.heading_order"]
    assert _checks(_good(("/H1", "/H2", "/H3", "/H1", "/H2")), tmp_path) == []


def test_headings_are_read_through_the_role_map(tmp_path: Path) -> None:
    roles = {"/Rubrik1": "/H1", "/Rubrik3": "/H3"}
    assert _checks(_good(("/Rubrik1", "/Rubrik3"), roles), tmp_path) == ["pdf.heading_order"]


def test_a_figure_without_alt_text_is_found_with_its_page(tmp_path: Path) -> None:
    writer = _good(("/H1",))
    tree: Any = writer._root_object["/StructTreeRoot"]
    document = tree["/K"].get_object()
    document["/K"].append(_element(writer, "/Figure"))
    path = tmp_path / "test.pdf"
    with path.open("wb") as out:
        writer.write(out)
    (problem,) = check_pdf(path)
    assert problem.check == "pdf.figure_alt"
    assert "sidan 1" in problem.message


def test_a_broken_pdf_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "trasig.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    (problem,) = check_pdf(path)
    assert problem.check == "unreadable"


@pytest.fixture(scope="module")
def rich_exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The rich draft (headings on three levels, tables, a link, a footnote) as PDF/A."""
    from beslut.export.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("soffice is not installed")
    folder = tmp_path_factory.mktemp("rich")
    return export_command(rich_draft(), {}, folder / "tu.docx", pdf=True)


def test_beslut_s_own_pdf_passes(exported: list[Path], rich_exported: list[Path]) -> None:
    # exported: the long example with its bilagor, which are the user's and not checked.
    for written in (exported, rich_exported):
        assert written[1].suffix == ".pdf"
        assert check_pdf(written[1]) == []
        assert check_written(written) == []


def test_beslut_s_own_pdf_is_marked_pdf_ua_and_pdf_a(rich_exported: list[Path]) -> None:
    from pypdf import PdfReader

    root: Any = PdfReader(rich_exported[1]).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b"<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert b"<pdfaid:part>2</pdfaid:part>" in xmp
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_the_filter_asks_for_pdf_ua() -> None:
    import json

    from beslut.export.pdf import PDF_FILTER

    options = json.loads(PDF_FILTER.split(":", 2)[2])
    assert options["PDFUACompliance"] == {"type": "boolean", "value": "true"}
    assert options["UseTaggedPDF"] == {"type": "boolean", "value": "true"}
