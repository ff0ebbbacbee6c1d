"""What import does not read from a .docx (pictures, formulas, embedded objects,
documents pasted in whole) is counted and named in Swedish, never dropped silently."""

from __future__ import annotations

from pathlib import Path

from beslut.importing.docx_skipped import Skip, Skipped
from tests.importing.docxfiles import p, r, read, texts, write_docx

PICTURE = "<w:r><w:drawing><wp:inline><a:graphic/></wp:inline></w:drawing></w:r>"
VML_PICTURE = '<w:r><w:pict><v:shape><v:imagedata r:id="rIdBild"/></v:shape></w:pict></w:r>'
VML_LINE = '<w:r><w:pict><v:rect o:hr="t"/></w:pict></w:r>'  # a horizontal line
FORMULA = "<m:oMath><m:r><m:t>x</m:t></m:r><m:f><m:num><m:oMath/></m:num></m:f></m:oMath>"
OBJECT = '<w:r><w:object><v:shape><v:imagedata r:id="rIdX"/></v:shape></w:object></w:r>'


def test_pictures_and_a_formula_are_named_in_one_notice(tmp_path: Path) -> None:
    body = (
        f"<w:p>{r('Kartan ')}{PICTURE}{r('visar')}</w:p>"
        f"<w:p>{VML_PICTURE}</w:p>"
        f"<w:p>{r('Formeln ')}{FORMULA}</w:p>"
        f"<w:p>{VML_LINE}</w:p>"
    )
    document = read(write_docx(tmp_path / "bilder.docx", body))
    assert texts(document) == ["Kartan visar", "Formeln "]
    assert document.notices == ["2 bilder och 1 formel (”x”) lästes inte."]


def test_formulas_in_their_own_paragraph_objects_and_alt_chunks(tmp_path: Path) -> None:
    body = (
        f"<w:p><m:oMathPara>{FORMULA}{FORMULA}</m:oMathPara></w:p>"
        f"<w:p>{r('Bifogat:')}{OBJECT}</w:p>"
        '<w:altChunk r:id="rIdHtml"/>' + p("Slut.")
    )
    document = read(write_docx(tmp_path / "allt.docx", body))
    assert texts(document) == ["Bifogat:", "Slut."]
    assert document.notices == [
        "2 formler (”x”, ”x”), 1 inbäddat objekt och 1 infogat dokument lästes inte."
    ]


def test_a_file_with_everything_read_has_no_notice(tmp_path: Path) -> None:
    assert read(write_docx(tmp_path / "ren.docx", p("Bara text."))).notices == []


def test_the_notice_names_one_kind_alone() -> None:
    skipped = Skipped()
    skipped.counts[Skip.PICTURE] = 1
    assert skipped.notice() == "1 bild lästes inte."
    skipped.counts[Skip.OBJECT] = 3
    assert skipped.notice() == "1 bild och 3 inbäddade objekt lästes inte."


def test_the_notice_reaches_the_import_summary(tmp_path: Path) -> None:
    from beslut.doctypes.loader import load_doctypes
    from beslut.importing import import_document
    from beslut.workflow.importing import summary

    body = p("Kartan") + f"<w:p>{PICTURE}</w:p>" + p("Text.")
    doctypes = load_doctypes()
    imported = import_document(write_docx(tmp_path / "karta.docx", body), doctypes)
    assert imported.found.notices == ["1 bild lästes inte."]
    assert summary(imported, doctypes)[-1] == "1 bild lästes inte."


def test_pictures_and_formulas_are_named_by_their_text(tmp_path: Path) -> None:
    described = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Bild 1" '
        'descr="Karta över  Husby"/><a:graphic/></wp:inline></w:drawing></w:r>'
    )
    long_alt = "Ett diagram " * 10
    vml = (
        f'<w:r><w:pict><v:shape alt="{long_alt}">'
        '<v:imagedata r:id="rIdB"/></v:shape></w:pict></w:r>'
    )
    body = f"<w:p>{described}</w:p><w:p>{vml}</w:p><w:p>{FORMULA}</w:p>"
    document = read(write_docx(tmp_path / "alt.docx", body))
    (notice,) = document.notices
    assert notice.startswith("2 bilder (”Karta över Husby”, ”Ett diagram Ett diagram")
    assert "…”) och 1 formel (”x”) lästes inte." in notice


def test_a_drop_cap_is_read_as_the_first_letter_of_its_paragraph(tmp_path: Path) -> None:
    frame = '<w:pPr><w:framePr w:dropCap="drop" w:lines="3"/></w:pPr>'
    body = f"<w:p>{frame}{r('D')}</w:p>{p('rop cap.')}{p('Nästa stycke.')}"
    assert texts(read(write_docx(tmp_path / "anfang.docx", body))) == [
        "Drop cap.",
        "Nästa stycke.",
    ]
