"""Pasting from Word and web pages with Ctrl+V keeps tables, list levels and links and
drops fonts, colours and empty paragraphs: checked in the database."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind, Run
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.rich_helpers import CONTROL, key, open_section, put_cursor, stored_section

P, B, N, T = BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.NUMBERED, BlockKind.TABLE

WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=SV>\n'
    "<!--StartFragment-->\n"
    "<p class=MsoListParagraphCxSpFirst"
    " style='margin-left:36pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\n"
    "<span style='mso-list:Ignore'>3.<span style='font:7.0pt \"Times New"
    " Roman\"'>&nbsp;&nbsp;</span></span>\n"
    "<span style='font-family:Calibri;color:#C00000'>Tredje punkten</span></p>\n"
    "<p class=MsoListParagraphCxSpMiddle"
    " style='margin-left:72pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'>\n"
    "<span"
    " style='mso-list:Ignore'>a.<span>&nbsp;&nbsp;</span></span>under<o:p></o:p></p>\n"
    "<p class=MsoListParagraphCxSpLast"
    " style='margin-left:36pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>\n"
    "<span style='mso-list:Ignore'>4.<span>&nbsp;&nbsp;</span></span>Fjärde med\n"
    '<a href="https://start.stockholm/plan"><span'
    " style='color:#0563C1'>planen</span></a></p>\n"
    "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
    "<table class=MsoTableGrid border=1><thead><tr><td><p"
    " class=MsoNormal><b>År</b></p></td>\n"
    "<td><p class=MsoNormal><b>Kostnad</b></p></td></tr></thead>\n"
    "<tr><td><p class=MsoNormal>2027</p></td><td><p class=MsoNormal\n"
    "style='background:yellow'>4,5</p></td></tr></table>\n"
    "<!--EndFragment--></body></html>\n"
)


def _paste(html: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("fallback")
    QApplication.clipboard().setMimeData(mime)


def test_ctrl_v_from_word_keeps_levels_numbers_links_and_tables(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Åtgärderna:"),))
    put_cursor(step, 0, len("Åtgärderna:"))
    _paste(WORD)
    key(step, Qt.Key.Key_V, CONTROL)
    blocks = stored_section(window, store, "bakgrund").blocks
    assert blocks == (
        Block.plain(P, "Åtgärderna:"),
        Block(N, (Run("Tredje punkten"),), start=3),
        Block(N, (Run("under"),), level=1),
        Block(N, (Run("Fjärde med "), Run("planen", link="https://start.stockholm/plan"))),
        Block(
            T,
            rows=(
                ((Run("År", bold=True),), (Run("Kostnad", bold=True),)),
                ((Run("2027"),), (Run("4,5"),)),
            ),
            header_rows=1,
        ),
    )
    doc = step.editor.text_edit.document()
    fourth = doc.findBlock(doc.find("Fjärde").position())
    assert fourth.textList().format().start() == 3 and fourth.textList().itemNumber(fourth) == 1
    html = doc.toHtml().lower()
    for foreign in ("calibri", "#c00000", "yellow", "times new roman"):
        assert foreign not in html
    key(step, Qt.Key.Key_Z, CONTROL)  # one paste, one undo step
    assert stored_section(window, store, "bakgrund").blocks == (Block.plain(P, "Åtgärderna:"),)


def test_ctrl_v_from_a_web_page_keeps_nesting_and_header_cells(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Före"),))
    put_cursor(step, 0, 4)
    _paste(
        "<ul style='font-family:Arial'><li>ett<ul><li>ett a</li></ul></li></ul>"
        "<table><tr><th>Skola</th></tr><tr><td>Husby</td></tr></table>"
        "<p>Se <a href='file:///etc/passwd'>filen</a>.</p>"
    )
    key(step, Qt.Key.Key_V, CONTROL)
    blocks = stored_section(window, store, "bakgrund").blocks
    assert blocks[1:] == (
        Block.plain(B, "ett"),
        Block(B, (Run("ett a"),), level=1),
        Block(T, rows=(((Run("Skola", bold=True),),), ((Run("Husby"),),)), header_rows=1),
        Block.plain(P, "Se filen."),
    )
