"""The rich-text editor of one section: pasting, block kinds and inserting model blocks."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QMimeData, QPoint, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolBar, QVBoxLayout, QWidget

from beslut.i18n import N_, _
from beslut.model.blocks import blocks_from_text, pasted_block
from beslut.model.draft import Block, BlockKind, Run
from beslut.model.text import clean_text
from beslut.ui.textconvert import BlockReader, blocks_to_document, document_to_blocks
from beslut.ui.textformat import (
    BOLD_WEIGHT,
    HEADING_LEVEL,
    LINE_SEPARATOR,
    LIST_STYLES,
    PLACEHOLDERS,
    block_format,
    block_kind,
    char_format,
    continue_list,
    iter_blocks,
    list_format,
    list_kind,
    normalize_blocks,
)

__all__ = [
    "HEADING_LEVEL",
    "RichTextEdit",
    "SectionEditor",
    "block_kind",
    "blocks_from_html",
    "blocks_from_text",
    "blocks_to_document",
    "document_to_blocks",
    "insert_blocks",
    "normalize_blocks",
    "regroup_lists",
    "set_block_kind",
]

_TEXT_POINT_SIZE = 11.0  # at least; a larger system font is kept


# --- model -> document: inserting into text ---------------------------------------------


def insert_blocks(cursor: QTextCursor, blocks: Sequence[Block]) -> None:
    """Insert ``blocks`` at ``cursor``, replacing its selection.

    A single paragraph, or a single block put into text, joins the text around the
    cursor; anything more becomes whole blocks of their own between the text before
    and after the cursor.
    """
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        return
    if cursor.hasSelection():
        cursor.removeSelectedText()
    into_text = cursor.block().length() > 1
    if len(blocks) == 1 and (into_text or blocks[0].kind is BlockKind.PARAGRAPH):
        _insert_runs(cursor, blocks[0].runs, block_kind(cursor.block()) is BlockKind.HEADING)
    else:
        _open_empty_block(cursor)
        _write_blocks(cursor, blocks)


def _write_blocks(cursor: QTextCursor, blocks: Sequence[Block]) -> None:
    """Write ``blocks`` from the empty block the cursor stands in; lists continue as runs."""
    text_list: QTextList | None = None
    for index, block in enumerate(blocks):
        kind, heading = block.kind, block.kind is BlockKind.HEADING
        if index == 0:
            set_block_kind(cursor.block(), kind)
            text_list = cursor.currentList()
        else:
            cursor.insertBlock(block_format(kind), char_format(False, False, heading))
            text_list = continue_list(cursor, kind, text_list)
        _insert_runs(cursor, block.runs, heading)


def _insert_runs(cursor: QTextCursor, runs: Iterable[Run], heading: bool) -> None:
    for run in runs:
        text = PLACEHOLDERS.sub("", run.text).replace("\n", LINE_SEPARATOR)
        cursor.insertText(text, char_format(run.bold, run.italic, heading))


def _open_empty_block(cursor: QTextCursor) -> None:
    """Move ``cursor`` into an empty block of its own, splitting the text around it."""
    if not cursor.atBlockStart():
        cursor.insertBlock()
    if cursor.block().length() > 1:
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)


def set_block_kind(block: QTextBlock, kind: BlockKind) -> None:
    """Make ``block`` a block of ``kind``, keeping its text, italic and (outside headings) bold."""
    was_heading = block_kind(block) is BlockKind.HEADING
    heading = kind is BlockKind.HEADING
    if was_heading != heading:
        _restyle_text(block, was_heading, heading)
    cursor = QTextCursor(block)
    cursor.setBlockFormat(block_format(kind))
    cursor.setBlockCharFormat(char_format(False, False, heading))
    if kind in LIST_STYLES:
        _join_list(cursor, kind)


def _restyle_text(block: QTextBlock, was_heading: bool, heading: bool) -> None:
    spans = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fmt = fragment.charFormat()
        bold = not was_heading and fmt.fontWeight() >= BOLD_WEIGHT
        spans.append((fragment.position(), fragment.length(), bold, fmt.fontItalic()))
        fragments += 1
    cursor = QTextCursor(block)
    for position, length, bold, italic in spans:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char_format(bold, italic, heading))


def _join_list(cursor: QTextCursor, kind: BlockKind) -> None:
    """Add the cursor's block to the list just above it if that is a list of ``kind``."""
    above = cursor.block().previous()
    text_list = above.textList() if above.isValid() else None
    if text_list is not None and list_kind(text_list) is kind:
        text_list.add(cursor.block())
    else:
        cursor.createList(list_format(kind))


def regroup_lists(doc: QTextDocument) -> None:
    """Make each run of list items of one kind one Qt list, as the model and export see it.

    A blank paragraph does not end a run: the model drops it, so numbering goes on.
    """
    seen: set[int] = set()
    current: QTextList | None = None
    for block in iter_blocks(doc.begin()):
        kind = block_kind(block)
        text_list = block.textList()
        if text_list is None:
            if block.text().strip():
                current = None
        elif current is not None and list_kind(current) is kind:
            if text_list.objectIndex() != current.objectIndex():
                current.add(block)
        else:
            if text_list.objectIndex() in seen:
                text_list = QTextCursor(block).createList(list_format(kind))
            current = text_list
            seen.add(text_list.objectIndex())


