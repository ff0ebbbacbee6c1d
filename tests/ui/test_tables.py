"""Tables in the text editor as a user makes them: insert from the Tabell menu, type
with Tab between cells, add and remove rows and columns, the header row; checked in the
database, and undone with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from beslut.checks.findings import Location, text_field
from beslut.model.draft import Block, BlockKind, Run
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import type_text
from tests.ui.rich_helpers import CONTROL, SHIFT, key, open_section, put_cursor, stored_section
from tests.ui.scripted import ScriptedMessages

P, T = BlockKind.PARAGRAPH, BlockKind.TABLE


def _table(window: MainWindow, store: Store) -> Block:
    blocks = stored_section(window, store, "bakgrund").blocks
    tables = [b for b in blocks if b.kind is T]
    assert len(tables) == 1, blocks
    return tables[0]


def _texts(table: Block) -> list[list[str]]:
    return [["".join(run.text for run in cell) for cell in row] for row in table.rows]


def _action(step: SectionStep, text: str) -> None:
    """Trigger ``text`` in the Tabell menu of the toolbar, as a click there does."""
    button = next(
        b for b in step.editor.findChildren(QToolButton) if b.accessibleName() == "Tabell"
    )
    menu = button.menu()
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    action.trigger()


def _in_cell(step: SectionStep, row: int, column: int) -> None:
    """The cursor in a cell of the section's table, as a click there puts it."""
    edit = step.editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().rootFrame().childFrames()[0].firstPosition())
    table = cursor.currentTable()
    assert table is not None
    edit.setTextCursor(table.cellAt(row, column).firstCursorPosition())
    edit.setFocus()


def test_insert_a_table_and_type_in_it(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Kostnader:"),))
    put_cursor(step, 0, 10)
    messages.texts.append("3 x 2")
    _action(step, "Infoga tabell…")
    assert messages.defaults[-1] == "3 x 2"
    edit = step.editor.text_edit
    type_text(edit, "Åtgärd")
    key(step, Qt.Key.Key_Tab)
    type_text(edit, "Kostnad (mnkr)")
    key(step, Qt.Key.Key_Tab)
    type_text(edit, "Ventilation")
    key(step, Qt.Key.Key_Tab)
    key(step, Qt.Key.Key_B, CONTROL)
    type_text(edit, "4,5")
    key(step, Qt.Key.Key_B, CONTROL)
    table = _table(window, store)
    assert table.header_rows == 1
    assert _texts(table) == [["Åtgärd", "Kostnad (mnkr)"], ["Ventilation", "4,5"], ["", ""]]
    assert table.rows[1][1] == (Run("4,5", bold=True),)
    assert stored_section(window, store, "bakgrund").blocks[0] == Block.plain(P, "Kostnader:")
    # Shift+Tab goes back a cell; Tab in the last cell adds a row, as in Word.
    key(step, Qt.Key.Key_Backtab, SHIFT)
    type_text(edit, "Kakel")
    for _ in range(4):  # to (1, 1), (2, 0), (2, 1), and a new row
        key(step, Qt.Key.Key_Tab)
    type_text(edit, "Summa")
    assert _texts(_table(window, store))[1:] == [["Kakel", "4,5"], ["", ""], ["Summa", ""]]


def test_rows_columns_and_header_from_the_menu_then_undo(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    blocks = (Block.table([["Skola", "Antal"], ["Husby", "120"], ["Rinkeby", "95"]]),)
    step = open_section(window, store, "bakgrund", blocks)
    _in_cell(step, 1, 0)  # "Husby"
    _action(step, "Lägg till rad")
    assert _texts(_table(window, store)) == [
        ["Skola", "Antal"], ["Husby", "120"], ["", ""], ["Rinkeby", "95"]
    ]  # fmt: skip
    # An empty row is kept while the table has text: it is part of the table.
    _action(step, "Lägg till kolumn")
    assert _texts(_table(window, store))[0] == ["Skola", "", "Antal"]
    _in_cell(step, 0, 1)
    _action(step, "Ta bort kolumn")
    _in_cell(step, 1, 0)
    _action(step, "Ta bort rad")
    assert _texts(_table(window, store)) == [["Skola", "Antal"], ["", ""], ["Rinkeby", "95"]]
    _action(step, "Rubrikrad")
    assert _table(window, store).header_rows == 0
    key(step, Qt.Key.Key_Z, CONTROL)  # the header row back
    assert _table(window, store).header_rows == 1
    key(step, Qt.Key.Key_Z, CONTROL)  # the row "Husby" back
    assert _texts(_table(window, store))[1] == ["Husby", "120"]


def test_a_link_in_a_cell(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    blocks = (Block.table([["Plan", "Länk"], ["Anläggningsplan", "planen"]]),)
    step = open_section(window, store, "bakgrund", blocks)
    doc = step.editor.text_edit.document()
    cell = doc.findBlock(doc.find("planen").position())
    put_cursor(step, cell.blockNumber(), 0, 6)
    messages.texts.append("https://start.stockholm/plan")
    key(step, Qt.Key.Key_K, CONTROL)
    assert _table(window, store).rows[1][1] == (Run("planen", link="https://start.stockholm/plan"),)


def test_a_finding_after_a_table_selects_its_own_text(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    blocks = (
        Block.plain(P, "Före"),
        Block.table([["Skola", "Antal"], ["Husby", "120"]]),
        Block.plain(P, "Efter tabellen"),
    )
    step = open_section(window, store, "bakgrund", blocks)
    step.reveal(Location("bakgrund", 2, start=0, end=5))  # the paragraph after the table
    assert step.editor.text_edit.textCursor().selectedText() == "Efter"


def test_a_finding_in_a_cell_selects_it_there(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    blocks = (Block.table([["Skola", "Datum"], ["Husby", "den 3 mars  2027"]]),)
    step = open_section(window, store, "bakgrund", blocks)
    step.reveal(Location("bakgrund", 0, field=text_field((1, 1)), start=10, end=12))
    cursor = step.editor.text_edit.textCursor()
    assert cursor.selectedText() == "  " and cursor.currentTable() is not None
    assert cursor.block().text() == "den 3 mars  2027"
