"""Links Word writes as fields (w:fldSimple, and complex fields of w:fldChar and
w:instrText) keep their text and their address; a field's code never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.importing.docx_runs import field_link
from tests.importing.docxfiles import r, read, write_docx


def _char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instr(code: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'


def _runs(tmp_path: Path, paragraph: str) -> list[tuple[str, str]]:
    document = read(write_docx(tmp_path / "fält.docx", f"<w:p>{paragraph}</w:p>"))
    return [(run.text, run.link) for run in document.blocks[0].block.runs]


def test_a_simple_hyperlink_field_keeps_its_text_and_link(tmp_path: Path) -> None:
    instr = " HYPERLINK &quot;https://start.stockholm/&quot; "
    field = f'<w:fldSimple w:instr="{instr}">{r("staden")}</w:fldSimple>'
    assert _runs(tmp_path, r("Se ") + field + r(".")) == [
        ("Se ", ""),
        ("staden", "https://start.stockholm/"),
        (".", ""),
    ]


def test_a_complex_hyperlink_field_keeps_its_text_and_link(tmp_path: Path) -> None:
    field = (
        _char("begin")
        + _instr(' HYPERLINK "https://www.riksdagen.se/sfs" \\o "Lagen" ')
        + _char("separate")
        + r("lagen")
        + _char("end")
    )
    assert _runs(tmp_path, r("Enligt ") + field + r(" gäller")) == [
        ("Enligt ", ""),
        ("lagen", "https://www.riksdagen.se/sfs"),
        (" gäller", ""),
    ]


def test_a_field_in_a_fields_code_shows_nothing_and_the_result_shows(tmp_path: Path) -> None:
    nested = _char("begin") + _instr(" PAGE ") + _char("separate") + r("9") + _char("end")
    field = (
        _char("begin")
        + _instr(" IF ")
        + nested
        + _instr(' = 9 "nio" ')
        + _char("separate")
        + r("nio")
        + _char("end")
    )
    assert _runs(tmp_path, r("Sidan ") + field) == [("Sidan ", ""), ("nio", "")]


def test_a_field_never_separated_does_not_hide_the_next_paragraph(tmp_path: Path) -> None:
    body = f"<w:p>{r('Ett')}{_char('begin')}{_instr(' AUTHOR ')}</w:p><w:p>{r('Två')}</w:p>"
    document = read(write_docx(tmp_path / "trasigt.docx", body))
    assert [b.text for b in document.blocks] == ["Ett", "Två"]


@pytest.mark.parametrize(
    ("code", "link"),
    [
        (' HYPERLINK "https://a.se/x" ', "https://a.se/x"),
        ("HYPERLINK https://a.se/y", "https://a.se/y"),
        (' HYPERLINK \\l "bokmärke" ', ""),  # a place in the document: no address
        (' HYPERLINK \\o "tips" "mailto:eva@stad.se" ', "mailto:eva@stad.se"),
        (' HYPERLINK "file:///C:/hemligt.docx" ', ""),  # only web and mail addresses
        (" PAGEREF _Toc1 \\h ", ""),
        ("", ""),
    ],
)
def test_the_address_of_a_hyperlink_field(code: str, link: str) -> None:
    assert field_link(code) == link
