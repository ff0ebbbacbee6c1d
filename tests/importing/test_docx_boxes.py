"""Text that stands outside the body's paragraphs in Word: text boxes (after the paragraph
that anchors them, one branch of alternate content only), endnotes (as footnotes), notes
at a paragraph's start, and tables inside table cells (flattened into the cell)."""

from __future__ import annotations

from pathlib import Path

from beslut.model import BlockKind
from tests.importing.docxfiles import W, all_text, p, r, read, texts, write_docx


def _box(*paragraphs: str) -> str:
    return "<w:txbxContent>" + "".join(p(text) for text in paragraphs) + "</w:txbxContent>"


def _drawing_box(*paragraphs: str) -> str:
    return (
        '<w:drawing><wp:anchor><a:graphic><a:graphicData uri="wps"><wps:wsp><wps:txbx>'
        + _box(*paragraphs)
        + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _vml_box(*paragraphs: str) -> str:
    return "<w:pict><v:shape><v:textbox>" + _box(*paragraphs) + "</v:textbox></v:shape></w:pict>"


def test_a_text_box_becomes_paragraphs_after_its_anchor_read_once(tmp_path: Path) -> None:
    alternate = (
        "<mc:AlternateContent>"
        f'<mc:Choice Requires="wps">{_drawing_box("I rutan.", "Andra raden.")}</mc:Choice>'
        f"<mc:Fallback>{_vml_box('I rutan.', 'Andra raden.')}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
    body = f"<w:p>{r('Ankaret.')}<w:r>{alternate}</w:r></w:p>" + p("Nästa stycke.")
    document = read(write_docx(tmp_path / "ruta.docx", body))
    assert texts(document) == ["Ankaret.", "I rutan.", "Andra raden.", "Nästa stycke."]
    assert document.notices == []  # a text box is read, not counted as a picture


def test_a_fallback_is_read_when_the_choice_holds_no_text(tmp_path: Path) -> None:
    alternate = (
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
        f"<mc:Fallback>{_vml_box('Bara i reserven.')}</mc:Fallback></mc:AlternateContent>"
    )
    body = f"<w:p><w:r>{alternate}</w:r></w:p>"
    assert texts(read(write_docx(tmp_path / "reserv.docx", body))) == ["Bara i reserven."]


def test_a_vml_text_box_and_a_box_in_a_box(tmp_path: Path) -> None:
    inner = _drawing_box("Inre.")
    outer = (
        "<w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{p('Yttre.')}<w:p><w:r>{inner}</w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    body = f"<w:p>{r('Ankaret.')}<w:r>{outer}</w:r></w:p>"
    assert texts(read(write_docx(tmp_path / "vml.docx", body))) == ["Ankaret.", "Yttre.", "Inre."]


ENDNOTES = (
    f'<w:endnotes xmlns:w="{W}">'
    '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
    '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Se protokollet.</w:t></w:r>'
    "</w:p></w:endnote></w:endnotes>"
)
FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Första noten.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>Andra noten.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def test_an_endnote_becomes_a_footnote_at_its_reference(tmp_path: Path) -> None:
    body = p("Ärendemening") + (
        f'<w:p>{r("Beslutet")}<w:r><w:endnoteReference w:id="1"/></w:r>{r(" gäller.")}</w:p>'
    )
    path = write_docx(tmp_path / "slutnot.docx", body, {"word/endnotes.xml": ENDNOTES})
    runs = read(path).blocks[1].block.runs
    assert [(run.text, run.note) for run in runs] == [
        ("Beslutet", "Se protokollet."),
        (" gäller.", ""),
    ]
    assert "Se protokollet." in all_text(path)


def test_notes_at_a_paragraphs_start_and_side_by_side_are_kept(tmp_path: Path) -> None:
    ref = '<w:r><w:footnoteReference w:id="{n}"/></w:r>'
    body = (
        f"<w:p>{ref.format(n=1)}{r('Text efter noten.')}</w:p>"
        f"<w:p>{r('Två noter')}{ref.format(n=1)}{ref.format(n=2)}</w:p>"
        f"<w:p>{ref.format(n=2)}</w:p>"
    )
    path = write_docx(tmp_path / "noter.docx", body, {"word/footnotes.xml": FOOTNOTES})
    blocks = [read.block for read in read(path).blocks]
    assert blocks[0].runs[0].note == "Första noten."
    assert blocks[1].runs[0].note == "Första noten.\n\nAndra noten."
    assert blocks[2].text == "Andra noten."  # a paragraph of nothing but a note


def test_a_table_in_a_cell_is_flattened_into_the_cell(tmp_path: Path) -> None:
    inner = (
        "<w:tbl>"
        f"<w:tr><w:tc>{p('a1')}</w:tc><w:tc>{p('b1')}</w:tc></w:tr>"
        f"<w:tr><w:tc>{p('a2')}</w:tc><w:tc>{p('b2')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    body = (
        "<w:tbl>"
        f"<w:tr><w:tc>{p('Yttre')}</w:tc><w:tc>{p('Före')}{inner}{p('Efter')}</w:tc></w:tr>"
        f"<w:tr><w:tc>{p('Rad två')}</w:tc><w:tc>{p('x')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    table = read(write_docx(tmp_path / "inre.docx", body)).blocks[0].block
    assert table.kind is BlockKind.TABLE
    assert len(table.rows) == 2  # the inner table's rows are not the outer table's
    cell = "".join(run.text for run in table.rows[0][1])
    assert cell == "Före\na1 | b1\na2 | b2\nEfter"
