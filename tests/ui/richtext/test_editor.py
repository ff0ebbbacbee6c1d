"""Tests for the section editor and its conversion between model blocks and Qt."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtGui import QTextListFormat as ListFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from beslut.model.blocks import normalize_blocks
from beslut.model.draft import Block, BlockKind, Run
from beslut.model.example import example_draft
from beslut.ui.richtext import SectionEditor
from beslut.ui.richtext.area import RichTextEdit
from beslut.ui.richtext.commands import set_link, set_note, set_numbering
from beslut.ui.richtext.convert import blocks_to_document, document_to_blocks
from beslut.ui.richtext.paste import blocks_from_html, blocks_from_text
from beslut.ui.richtext.tables import change_table, insert_table
from beslut.ui.richtext.write import regroup_lists
from beslut.ui.richtext.write import write_blocks as write_block_by_block
from tests.today import TODAY

P, H, B, N = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET, BlockKind.NUMBERED

EVERY_KIND = (
    Block(H, (Run("Vad förvaltningen föreslår"), Run("i år", italic=True))),
    Block(
        P,
        (Run("Nämnden "), Run("beslutar", bold=True), Run(" att "), Run("å ä ö Å Ä Ö", True, True)),
    ),
    Block(B, (Run("första punkten, "), Run("viktig", bold=True))),
    Block(B, (Run("andra punkten"),)),
    Block(P, (Run("Rad ett\nrad två\tmed tabb och 10\xa0000 kr"),)),
    Block(N, (Run("ett"),)),
    Block(N, (Run("två", italic=True),)),
)


def _doc(blocks: tuple[Block, ...]) -> QTextDocument:
    doc = QTextDocument()
    blocks_to_document(blocks, doc)
    return doc


def _type(widget: RichTextEdit, text: str) -> None:
    """Type ``text`` key by key; keyClicks aborts on non-ASCII (see design.md)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def _html_mime(html: str, text: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    return mime


def _text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


@pytest.fixture
def editor(qtbot: QtBot) -> SectionEditor:
    widget = SectionEditor("Ärendet")
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    widget.activateWindow()
    assert QTest.qWaitForWindowActive(widget)  # shortcuts and focus need an active window
    widget.text_edit.setFocus()
    return widget


def _end(editor: SectionEditor) -> None:
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)


# --- the binding ------------------------------------------------------------------------


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_keep_none_alive() -> None:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a C++
    # method returning void; the editor makes thousands, and the process then aborts
    # with "none_dealloc". 6.11 is fine.
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(100):
        fmt.setFontItalic(True)
    assert sys.getrefcount(None) >= before - 5


# --- model <-> document -----------------------------------------------------------------


def test_every_kind_round_trips() -> None:
    assert document_to_blocks(_doc(EVERY_KIND)) == EVERY_KIND


def test_the_document_holds_real_structure() -> None:
    doc = _doc(EVERY_KIND)
    heading, paragraph, bullet, bullet2, _, first, second = (
        doc.findBlockByNumber(number) for number in range(7)
    )
    assert heading.blockFormat().headingLevel() == 3
    assert heading.charFormat().fontWeight() >= QFont.Weight.DemiBold
    heading_size = heading.begin().fragment().charFormat()
    assert heading_size.intProperty(QTextFormat.Property.FontSizeAdjustment) > 0
    assert paragraph.textList() is None and paragraph.blockFormat().headingLevel() == 0
    assert bullet.textList().format().style() == ListFormat.Style.ListDisc
    assert bullet.textList().objectIndex() == bullet2.textList().objectIndex()
    assert first.textList().format().style() == ListFormat.Style.ListDecimal
    assert first.textList().objectIndex() == second.textList().objectIndex()
    assert first.textList().itemNumber(second) == 1
    assert "\n" not in paragraph.text() and doc.blockCount() == 7


