"""Tables in the section editor: inserting one, adding and removing rows and columns,
the header row, and the Tabell menu."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QMenu, QTextEdit

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.ui.richtext.format import style_header
from beslut.ui.richtext.host import EditorHost
from beslut.ui.richtext.write import open_empty_block, table_format
from beslut.workflow.editing import checked_table_size


def current_table(cursor: QTextCursor) -> QTextTable | None:
    """The table the cursor stands in, or None."""
    return cursor.currentTable()


def insert_table(cursor: QTextCursor, rows: int, columns: int, header_rows: int = 1) -> QTextTable:
    """A new empty table at the cursor, in a block of its own; the cursor goes to its
    first cell."""
    cursor.beginEditBlock()
    if cursor.hasSelection():
        cursor.removeSelectedText()
    open_empty_block(cursor)
    table = cursor.insertTable(rows, columns, table_format(header_rows))
    style_header(table)
    cursor.endEditBlock()
    cursor.setPosition(table.cellAt(0, 0).firstPosition())
    return table


def move_in_table(edit: QTextEdit, delta: int) -> bool:
    """Tab (+1) / Shift+Tab (-1) in a table: to the next or previous cell, as in Word;
    Tab in the last cell adds a row. False outside a table."""
    cursor = edit.textCursor()
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    index = cell.row() * table.columns() + cell.column() + delta
    if index < 0:
        return True
    if index >= table.rows() * table.columns():
        cursor.beginEditBlock()
        table.appendRows(1)
        style_header(table)
        cursor.endEditBlock()
    target = table.cellAt(index // table.columns(), index % table.columns())
    cursor.setPosition(target.firstPosition())
    cursor.setPosition(target.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    return True


def change_table(cursor: QTextCursor, change: str) -> None:
    """One change to the table at the cursor: "row" / "column" adds one after the
    cursor's, "remove_row" / "remove_column" removes the cursor's (the last one removes
    the table), "header" turns the header row on or off."""
    table = cursor.currentTable()
    if table is None:
        return
    cell = table.cellAt(cursor)
    row, column = cell.row(), cell.column()
    cursor.beginEditBlock()
    removed = False
    if change == "row":
        table.insertRows(row + 1, 1)
    elif change == "column":
        table.insertColumns(column + 1, 1)
    elif change == "remove_row":
        if table.rows() == 1:
            _remove(cursor, table)
            removed = True
        else:
            table.removeRows(row, 1)
    elif change == "remove_column":
        if table.columns() == 1:
            _remove(cursor, table)
            removed = True
        else:
            table.removeColumns(column, 1)
    elif change == "header":
        fmt = table.format()
        fmt.setHeaderRowCount(0 if fmt.headerRowCount() else 1)
        table.setFormat(fmt)
    if not removed:
        _clamp_header(table)
        style_header(table)
    cursor.endEditBlock()


def _clamp_header(table: QTextTable) -> None:
    fmt = table.format()
    if fmt.headerRowCount() > table.rows():
        fmt.setHeaderRowCount(table.rows())
        table.setFormat(fmt)


def _remove(cursor: QTextCursor, table: QTextTable) -> None:
    # A copy of the caller's cursor: the wrapper table.document() gives was seen deleted.
    cursor = QTextCursor(cursor)
    cursor.setPosition(table.firstPosition() - 1)
    cursor.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


class TableActions:
    """The Tabell menu of a section editor."""

    def __init__(self, editor: EditorHost) -> None:
        self.editor = editor
        act = editor.action
        self.menu = QMenu(_("Tabell"), editor)
        self.insert_action = act(
            _("Infoga tabell…"), _("Infoga en tabell med en rubrikrad"), None, checkable=False
        )
        self.changes = {
            "row": act(_("Lägg till rad"), _("En ny rad under den här"), None, checkable=False),
            "remove_row": act(_("Ta bort rad"), _("Ta bort raden"), None, checkable=False),
            "column": act(
                _("Lägg till kolumn"),
                _("En ny kolumn till höger om den här"),
                None,
                checkable=False,
            ),
            "remove_column": act(_("Ta bort kolumn"), _("Ta bort kolumnen"), None, checkable=False),
            "header": act(
                _("Rubrikrad"), _("Första raden är tabellens rubrikrad, som upprepas på varje sida")
            ),
        }
        self.menu.addAction(self.insert_action)
        self.menu.addSeparator()
        self.menu.addActions(list(self.changes.values()))
        self.insert_action.triggered.connect(lambda _c=False: self._insert())
        for change, action in self.changes.items():
            action.triggered.connect(lambda _c=False, change=change: self._change(change))

    def update(self, cursor: QTextCursor) -> None:
        table = cursor.currentTable()
        for action in self.changes.values():
            action.setEnabled(table is not None)
        self.changes["header"].setChecked(table is not None and table.format().headerRowCount() > 0)
        self.insert_action.setEnabled(table is None)

    def _insert(self) -> None:
        answer = self.editor.messages.text(
            self.editor,
            _("Infoga tabell"),
            _("Antal rader och kolumner, till exempel 3 x 2 (rubrikraden räknas med):"),
            "3 x 2",
        )
        if answer is None:
            return
        try:
            rows, columns = checked_table_size(answer)
        except BeslutError as exc:
            self.editor.messages.error(self.editor, exc, _("Ingen tabell infogades"))
            return
        cursor = self.editor.text_edit.textCursor()
        insert_table(cursor, rows, columns)
        self.editor.text_edit.setTextCursor(cursor)
        self.editor.text_edit.setFocus()

    def _change(self, change: str) -> None:
        cursor = self.editor.text_edit.textCursor()
        change_table(cursor, change)
        self.update(self.editor.text_edit.textCursor())
