"""Tests for beslut.export.document: the exported .docx read back with python-docx."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from beslut.doctypes import load_doctype
from beslut.export import TemplateError
from beslut.export.document import render_docx
from beslut.export.ooxml import VAL, w
from beslut.model import Draft

Example = tuple[Draft, dict[str, bytes]]
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _export(draft: Draft, **options: Any) -> Any:
    return Document(io.BytesIO(render_docx(draft, **options)))


def _body(document: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def _num_id(paragraph: Any) -> str:
    return str(paragraph._p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(VAL))


def test_the_body_reads_back_in_order_with_the_template_styles(example: Example) -> None:
    draft, _ = example
    body = _body(_export(draft))
    assert body[:8] == [
        ("Title", "Avgiftsfri simskola för barn i årskurs 1–3 från 2027"),
        ("Subtitle", "Svar på uppdrag i nämndens verksamhetsplan"),
        ("Heading 1", "Förvaltningens förslag till beslut"),
        ("Beslutspunkt", draft.decisions[0]),
        ("Beslutspunkt", draft.decisions[1]),
        ("Beslutspunkt", "Beslutet justeras omedelbart."),
        ("Underskrift", "Anders Holm"),
        ("Underskrift titel", "Förvaltningschef"),
    ]
    headings = [text for style, text in body if style == "Heading 1"]
    assert headings == [
        "Förvaltningens förslag till beslut",
        "Sammanfattning",
        "Ärendets beredning",
        "Bakgrund",
        "Ärendet",
        "Förvaltningens synpunkter",
        "Bilagor",
    ]
    assert body[-2:] == [
        ("Bilaga", "Kostnadsberäkning för avgiftsfri simskola 2027"),
        ("Bilaga", "Schema för simskolan, vårterminen 2027"),
    ]
    assert ("List Bullet", "inte redan kan simma 25 meter,") in body
    assert ("Heading 2", "Vem simskolan är till för") in body
    assert all(text.strip() for _, text in body), "no empty paragraphs"


def test_the_document_type_decides_the_order_the_draft_its_headings(example: Example) -> None:
    draft, _ = example
    body = _body(_export(draft, doctype=load_doctype("svar_pa_skrivelse")))
    headings = [text for style, text in body if style == "Heading 1"]
    # svar_pa_skrivelse calls the part "arendet" Skrivelsen; the draft's own heading wins.
    assert headings[1:5] == ["Sammanfattning", "Ärendets beredning", "Ärendet", "Bakgrund"]


def test_decisions_and_bilagor_are_separate_lists_that_start_at_one(example: Example) -> None:
    draft, _ = example
    document = _export(draft)
    by_style: dict[str, set[str]] = {}
    for p in document.paragraphs:
        if p.style.name in ("Beslutspunkt", "Bilaga", "List Bullet"):
            by_style.setdefault(p.style.name, set()).add(_num_id(p))
    assert all(len(ids) == 1 for ids in by_style.values())
    decision, bilaga = by_style["Beslutspunkt"].pop(), by_style["Bilaga"].pop()
    assert decision != bilaga
    numbering = document.part.numbering_part.element
    for num_id in (decision, bilaga):
        num = numbering.find(f"{w('num')}[@{w('numId')}='{num_id}']")
        start = num.find(f"{w('lvlOverride')}/{w('startOverride')}")
        assert start.get(VAL) == "1"
        abstract = numbering.find(
            f"{w('abstractNum')}[@{w('abstractNumId')}='{num.find(w('abstractNumId')).get(VAL)}']"
        )
        assert abstract.find(f"{w('lvl')}/{w('numFmt')}").get(VAL) == "decimal"


def test_core_properties_and_swedish_proofing(example: Example) -> None:
    draft, _ = example
    document = _export(draft)
    props = document.core_properties
    assert props.title == draft.meta.title
    assert props.author == "Sara Lindqvist"
    assert props.language == "sv-SE"
    assert props.identifier == draft.meta.dnr
    assert props.category == "Beslutsärende"
    styles = document.styles.element
    lang = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    assert lang.get(VAL) == "sv-SE"
    assert {e.get(VAL) for e in styles.iter(w("lang"))} == {"sv-SE"}


def test_fields_are_filled_in_headers_and_footers(
    example: Example, organisation: dict[str, str], tmp_path: Path, parts: Callable[..., Any]
) -> None:
    draft, _ = example
    out = tmp_path / "tu.docx"
    out.write_bytes(render_docx(draft, extra_fields=organisation))
    xml = parts(out)
    assert not any("{{" in text for text in xml.values())
    text = {name: re.sub(r"<[^>]+>", "", part) for name, part in xml.items()}
    first = text["word/document.xml"]  # the first page's facts are in the body
    for expected in (
        "Idrottsförvaltningen",
        "Tjänsteutlåtande",
        f"Dnr {draft.meta.dnr}",
        "2026-02-22",
        "Handläggare: Sara Lindqvist",
        "Telefon: 08-508 123 45",
        "Till Idrottsnämnden",
        "Sammanträde 29 mars 2026",
    ):
        assert expected in first
    assert f"Dnr {draft.meta.dnr}" in text["word/header2.xml"]
    assert "Sida" in text["word/header1.xml"] and draft.meta.dnr not in text["word/header1.xml"]
    assert "Box 8310, 104 20 Stockholm" in text["word/footer1.xml"]
    assert "Växel: 08-508 27 000" in text["word/footer1.xml"]


def test_empty_fields_take_their_line_with_them(example: Example, tmp_path: Path) -> None:
    draft, _ = example
    document = _export(draft)  # no organisation fields, no e-post line in the footer
    footer = document.sections[0].first_page_footer
    texts = [p.text for table in footer.tables for c in table._cells for p in c.paragraphs]
    assert "Idrottsförvaltningen" in texts
    assert not any(t.startswith(("Besöksadress", "Växel")) for t in texts)


def test_the_logo_keeps_its_alternative_text(example: Example) -> None:
    draft, _ = example
    header = _export(draft).sections[0].first_page_header
    (doc_pr,) = header._element.iter(f"{WP}docPr")
    assert doc_pr.get("descr") == "Stadens logotyp: en krona"


def test_a_template_split_into_one_run_per_character_is_still_filled(
    example: Example, template: Path, tmp_path: Path, parts: Callable[..., Any]
) -> None:
    draft, _ = example
    split = tmp_path / "split.docx"
    _rewrite(template, split, _one_run_per_character)
    with zipfile.ZipFile(split) as archive:
        assert b"{{ dnr }}" not in archive.read("word/document.xml")
    out = tmp_path / "out.docx"
    out.write_bytes(render_docx(draft, template=split))
    xml = parts(out)
    assert not any("{{" in part for part in xml.values())
    assert "Till Idrottsnämnden" in re.sub(r"<[^>]+>", "", xml["word/document.xml"])
    assert Document(str(out)).paragraphs[0].text == draft.meta.title


def test_a_template_without_content_field_or_numbering_still_works(
    example: Example, template: Path, tmp_path: Path
) -> None:
    draft, _ = example
    bare = tmp_path / "bare.docx"

    def strip(name: str, data: bytes) -> bytes | None:
        if name == "word/numbering.xml":
            return None
        if name == "word/document.xml":
            return data.replace(b"{{ innehall }}", b"Inledning")
        if name == "word/_rels/document.xml.rels":
            return re.sub(rb'<Relationship Id="rIdNumbering"[^>]*/>', b"", data)
        return data

    _rewrite(template, bare, strip)
    document = _export(draft, template=bare)
    body = _body(document)
    assert body[2] == ("Body Text", "Inledning")
    assert body[3] == ("Heading 1", "Förvaltningens förslag till beslut")
    decisions = [p for p in document.paragraphs if p.style.name == "Beslutspunkt"]
    assert len({_num_id(p) for p in decisions}) == 1
    assert document.part.numbering_part.element.find(w("abstractNum")) is not None


def test_a_word_template_file_dotx_is_accepted(
    example: Example, template: Path, tmp_path: Path
) -> None:
    draft, _ = example
    dotx = tmp_path / "stadsmall.dotx"

    def relabel(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"document.main+xml", b"template.main+xml")
        return data

    _rewrite(template, dotx, relabel)
    assert _export(draft, template=dotx).paragraphs[0].text == draft.meta.title


def test_a_missing_or_broken_template_gives_a_swedish_message(
    example: Example, tmp_path: Path
) -> None:
    draft, _ = example
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"inte en zip")
    for path in (tmp_path / "saknas.docx", broken):
        with pytest.raises(TemplateError) as caught:
            render_docx(draft, template=path, doctype=load_doctype("beslutsarende"))
        assert "Wordmallen" in caught.value.user_message
        assert path.name in caught.value.user_message


def test_doctypes_beside_an_own_template_are_used(
    example: Example, template: Path, tmp_path: Path
) -> None:
    draft, _ = example
    own = tmp_path / "egen"
    (own / "doctypes").mkdir(parents=True)
    shutil.copy(template, own / "stadsmall.docx")
    (own / "doctypes" / "beslutsarende.toml").write_text(
        'name = "Eget"\n[decisions]\nheading = "Förslag"\n'
        '[[sections]]\nkey = "bakgrund"\nheading = "Hur det började"\n',
        encoding="utf-8",
    )
    headings = [
        text
        for style, text in _body(_export(draft, template=own / "stadsmall.docx"))
        if style == "Heading 1"
    ]
    # The type knows only bakgrund: the other parts keep their places around it.
    assert headings[:4] == ["Förslag", "Sammanfattning", "Ärendets beredning", "Bakgrund"]


def _rewrite(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                dst.writestr(info, data)


def _one_run_per_character(name: str, data: bytes) -> bytes:
    """Cut every run of text into one run per character, with spelling marks between."""
    if not re.fullmatch(r"word/(document|header\d|footer\d)\.xml", name):
        return data

    def split(match: re.Match[str]) -> str:
        return '<w:proofErr w:type="spellStart"/>'.join(
            f'<w:r><w:t xml:space="preserve">{ch}</w:t></w:r>' for ch in match.group(1)
        )

    text = data.decode("utf-8")
    return re.sub(r'<w:r><w:t xml:space="preserve">([^<]*)</w:t></w:r>', split, text).encode()