def test_numbering_continues_across_a_paragraph_until_it_restarts() -> None:
    blocks = (
        Block.plain(N, "a"),
        Block.plain(P, "mellan"),
        Block.plain(N, "b"),
        Block(N, (Run("c"),), start=1),
        Block(N, (Run("d"),), start=5),
        Block.plain(N, "e"),
    )
    doc = _doc(blocks)
    a, b, c, d, e = (doc.findBlockByNumber(n) for n in (0, 2, 3, 4, 5))
    assert a.textList().objectIndex() == b.textList().objectIndex()
    assert b.textList().itemNumber(b) == 1  # shown as 2.
    assert c.textList().objectIndex() != b.textList().objectIndex()
    assert d.textList().format().start() == 5 and e.textList().itemNumber(e) == 1
    assert document_to_blocks(doc) == blocks


def test_lists_regroup_as_the_model_sees_them() -> None:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for number, text in enumerate(("ett", " ", "två", "text", "tre")):
        if number:
            cursor.insertBlock(QTextBlockFormat())
        cursor.insertText(text)
        if text.strip() != "text" and text.strip():
            cursor.createList(ListFormat.Style.ListDecimal)
    regroup_lists(doc)
    one, two, three = (doc.findBlockByNumber(number) for number in (0, 2, 4))
    # A blank paragraph is dropped by the model and does not end the list; text does.
    assert one.textList().objectIndex() == two.textList().objectIndex()
    assert three.textList().itemNumber(three) == 2  # the numbering goes on after text
    assert document_to_blocks(doc) == (
        Block.plain(N, "ett"),
        Block.plain(N, "två"),
        Block.plain(P, "text"),
        Block.plain(N, "tre"),
    )


def test_blank_blocks_go_and_like_runs_merge() -> None:
    blocks = (
        Block(P, (Run("Det "), Run(""), Run("här", bold=False), Run(" fet", bold=True))),
        Block.plain(P, "   "),
        Block(P, ()),
        Block.plain(B, "\xa0"),
        Block(H, (Run("Rubrik ", bold=True), Run("delad"))),
    )
    expected = (
        Block(P, (Run("Det här"), Run(" fet", bold=True))),
        Block(H, (Run("Rubrik delad"),)),
    )
    assert normalize_blocks(blocks) == expected
    assert document_to_blocks(_doc(blocks)) == expected


def test_reading_leaves_the_document_alone() -> None:
    doc = _doc((Block.plain(P, "Text"),))
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    html = doc.toHtml()
    assert document_to_blocks(doc) == (Block.plain(P, "Text"),)
    assert doc.blockCount() == 2 and doc.toHtml() == html


def test_images_are_not_text() -> None:
    doc = QTextDocument()
    doc.setHtml("<p>före<img src='x.png'>efter</p>")
    assert document_to_blocks(doc) == (Block.plain(P, "föreefter"),)


_TEXT = st.text(
    alphabet=st.sampled_from("aåäöÅÄÖz .,–-•1\n\t\xa0\u2028é€\ufffc🏊"), min_size=0, max_size=12
)
_LINKS = st.sampled_from(["", "", "https://start.stockholm/a", "mailto:eva@stad.se"])
_NOTES = st.sampled_from(["", "", "", "Enligt beslut.", "Not två"])
_RUNS = st.lists(st.builds(Run, _TEXT, st.booleans(), st.booleans(), _LINKS, _NOTES), max_size=4)
_CELL = st.lists(st.builds(Run, _TEXT, st.booleans(), st.booleans(), _LINKS, _NOTES), max_size=2)


@st.composite
def _block(draw: st.DrawFn) -> Block:
    """Any block: every kind, list levels, heading levels, starts, tables."""
    kind = draw(st.sampled_from([P, H, B, N, BlockKind.TABLE]))
    if kind is BlockKind.TABLE:
        width = draw(st.integers(1, 3))
        rows = draw(
            st.lists(st.lists(_CELL.map(tuple), min_size=1, max_size=width), min_size=1, max_size=3)
        )
        header = draw(st.integers(0, len(rows)))
        return Block(kind, rows=tuple(tuple(row) for row in rows), header_rows=header)
    level = (
        draw(st.integers(0, 2)) if kind in (B, N) else draw(st.integers(1, 2)) if kind is H else 0
    )
    start = draw(st.sampled_from([None, None, 1, 3])) if kind is N else None
    return Block(kind, tuple(draw(_RUNS)), level=level, start=start)