# --- paste ----------------------------------------------------------------------------


# Line breaks of the HTML source before the end of a block or of the copied fragment:
# Qt would read them as a trailing space. A space inside a copied <span> stays.
_SOURCE_SPACE = re.compile(
    r"[ \t\r\n]+(?=<!--EndFragment-->|</(?:p|li|h[1-6]|td|th|div|body|html)\b)", re.IGNORECASE
)


def blocks_from_html(html: str) -> tuple[Block, ...]:
    """The model's blocks for pasted HTML: structure and bold/italic kept, all styling gone."""
    doc = QTextDocument()
    doc.setHtml(_SOURCE_SPACE.sub("", html))  # images stay unloaded: nothing lays it out
    found = document_to_blocks(doc)
    # A single paragraph goes into a sentence: spaces at its ends are part of what was copied.
    trim = len(found) > 1
    pasted = (pasted_block(block, trim) for block in found)
    return tuple(block for block in pasted if block is not None)


def _inline_text(source: QMimeData) -> str | None:
    """Plain text of one line, pasted as it is into the current block; else None."""
    if source.hasHtml() or not source.hasText():
        return None
    text = clean_text(source.text()).strip("\n")
    return None if "\n" in text else text


# --- the widgets ----------------------------------------------------------------------


class RichTextEdit(QTextEdit):
    """The text area of a section: whatever is pasted or dropped is reduced to the model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.format_actions: list[QAction] = []
        self.setTabChangesFocus(True)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = _inline_text(source)
        if text is not None:
            cursor = self.textCursor()
            cursor.insertText(text)
            self.setTextCursor(cursor)
            return
        blocks = blocks_from_html(source.html()) if source.hasHtml() else ()
        self.insert_blocks(blocks or blocks_from_text(source.text()))

    def insert_blocks(self, blocks: Sequence[Block]) -> None:
        """Insert ``blocks`` at the cursor as one undo step."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        insert_blocks(cursor, blocks)
        regroup_lists(self.document())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def context_menu(self, position: QPoint) -> QMenu:
        """Qt's own edit menu with the formatting actions below it."""
        menu = self.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addActions(self.format_actions)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()


def _selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    return list(iter_blocks(first, doc.findBlock(cursor.selectionEnd())))


# (kind, text, tooltip, shortcut); shortcuts avoid Ctrl+Alt, which is AltGr on Swedish
# keyboards. The texts are translated when the actions are made, not at import.
_KIND_ACTIONS = (
    (BlockKind.PARAGRAPH, N_("Brödtext"), N_("Gör stycket till vanlig brödtext"), "Ctrl+Shift+N"),
    (BlockKind.HEADING, N_("Mellanrubrik"), N_("Gör stycket till en mellanrubrik"), "Ctrl+Shift+R"),
    (
        BlockKind.BULLET,
        N_("Punktlista"),
        N_("Gör stycket till en punkt i en punktlista"),
        "Ctrl+Shift+L",
    ),
    (
        BlockKind.NUMBERED,
        N_("Numrerad lista"),
        N_("Gör stycket till en punkt i en numrerad lista"),
        "Ctrl+Shift+O",
    ),
)


