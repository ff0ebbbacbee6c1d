"""The text area of a section editor: paste reduced to the model, Tab for list levels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QTextEdit, QToolTip, QWidget

from beslut.i18n import _
from beslut.model.draft import MAX_BLOCK_CHARS, Block, BlockKind
from beslut.model.limits import limit_text, too_long
from beslut.ui.richtext.commands import change_level, renumber_notes
from beslut.ui.richtext.format import RESTART_PROPERTY
from beslut.ui.richtext.marks import Marks
from beslut.ui.richtext.paste import blocks_from_html, blocks_from_text, inline_text
from beslut.ui.richtext.tables import move_in_table
from beslut.ui.richtext.write import insert_blocks, regroup_lists

_EXACT = QKeySequence.SequenceMatch.ExactMatch


class RichTextEdit(QTextEdit):
    """The text area of a section: whatever is pasted or dropped is reduced to the model.

    Tab and Shift+Tab move a list item a level deeper or up; where they cannot, they
    move the focus on, as everywhere else.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.format_actions: list[QAction] = []
        self.undo_elsewhere: Callable[[bool], None] | None = None
        self.marks: Marks | None = None  # spelling and findings, set by the editor
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_own_shortcut(event):
            event.ignore()  # the editor's action, not QTextEdit's key binding (Ctrl+K)
            return True
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if self._undo_elsewhere(event):
                return True
        if event.type() == QEvent.Type.KeyPress and not self.isReadOnly():
            assert isinstance(event, QKeyEvent)
            delta = _level_key(event)
            if delta and (move_in_table(self, delta) or change_level(self.textCursor(), delta)):
                event.accept()
                return True
        return super().event(event)

    def _undo_elsewhere(self, event: QKeyEvent) -> bool:
        """Ctrl+Z / Ctrl+Y (and the platform's other undo and redo keys) undo (redo) in
        the text; with nothing left there, they go to ``undo_elsewhere`` (the editor's
        added and removed parts).

        Taken here, before any shortcut sees them: Ctrl+Y is not every platform's redo
        key (X11 has Ctrl+Shift+Z), so QTextEdit let it pass, the window's Gör om and
        the editor's own both claimed it, and Qt ran neither (an ambiguous shortcut).
        """
        if self.isReadOnly():
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            redo = False
        elif event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            redo = True
        else:
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            doc = self.document()
            if doc.isRedoAvailable() if redo else doc.isUndoAvailable():
                self.redo() if redo else self.undo()
            elif self.undo_elsewhere is not None:
                self.undo_elsewhere(redo)
        return True

    def _is_own_shortcut(self, event: QEvent) -> bool:
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        return any(
            not action.shortcut().isEmpty() and action.shortcut().matches(pressed) is _EXACT
            for action in self.format_actions
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isprintable() and not self._fits(len(event.text())):
            event.accept()
            return
        before = self.textCursor()
        at_start = before.atBlockStart() and not before.hasSelection()
        block_number = before.blockNumber()
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._one_restart(block_number, at_start)

    def _one_restart(self, block_number: int, at_start: bool) -> None:
        """After Enter split a numbered item that restarts its list, only one of the two
        restarts: the one that keeps the item's text when Enter was pressed at its start,
        the first otherwise."""
        cursor = self.textCursor()
        if cursor.blockNumber() == block_number:
            return
        block = cursor.block()
        if not block.blockFormat().hasProperty(RESTART_PROPERTY):
            return
        target = block.previous() if at_start else block
        fmt = target.blockFormat()
        fmt.clearProperty(RESTART_PROPERTY)
        edit = QTextCursor(target)
        edit.joinPreviousEditBlock()
        edit.setBlockFormat(fmt)
        regroup_lists(self.document())
        edit.endEditBlock()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = inline_text(source)
        if text is not None:
            if not self._fits(len(text)):
                return
            cursor = self.textCursor()
            cursor.insertText(text)
            self.setTextCursor(cursor)
            return
        blocks = blocks_from_html(source.html()) if source.hasHtml() else ()
        blocks = blocks or blocks_from_text(source.text())
        longest = max((len(b.text) for b in blocks if b.kind is not BlockKind.TABLE), default=0)
        if any(too_long(b, MAX_BLOCK_CHARS) for b in blocks) or not self._fits(longest):
            self._refuse()
            return
        self.insert_blocks(blocks)

    def _fits(self, added: int) -> bool:
        """True when ``added`` characters typed or pasted at the cursor leave its paragraph
        within MAX_BLOCK_CHARS; else the window's status bar says why nothing happened."""
        if not added:
            return True
        cursor = self.textCursor()
        block = cursor.block()
        length = block.length() - 1
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if block.contains(start) and block.contains(end):
            length -= end - start
        if length + added <= MAX_BLOCK_CHARS:
            return True
        self._refuse()
        return False

    def _refuse(self) -> None:
        message = _(
            "Stycket skulle bli längre än {limit} tecken. Dela upp texten i flera stycken."
        ).format(limit=limit_text(MAX_BLOCK_CHARS))
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10_000)
        QApplication.beep()

    def insert_blocks(self, blocks: Sequence[Block], *, whole: bool = False) -> None:
        """Insert ``blocks`` at the cursor as one undo step (``whole``: each a block of
        its own, never joined to the text around the cursor)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        insert_blocks(cursor, blocks, whole=whole)
        regroup_lists(self.document())
        renumber_notes(self.document())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def context_menu(self, position: QPoint) -> QMenu:
        """Qt's own edit menu with the formatting actions below it; what the marks
        under the pointer offer (spelling, a finding's fix) above it."""
        menu = self.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addActions(self.format_actions)  # a menu's own action shows it as a submenu
        if self.marks is not None:
            self.marks.add_to_menu(menu, position)
        return menu

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.marks is not None:
            assert isinstance(event, QHelpEvent)
            tip = self.marks.tooltip(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()


def _level_key(event: QKeyEvent) -> int:
    """+1 for Tab, -1 for Shift+Tab (Backtab), 0 for any other key."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return 0
    if event.key() == Qt.Key.Key_Backtab or (
        event.key() == Qt.Key.Key_Tab and modifiers & Qt.KeyboardModifier.ShiftModifier
    ):
        return -1
    return 1 if event.key() == Qt.Key.Key_Tab else 0