_BLOCKS = st.lists(_block(), max_size=8)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BLOCKS)
def test_any_blocks_round_trip(blocks: list[Block]) -> None:
    result = document_to_blocks(_doc(tuple(blocks)))
    assert result == normalize_blocks(blocks)
    assert normalize_blocks(result) == result
    visible = [b for b in blocks if b.text.replace("\ufffc", "").strip()]
    assert [b.kind for b in result] == [b.kind for b in visible]


def _big_section() -> tuple[Block, ...]:
    paragraph = Block(
        P,
        (
            Run("Förvaltningen föreslår att nämnden "),
            Run("beslutar", bold=True),
            Run(" om en avgiftsfri simskola för barn i årskurs 1–3. " * 6),
        ),
    )
    items = (Block.plain(H, "Mellanrubrik"), Block.plain(B, "en punkt"), Block.plain(N, "ett"))
    return (paragraph, paragraph, *items) * 150


def test_a_100_kb_section_converts_quickly() -> None:
    blocks = _big_section()
    assert sum(len(block.text) for block in blocks) > 100_000
    doc = QTextDocument()
    start = time.perf_counter()
    blocks_to_document(blocks, doc)
    middle = time.perf_counter()
    assert document_to_blocks(doc) == blocks
    end = time.perf_counter()
    # Generous bounds: this catches work that grows with the square of the size.
    assert middle - start < 0.25 and end - middle < 0.25


def _structure(doc: QTextDocument) -> list[object]:
    """Everything about ``doc`` that formatting decides: each block's formats, its list,
    and its text with the format of each stretch of it."""
    lists: dict[int, int] = {}
    result: list[object] = []
    block: QTextBlock = doc.begin()
    while block.isValid():
        text_list = block.textList()
        group: tuple[int, dict[int, object]] | None = None
        if text_list is not None:
            number = lists.setdefault(text_list.objectIndex(), len(lists))
            group = (number, text_list.format().properties())
        fragments = [
            (it.fragment().text(), it.fragment().charFormat().properties())
            for it in block  # type: ignore[attr-defined]
        ]
        block_properties = block.blockFormat().properties()
        block_properties.pop(QTextFormat.Property.ObjectIndex.value, None)  # Qt's numbering
        result.append((block_properties, block.charFormat().properties(), group, fragments))
        block = block.next()
    return result


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BLOCKS)
def test_the_document_is_the_one_written_block_by_block(blocks: list[Block]) -> None:
    """blocks_to_document writes all text at once, then the formats; the result is the
    document writing block by block (as pasting does) gives."""
    fast = _doc(tuple(blocks))
    slow = QTextDocument()
    slow.clear()  # as blocks_to_document does
    cursor = QTextCursor(slow)
    cursor.beginEditBlock()
    write_block_by_block(cursor, [block for block in blocks if block.text.strip()])
    cursor.endEditBlock()
    assert _structure(fast) == _structure(slow)
    assert fast.toHtml() == slow.toHtml()


def test_characters_beyond_the_bmp_keep_formats_in_place() -> None:
    blocks = (Block(P, (Run("🏊 simskola "), Run("fet", bold=True), Run(" 🏊 och "))),)
    assert document_to_blocks(_doc(blocks)) == blocks


_EDITS = st.sampled_from(
    [
        *("type", "delete", "bold", "italic", "kind", "enter", "undo", "paste"),
        *("tab", "backtab", "restart", "continue", "link", "note", "table", "heading2"),
    ]
)


