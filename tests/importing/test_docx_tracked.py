"""Word's tracked changes read as accepted, and text inside the elements that only mark
it (content controls, custom XML, smart tags, direction) read where it stands."""

from __future__ import annotations

from pathlib import Path

from beslut.model import BlockKind
from tests.importing.docxfiles import p, r, read, texts, write_docx

AUTHOR = 'w:id="{n}" w:author="Eva" w:date="2026-01-01T00:00:00Z"'


def _mark(tag: str, inner: str, n: int = 1) -> str:
    return f"<w:{tag} {AUTHOR.format(n=n)}>{inner}</w:{tag}>"


def test_moves_insertions_and_deletions_are_read_as_accepted(tmp_path: Path) -> None:
    moved_away = _mark("moveFrom", "<w:r><w:t>flyttad</w:t></w:r>", 1)
    deleted = _mark("del", "<w:r><w:delText>struken</w:delText></w:r>", 2)
    body = (
        f"<w:p>{r('Badet ')}{moved_away}{deleted}{_mark('ins', r('rustas '), 3)}"
        f"{r('upp ')}{_mark('moveTo', r('flyttad'), 4)}</w:p>"
    )
    document = read(write_docx(tmp_path / "spår.docx", body))
    assert texts(document) == ["Badet rustas upp flyttad"]


def test_a_paragraph_moved_whole_is_read_once_at_its_new_place(tmp_path: Path) -> None:
    body = (
        f"<w:p>{_mark('moveFrom', r('Andra stycket.'), 1)}</w:p>"
        + p("Första stycket.")
        + f"<w:p>{_mark('moveTo', r('Andra stycket.'), 2)}</w:p>"
    )
    document = read(write_docx(tmp_path / "flytt.docx", body))
    assert texts(document) == ["Första stycket.", "Andra stycket."]


def test_text_inside_marking_elements_is_read(tmp_path: Path) -> None:
    body = (
        f'<w:p><w:customXml w:element="namn">{r("Eva ")}</w:customXml>'
        f'<w:smartTag w:element="place">{r("Husby ")}</w:smartTag>'
        f'<w:dir w:val="rtl">{r("vänster ")}</w:dir>'
        f'<w:bdo w:val="ltr">{r("höger ")}</w:bdo>'
        f"<w:sdt><w:sdtPr/><w:sdtContent>{r('kontroll')}</w:sdtContent></w:sdt></w:p>"
    )
    document = read(write_docx(tmp_path / "märkt.docx", body))
    assert texts(document) == ["Eva Husby vänster höger kontroll"]


def test_block_level_content_controls_and_custom_xml_are_read(tmp_path: Path) -> None:
    body = (
        f"<w:sdt><w:sdtPr/><w:sdtContent>{p('I kontrollen.')}</w:sdtContent></w:sdt>"
        f'<w:customXml w:element="del">{p("I egen XML.")}'
        f"<w:sdt><w:sdtContent>{p('Djupare.')}</w:sdtContent></w:sdt></w:customXml>"
    )
    document = read(write_docx(tmp_path / "block.docx", body))
    assert texts(document) == ["I kontrollen.", "I egen XML.", "Djupare."]


def test_content_controls_around_table_rows_and_cells_are_read(tmp_path: Path) -> None:
    def cell(text: str) -> str:
        return f"<w:tc>{p(text)}</w:tc>"

    body = (
        p("Före tabellen.")
        + "<w:tbl>"
        + f"<w:tr>{cell('Åtgärd')}{cell('Mnkr')}</w:tr>"
        + f"<w:sdt><w:sdtContent><w:tr>{cell('Ventilation')}"
        + f"<w:sdt><w:sdtContent>{cell('4,5')}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
        + f'<w:customXml w:element="rad"><w:tr>{cell("Kakel")}{cell("2,1")}</w:tr></w:customXml>'
        + "</w:tbl>"
    )
    document = read(write_docx(tmp_path / "tabell.docx", body))
    table = document.blocks[1].block
    assert table.kind is BlockKind.TABLE
    assert table.text == "Åtgärd\tMnkr\nVentilation\t4,5\nKakel\t2,1"


def test_a_table_row_deleted_with_tracked_changes_is_left_out(tmp_path: Path) -> None:
    body = (
        "<w:tbl>"
        f"<w:tr><w:tc>{p('Kvar')}</w:tc></w:tr>"
        f"<w:tr><w:trPr>{_mark('del', '', 5)}</w:trPr><w:tc>{p('Struken')}</w:tc></w:tr>"
        "</w:tbl>"
    )
    document = read(write_docx(tmp_path / "rad.docx", body))
    assert texts(document) == ["Kvar"]


def test_a_content_control_showing_its_placeholder_adds_no_text(tmp_path: Path) -> None:
    prompt = "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
    body = (
        f"<w:p>{r('Dnr: ')}<w:sdt>{prompt}<w:sdtContent>{r('Klicka här för att ange text.')}"
        "</w:sdtContent></w:sdt></w:p>"
        f"<w:sdt>{prompt}<w:sdtContent>{p('Ange bakgrunden.')}</w:sdtContent></w:sdt>"
        f'<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>{p("Ifylld.")}'
        "</w:sdtContent></w:sdt>"
    )
    document = read(write_docx(tmp_path / "mall.docx", body))
    assert texts(document) == ["Dnr: ", "Ifylld."]
