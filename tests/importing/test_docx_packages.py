"""Word files packaged otherwise than Word's default: Strict Open XML (other namespaces),
a main document at another path than word/document.xml, and a "Heading 0" style. Each
was refused or read as empty; each is a valid file."""

from __future__ import annotations

from pathlib import Path

from beslut.importing.read import Role
from beslut.model import BlockKind
from tests.importing.docxfiles import W, p, read, texts, write_docx

STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def _strict(path: Path) -> Path:
    """The file at ``path`` rewritten in Strict Open XML's namespaces."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            data = data.replace(W.encode(), STRICT_W.encode())
            data = data.replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                STRICT_R.encode(),
            )
            target.writestr(name, data)
    return path


def test_strict_open_xml_is_read_like_transitional(tmp_path: Path) -> None:
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Rubrik1">'
        '<w:name w:val="heading 1"/></w:style></w:styles>'
    )
    footnotes = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>Noten.</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    )
    rels = (
        '<Relationship Id="rIdS" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
        '<Relationship Id="rIdL" TargetMode="External" Target="https://a.se/" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
    )
    body = (
        p("Bakgrund", "Rubrik1")
        + '<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        + '<w:hyperlink r:id="rIdL"><w:r><w:t> länk</w:t></w:r></w:hyperlink></w:p>'
    )
    parts = {"word/styles.xml": styles, "word/footnotes.xml": footnotes}
    path = _strict(write_docx(tmp_path / "strikt.docx", body, parts, rels))
    assert STRICT_W.encode() in _document_xml(path)
    document = read(path)
    assert (document.blocks[0].role, document.blocks[0].text) == (Role.PART_HEADING, "Bakgrund")
    blocks = [read.block for read in document.blocks]
    assert [(run.text, run.note, run.link) for run in blocks[1].runs] == [
        ("Text", "Noten.", ""),
        (" länk", "", "https://a.se/"),
    ]


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def test_a_main_document_where_the_package_relationships_put_it(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "annan.docx", p("Hej från document2."), main="word/document2.xml")
    assert texts(read(path)) == ["Hej från document2."]


def test_a_heading_0_style_is_a_heading_not_a_damaged_file(tmp_path: Path) -> None:
    styles = (
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="paragraph" w:styleId="H0"><w:name w:val="Heading 0"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="H12"><w:name w:val="heading 12"/></w:style>'
        "</w:styles>"
    )
    rels = (
        '<Relationship Id="rIdS" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
    )
    body = p("Noll", "H0") + p("Tolv", "H12") + p("Text.")
    document = read(write_docx(tmp_path / "noll.docx", body, {"word/styles.xml": styles}, rels))
    kinds = [(read.block.kind, read.block.level) for read in document.blocks]
    assert kinds == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
    ]


def test_damaged_package_relationships_beside_word_document_xml(tmp_path: Path) -> None:
    import zipfile

    path = write_docx(tmp_path / "rels.docx", p("Texten finns."))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["_rels/.rels"] = b"<Relationships><trasig"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert texts(read(path)) == ["Texten finns."]


def test_the_page_header_is_read_from_the_part_the_document_relates_to(tmp_path: Path) -> None:
    header = f'<w:hdr xmlns:w="{W}">{p("Dnr IDN 2027/88")}</w:hdr>'
    rels = (
        '<Relationship Id="rIdH" Target="sidhuvud.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"/>'
    )
    path = write_docx(tmp_path / "huvud.docx", p("Text."), {"word/sidhuvud.xml": header}, rels)
    assert read(path).header_lines == ["Dnr IDN 2027/88"]