def _edit(editor: SectionEditor, edit: str, at: float, to: float, text: str) -> None:
    """One edit as the user makes it, at and to fractions of the text."""
    edit_widget = editor.text_edit
    doc = edit_widget.document()
    last = doc.characterCount() - 1
    first, second = sorted((round(at * last), round(to * last)))
    cursor = QTextCursor(doc)
    cursor.setPosition(first)
    cursor.setPosition(second, QTextCursor.MoveMode.KeepAnchor)
    edit_widget.setTextCursor(cursor)
    if edit == "type":
        _type(edit_widget, text.replace("\n", "").replace("\u2028", "") or "x")
    elif edit == "delete":
        cursor.removeSelectedText()
    elif edit in ("bold", "italic"):
        (editor.bold_action if edit == "bold" else editor.italic_action).trigger()
    elif edit == "kind":
        editor.kind_actions[list(BlockKind)[len(text) % 4]].trigger()
    elif edit == "enter":
        QTest.keyClick(edit_widget, Qt.Key.Key_Return)
    elif edit == "undo":
        edit_widget.undo()
    elif edit in ("tab", "backtab"):
        key = Qt.Key.Key_Tab if edit == "tab" else Qt.Key.Key_Backtab
        QTest.keyClick(edit_widget, key)
    elif edit in ("restart", "continue"):
        set_numbering(edit_widget.textCursor(), 1 if edit == "restart" else None)
    elif edit == "link":
        set_link(edit_widget.textCursor(), "https://a.se" if len(text) % 3 else "")
    elif edit == "note":
        set_note(edit_widget.textCursor(), text.strip())
    elif edit == "table":
        change_table(
            edit_widget.textCursor(), ["row", "column", "remove_row", "header"][len(text) % 4]
        )
        if len(text) % 5 == 0:
            insert_table(edit_widget.textCursor(), 2, 2)
    elif edit == "heading2":
        editor.heading2_action.trigger()
    else:
        edit_widget.insert_blocks(EVERY_KIND[len(text) % 4 : len(text) % 4 + 2])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _BLOCKS,
    st.lists(st.tuples(_EDITS, st.floats(0, 1), st.floats(0, 1), _TEXT), min_size=1, max_size=10),
)
def test_the_editor_reads_what_a_fresh_conversion_reads(
    qapp: QApplication, blocks: list[Block], edits: list[tuple[str, float, float, str]]
) -> None:
    """The editor converts again only the blocks that changed; whatever was edited, the
    result is what converting the whole document again gives."""
    editor = SectionEditor("Ärendet")
    try:
        editor.set_blocks(blocks)
        doc = editor.text_edit.document()
        assert editor.blocks() == document_to_blocks(doc) == normalize_blocks(blocks)
        for edit, at, to, text in edits:
            _edit(editor, edit, at, to, text)
            assert editor.blocks() == document_to_blocks(doc), edit
    finally:
        editor.deleteLater()


def test_only_the_changed_block_is_converted_again(editor: SectionEditor) -> None:
    editor.set_blocks(EVERY_KIND)
    before = editor.blocks()
    assert editor.blocks() is before  # nothing changed: the same result
    cursor = QTextCursor(editor.text_edit.document().findBlockByNumber(3))
    cursor.insertText("Nu ")
    after = editor.blocks()
    assert after[3] == Block.plain(B, "Nu andra punkten")
    assert all(after[i] is before[i] for i in range(len(before)) if i != 3)


def test_a_shown_editor_lays_out_what_set_blocks_wrote(editor: SectionEditor) -> None:
    doc = editor.text_edit.document()
    editor.set_blocks(_big_section())
    QApplication.processEvents()
    assert doc.pageSize().width() == editor.text_edit.viewport().width()
    assert editor.text_edit.textCursor().position() == 0
    assert editor.text_edit.verticalScrollBar().value() == 0
    assert doc.documentLayout().documentSize().height() > editor.text_edit.height()
    first = doc.begin()
    assert first.layout().lineCount() > 0 and first.text().startswith("Förvaltningen")