class SectionEditor(QWidget):
    """One section's text: a formatting toolbar above a RichTextEdit, read as model blocks.

    ``content_changed`` is emitted on every edit by the user (typing, formatting, paste,
    undo); never by ``set_blocks``. Read the result with ``blocks()``; do not feed it back
    with ``set_blocks`` on every change (that is a no-op anyway when nothing differs).
    """

    content_changed = Signal()

    def __init__(self, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._reader = BlockReader()
        self.text_edit = RichTextEdit(self)
        self.toolbar = QToolBar(self)
        self.bold_action = self._action(_("Fet"), _("Fet stil"), QKeySequence.StandardKey.Bold)
        self.italic_action = self._action(
            _("Kursiv"), _("Kursiv stil"), QKeySequence.StandardKey.Italic
        )
        self.kind_actions = {
            kind: self._action(_(text), _(tip), keys) for kind, text, tip, keys in _KIND_ACTIONS
        }
        self.undo_action = self._action(
            _("Ångra"), _("Ångra senaste ändringen"), "Ctrl+Z", checkable=False
        )
        self.redo_action = self._action(
            _("Gör om"), _("Gör om det som ångrades"), "Ctrl+Y", checkable=False
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.text_edit.format_actions = [
            self.bold_action,
            self.italic_action,
            *self.kind_actions.values(),
        ]
        self._build()
        self._connect()
        self.set_label(label or _("Text"))
        self._update_actions()

    def _action(
        self, text: str, tip: str, keys: str | QKeySequence.StandardKey, *, checkable: bool = True
    ) -> QAction:
        action = QAction(text, self)
        key = QKeySequence(keys)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setCheckable(checkable)
        self.addAction(action)
        return action

    def _build(self) -> None:
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.bold_action, self.italic_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions(list(self.kind_actions.values()))
        for action in self.toolbar.actions():
            self._style_button(action)
        font = self.text_edit.font()
        font.setPointSizeF(max(font.pointSizeF(), _TEXT_POINT_SIZE))
        self.text_edit.setFont(font)
        self.text_edit.document().setDocumentMargin(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text_edit)

    def _style_button(self, action: QAction) -> None:
        button = self.toolbar.widgetForAction(action)
        if button is None:
            return
        # Clicking a button must leave the focus (and the cursor) in the text.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(action.text())
        button.setAccessibleDescription(action.toolTip())
        font = button.font()
        font.setBold(action is self.bold_action)
        font.setItalic(action is self.italic_action)
        button.setFont(font)

    def _connect(self) -> None:
        doc = self.text_edit.document()
        doc.contentsChanged.connect(self._on_contents_changed)
        doc.undoAvailable.connect(self.undo_action.setEnabled)
        doc.redoAvailable.connect(self.redo_action.setEnabled)
        self.undo_action.triggered.connect(self.text_edit.undo)
        self.redo_action.triggered.connect(self.text_edit.redo)
        self.bold_action.triggered.connect(self._set_bold)
        self.italic_action.triggered.connect(self._set_italic)
        for kind, action in self.kind_actions.items():
            action.triggered.connect(functools.partial(self._set_kind, kind))
        self.text_edit.cursorPositionChanged.connect(self._update_actions)
        self.text_edit.currentCharFormatChanged.connect(self._update_actions)
        self.text_edit.selectionChanged.connect(self._update_actions)

    def set_label(self, label: str) -> None:
        """Name the editor for screen readers after the section it edits."""
        self.setAccessibleName(label)
        self.text_edit.setAccessibleName(_("{label} – text").format(label=label))
        self.toolbar.setAccessibleName(_("{label} – textformat").format(label=label))

    def set_blocks(self, blocks: Sequence[Block]) -> None:
        """Show ``blocks``, with a fresh undo history and no ``content_changed``.

        Does nothing when the editor already holds these blocks, so the cursor and any
        empty paragraph the user is typing in stay where they are.
        """
        normal = normalize_blocks(blocks)
        if normal == self.blocks():
            return
        doc = self.text_edit.document()
        page = doc.pageSize()
        self._loading = True
        try:
            doc.setUndoRedoEnabled(False)  # also clears the old history
            # Without a page size the document is not laid out while it is written; the
            # size given back lays it out once, lazily, as after setHtml. Otherwise a
            # shown editor lays out the whole text at once (a 100 KB section: 20 ms).
            doc.setPageSize(QSizeF(0, 0))
            blocks_to_document(normal, doc)
            # Moved now, the cursor does not need the text laid out up to the end, where
            # the writing left it, to repaint it there; moved again below to scroll there.
            self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            doc.setPageSize(page)
            doc.setUndoRedoEnabled(True)
            doc.setModified(False)
            self._loading = False
        self._reader.expect(doc, normal)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_actions()

    def blocks(self) -> tuple[Block, ...]:
        """The text as the model's blocks (cheap: only the Qt blocks changed since the
        last call are converted again)."""
        return self._reader.read(self.text_edit.document())

    def _on_contents_changed(self) -> None:
        if not self._loading:
            self.content_changed.emit()

    def _set_bold(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if checked else QFont.Weight.Normal)
        self.text_edit.mergeCurrentCharFormat(fmt)

    def _set_italic(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(checked)
        self.text_edit.mergeCurrentCharFormat(fmt)

    def _set_kind(self, kind: BlockKind) -> None:
        """Give the selected blocks ``kind``; asking again for the kind they have undoes it."""
        cursor = self.text_edit.textCursor()
        if kind is block_kind(cursor.block()):
            kind = BlockKind.PARAGRAPH
        cursor.beginEditBlock()
        for block in _selected_blocks(cursor):
            set_block_kind(block, kind)
        regroup_lists(self.text_edit.document())
        cursor.endEditBlock()
        self._update_actions()

    def _update_actions(self) -> None:
        cursor = self.text_edit.textCursor()
        kinds = {block_kind(block) for block in _selected_blocks(cursor)}
        fmt = self.text_edit.currentCharFormat()
        # A heading is bold by its style; bold inside one means nothing to the model.
        self.bold_action.setEnabled(BlockKind.HEADING not in kinds)
        self.bold_action.setChecked(
            BlockKind.HEADING not in kinds and fmt.fontWeight() >= BOLD_WEIGHT
        )
        self.italic_action.setChecked(fmt.fontItalic())
        current = block_kind(cursor.block())
        for kind, action in self.kind_actions.items():
            action.setChecked(kind is current)