# --- paste ------------------------------------------------------------------------------

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset=utf-8>
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:11.0pt;
font-family:"Calibri",sans-serif;} --></style></head><body lang=SV>
<!--StartFragment-->
<h2><span style='font-family:"Calibri Light";color:#2F5496;mso-themecolor:accent1'>Bakgrund
till ärendet</span></h2>
<p class=MsoNormal><span style="font-family:Calibri;color:#FF0000;background:yellow;
font-size:14pt">Nämnden har </span><b>fått</b> <strong>ett</strong> <span
style='font-weight:700;mso-bidi-font-weight:normal'>uppdrag</span> av <i>kommunfullmäktige</i>
<a href="https://example.org"><span style='color:#0563C1'>här</span></a>.<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>barn i årskurs 1–3<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if
!supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>som
<b>inte</b> kan simma<o:p></o:p></p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'
>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Första steget<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if
!supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'
>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Andra steget<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200
style='background:#D9E2F3'><p class=MsoNormal><b>Skola</b></p></td><td><p
class=MsoNormal>Antal</p></td></tr><tr><td><p class=MsoNormal>Husby</p></td><td>
<p class=MsoNormal>120</p></td></tr></table>
<p class=MsoNormal><span style='mso-no-proof:yes'><img width=100 height=50
src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"></span>Efter
bilden</p>
<!--EndFragment--></body></html>"""

WORD_BLOCKS = (
    Block.plain(H, "Bakgrund till ärendet"),
    Block(
        P,
        (
            Run("Nämnden har "),
            Run("fått", bold=True),
            Run(" "),
            Run("ett", bold=True),
            Run(" "),
            Run("uppdrag", bold=True),
            Run(" av "),
            Run("kommunfullmäktige", italic=True),
            Run(" "),
            Run("här", link="https://example.org"),
            Run("."),
        ),
    ),
    Block.plain(B, "barn i årskurs 1–3"),
    Block(B, (Run("som "), Run("inte", bold=True), Run(" kan simma")), level=1),
    Block.plain(N, "Första steget"),
    Block.plain(N, "Andra steget"),
    Block(
        BlockKind.TABLE,
        rows=(
            ((Run("Skola", bold=True),), (Run("Antal"),)),
            ((Run("Husby"),), (Run("120"),)),
        ),
    ),
    Block.plain(P, "Efter bilden"),
)


def test_word_html_is_reduced_to_the_model() -> None:
    assert blocks_from_html(WORD_HTML) == WORD_BLOCKS


def test_pasting_word_html_leaves_only_clean_formatting(editor: SectionEditor) -> None:
    editor.text_edit.insertFromMimeData(_html_mime(WORD_HTML, "plain fallback"))
    assert editor.blocks() == WORD_BLOCKS
    html = editor.text_edit.document().toHtml()
    for foreign in ("Calibri", "#ff0000", "#2f5496", "yellow", "<img", "#d9e2f3", "0563c1"):
        assert foreign not in html.lower()
    numbered = editor.text_edit.document().findBlockByNumber(5)
    assert numbered.textList().itemNumber(numbered) == 1


def test_web_lists_and_headings() -> None:
    html = (
        "<h1 style='font-size:40px'>Stor rubrik</h1><ul><li>ett</li><li><b>två</b></li></ul>"
        "<ol type=a><li>a-punkt</li></ol><p style='margin-bottom:40px'>slut</p>"
    )
    assert blocks_from_html(html) == (
        Block.plain(H, "Stor rubrik"),
        Block.plain(B, "ett"),
        Block(B, (Run("två", bold=True),)),
        Block.plain(N, "a-punkt"),
        Block.plain(P, "slut"),
    )


def test_web_levels_ranks_tables_and_links() -> None:
    html = (
        "<h2>Kapitel</h2><h3>Avsnitt</h3>"
        "<ul><li>ett<ul><li>ett a<ol><li>djupast</li></ol></li></ul></li><li>två</li></ul>"
        "<table style='color:red'><tr><th>Skola</th><th>Antal</th></tr>"
        "<tr><td><a href='https://x.se/husby'>Husby</a></td><td>120</td></tr></table>"
        "<p>Se <a href='#top'>ovan</a> och <a href='javascript:x()'>här</a>.</p>"
        "<ol start=3><li>tre</li><li>fyra</li></ol>"
    )
    assert blocks_from_html(html) == (
        Block.plain(H, "Kapitel"),
        Block(H, (Run("Avsnitt"),), level=2),
        Block.plain(B, "ett"),
        Block(B, (Run("ett a"),), level=1),
        Block(N, (Run("djupast"),), level=2),
        Block.plain(B, "två"),
        Block(
            BlockKind.TABLE,
            rows=(
                ((Run("Skola", bold=True),), (Run("Antal", bold=True),)),
                ((Run("Husby", link="https://x.se/husby"),), (Run("120"),)),
            ),
            header_rows=1,
        ),
        Block.plain(P, "Se ovan och här."),
        Block(N, (Run("tre"),), start=3),
        Block.plain(N, "fyra"),
    )


def test_plain_text_lines_become_blocks() -> None:
    text = (
        "Inledning\r\n\r\n• punkt ett\n- punkt två\n– punkt tre\n* punkt fyra\n"
        "1. ett\n2) två\n-5 grader\n"
    )
    assert blocks_from_text(text) == (
        Block.plain(P, "Inledning"),
        Block.plain(B, "punkt ett"),
        Block.plain(B, "punkt två"),
        Block.plain(B, "punkt tre"),
        Block.plain(B, "punkt fyra"),
        Block.plain(N, "ett"),
        Block.plain(N, "två"),
        Block.plain(P, "-5 grader"),
    )


def test_pasting_lines_splits_the_paragraph_around_them(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "Före efter"),))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(5)
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.insertFromMimeData(_text_mime("• ett\n• två"))
    assert editor.blocks() == (
        Block.plain(P, "Före "),
        Block.plain(B, "ett"),
        Block.plain(B, "två"),
        Block.plain(P, "efter"),
    )


def test_one_pasted_line_joins_the_text_at_the_cursor(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(H, "Rubrik"), Block(P, (Run("fet", bold=True),))))
    _end(editor)
    editor.text_edit.insertFromMimeData(_text_mime("- och mer"))
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    editor.text_edit.insertFromMimeData(_html_mime("<p><span style='color:red'>Ny </span></p>"))
    assert editor.blocks() == (
        Block.plain(H, "Ny Rubrik"),
        Block(P, (Run("fet- och mer", bold=True),)),
    )


def test_pasted_items_join_the_list_they_land_in(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(N, "ett"), Block.plain(N, "fyra")))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(3)  # end of "ett"
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.insertFromMimeData(_html_mime("<ol><li>två</li><li>tre</li></ol>"))
    doc = editor.text_edit.document()
    lists = {doc.findBlockByNumber(number).textList().objectIndex() for number in range(4)}
    assert [doc.findBlockByNumber(n).text() for n in range(4)] == ["ett", "två", "tre", "fyra"]
    assert len(lists) == 1


def test_html_source_line_breaks_are_not_spaces() -> None:
    word = "<body>\n<!--StartFragment-->\n<p class=MsoNormal>några ord<o:p></o:p></p>\n\n"
    browser = "<body>\n<!--StartFragment--><span style='color:red'>några ord </span>"
    end = "<!--EndFragment-->\n</body>\n</html>"
    assert blocks_from_html(word + end) == (Block.plain(P, "några ord"),)
    assert blocks_from_html(browser + end) == (Block.plain(P, "några ord "),)


def test_one_copied_item_joins_text_but_fills_an_empty_line(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "Text"),))
    _end(editor)
    editor.text_edit.insertFromMimeData(_html_mime("<ul><li>bit</li></ul>"))
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    editor.text_edit.insertFromMimeData(_html_mime("<ul><li>punkt</li></ul>"))
    assert editor.blocks() == (Block.plain(P, "Textbit"), Block.plain(B, "punkt"))


def test_pasted_items_join_the_list_below(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "Inledning"), Block.plain(N, "tre")))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(len("Inledning"))
    editor.text_edit.setTextCursor(cursor)
    editor.text_edit.insertFromMimeData(_html_mime("<ol><li>ett</li><li>två</li></ol>"))
    third = editor.text_edit.document().findBlockByNumber(3)
    assert third.text() == "tre" and third.textList().itemNumber(third) == 2


def test_a_paste_is_one_undo_step(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "Text"),))
    _end(editor)
    editor.text_edit.insertFromMimeData(_html_mime("<p>ett</p><ul><li>två</li></ul>"))
    assert len(editor.blocks()) == 3
    editor.text_edit.undo()
    assert editor.blocks() == (Block.plain(P, "Text"),)


def test_only_text_can_be_pasted(editor: SectionEditor) -> None:
    image = QMimeData()
    image.setImageData(QImage(4, 4, QImage.Format.Format_RGB32))
    assert not editor.text_edit.canInsertFromMimeData(image)
    assert editor.text_edit.canInsertFromMimeData(_text_mime("a"))
    assert editor.text_edit.canInsertFromMimeData(_html_mime("<p>a</p>"))


# --- the editor -------------------------------------------------------------------------


def test_typed_swedish_text_reaches_the_blocks(editor: SectionEditor) -> None:
    _type(editor.text_edit, "Förslag på åtgärd: öka")
    assert editor.blocks() == (Block.plain(P, "Förslag på åtgärd: öka"),)


def test_ctrl_b_toggles_bold_for_typed_text(editor: SectionEditor) -> None:
    _type(editor.text_edit, "vanlig ")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.bold_action.isChecked()
    _type(editor.text_edit, "fet")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    _type(editor.text_edit, " åter")
    assert editor.blocks() == (Block(P, (Run("vanlig "), Run("fet", bold=True), Run(" åter"))),)


def test_ctrl_i_makes_the_selection_italic(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "ett två"),))
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.blocks() == (Block(P, (Run("ett "), Run("två", italic=True))),)


def test_undo_and_redo(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(P, "Början"),))
    _end(editor)
    _type(editor.text_edit, " och slut")
    control = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, control)
    assert editor.blocks() == (Block.plain(P, "Början"),)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Y, control)
    assert editor.blocks() == (Block.plain(P, "Början och slut"),)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, control)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert editor.blocks() == (Block.plain(P, "Början och slut"),)


def test_set_blocks_is_not_an_edit(editor: SectionEditor, qtbot: QtBot) -> None:
    with qtbot.assert_not_emitted(editor.content_changed):
        editor.set_blocks(EVERY_KIND)
    assert editor.blocks() == EVERY_KIND
    assert not editor.text_edit.document().isUndoAvailable()
    with qtbot.wait_signal(editor.content_changed, timeout=1000):
        _type(editor.text_edit, "ä")


def test_set_blocks_with_what_is_shown_keeps_the_cursor(
    editor: SectionEditor, qtbot: QtBot
) -> None:
    editor.set_blocks((Block.plain(P, "Stycke"),))
    _end(editor)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    editor.set_blocks(editor.blocks())
    assert editor.text_edit.document().blockCount() == 2
    _type(editor.text_edit, "nytt")
    assert editor.blocks() == (Block.plain(P, "Stycke"), Block.plain(P, "nytt"))


def test_enter_after_a_heading_gives_body_text(editor: SectionEditor) -> None:
    editor.set_blocks((Block.plain(H, "Rubrik"),))
    _end(editor)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    _type(editor.text_edit, "brödtext")
    assert editor.blocks() == (Block.plain(H, "Rubrik"), Block.plain(P, "brödtext"))
    fmt = editor.text_edit.currentCharFormat()
    assert fmt.fontWeight() < QFont.Weight.DemiBold
    assert fmt.intProperty(QTextFormat.Property.FontSizeAdjustment) == 0


def test_block_kind_actions(editor: SectionEditor) -> None:
    editor.set_blocks(
        (
            Block(P, (Run("Rubrik "), Run("fet", bold=True))),
            Block.plain(P, "a"),
            Block.plain(P, "b"),
        )
    )
    shift_control = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(editor.text_edit, Qt.Key.Key_R, shift_control)
    assert editor.blocks()[0] == Block.plain(H, "Rubrik fet")
    assert editor.kind_actions[H].isChecked() and not editor.bold_action.isEnabled()
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.kind_actions[N].trigger()
    assert [block.kind for block in editor.blocks()] == [H, N, N]
    editor.kind_actions[N].trigger()
    assert [block.kind for block in editor.blocks()] == [H, P, P]
    editor.kind_actions[B].trigger()
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(editor.text_edit, Qt.Key.Key_N, shift_control)
    assert editor.blocks()[0] == Block.plain(P, "Rubrik fet")
    assert [block.kind for block in editor.blocks()] == [P, B, B]


def test_numbering_follows_the_model_after_a_change(editor: SectionEditor) -> None:
    editor.set_blocks(tuple(Block.plain(N, text) for text in ("ett", "två", "tre")))
    doc = editor.text_edit.document()
    cursor = QTextCursor(doc.findBlockByNumber(1))
    editor.text_edit.setTextCursor(cursor)
    editor.kind_actions[P].trigger()
    third = doc.findBlockByNumber(2)
    assert third.textList().itemNumber(third) == 1  # the numbering goes on after text
    editor.kind_actions[N].trigger()
    assert third.textList().itemNumber(third) == 2


def test_actions_are_swedish_and_reachable(editor: SectionEditor) -> None:
    texts = [action.text() for action in editor.text_edit.format_actions]
    assert texts == [
        "Fet",
        "Kursiv",
        "Brödtext",
        "Underrubrik",
        "Underrubrik 2",
        "Punktlista",
        "Numrerad lista",
        "Öka listnivå",
        "Minska listnivå",
        "Numrering",
        "Länk…",
        "Fotnot…",
        "Tabell",
    ]
    for action in (editor.bold_action, editor.italic_action, *editor.style_actions.values()):
        assert action.toolTip() and not action.shortcut().isEmpty()
        button = editor.toolbar.widgetForAction(action)
        assert button is not None and button.accessibleName() == action.text()
    for action in editor.text_edit.format_actions:
        assert action.toolTip() or action.menu() is not None
    assert editor.bold_action.shortcut().toString() == "Ctrl+B"
    assert editor.italic_action.shortcut().toString() == "Ctrl+I"
    assert editor.extra.link_action.shortcut().toString() == "Ctrl+K"
    assert editor.extra.note_action.shortcut().toString() == "Ctrl+Alt+F"
    assert editor.text_edit.accessibleName() == "Ärendet – text"
    assert editor.toolbar.accessibleName() and editor.accessibleName() == "Ärendet"
    menu = editor.text_edit.context_menu(QPoint(1, 1))
    assert {"Fet", "Punktlista", "Numrering", "Tabell"} <= {a.text() for a in menu.actions()}


def test_tab_moves_on_instead_of_typing(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    editor, after = SectionEditor("Ärendet"), QLineEdit()
    layout.addWidget(editor)
    layout.addWidget(after)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    editor.text_edit.setFocus()
    _type(editor.text_edit, "a")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert editor.blocks() == (Block.plain(P, "a"),)


def _render_example(path: Path) -> QImage:
    draft, _ = example_draft(TODAY)
    section = draft.section("arendet")
    assert section is not None
    widget = SectionEditor(section.heading)
    widget.resize(640, 420)
    widget.set_blocks(section.blocks)
    widget.show()
    image = widget.grab().toImage()
    image.save(str(path))
    widget.close()
    widget.deleteLater()
    return image


def test_the_example_section_renders(qtbot: QtBot, tmp_path: Path) -> None:
    """Writes the picture to tmp_path; look at it when changing how the editor looks."""
    image = _render_example(tmp_path / "richtext.png")
    assert image.width() == 640
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 200  # text was drawn, not empty boxes
