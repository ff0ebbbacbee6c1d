"""The rich-text editor of one section: its text area and the toolbar of block kinds."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Mapping, Sequence

from PySide6.QtCore import QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QHBoxLayout, QToolBar, QVBoxLayout, QWidget

from beslut.i18n import N_, NC_, _, pgettext
from beslut.model.draft import Block, BlockKind
from beslut.ui.messages import Messages
from beslut.ui.richtext.actions import EditorActions
from beslut.ui.richtext.area import RichTextEdit
from beslut.ui.richtext.commands import selected_blocks
from beslut.ui.richtext.convert import BlockReader, blocks_to_document
from beslut.ui.richtext.format import (
    BOLD_WEIGHT,
    block_kind,
    char_format,
    heading_level,
    link_of,
    normalize_blocks,
    note_of,
)
from beslut.ui.richtext.host import EditorHost
from beslut.ui.richtext.marks import Marks
from beslut.ui.richtext.write import regroup_lists, set_block_kind
from beslut.ui.spelling import spell_service

_TEXT_POINT_SIZE = 11.0  # at least; a larger system font is kept


# --- the widgets ----------------------------------------------------------------------


# (kind, level, text, tooltip, shortcut); shortcuts avoid Ctrl+Alt, which is AltGr on
# Swedish keyboards. The texts are translated when the actions are made, not at import.
KIND = "block kind"  # the kinds' names' context (NC_ needs it written out)
_KIND_ACTIONS = (
    (
        BlockKind.PARAGRAPH,
        0,
        NC_("block kind", "Brödtext"),
        N_("Gör stycket till vanlig brödtext"),
        "Ctrl+Shift+N",
    ),
    (
        BlockKind.HEADING,
        1,
        NC_("block kind", "Underrubrik"),
        N_("Gör stycket till en underrubrik"),
        "Ctrl+Shift+R",
    ),
    (
        BlockKind.HEADING,
        2,
        NC_("block kind", "Underrubrik 2"),
        N_("Gör stycket till en underrubrik på nivå 2, under en underrubrik"),
        "Ctrl+Shift+T",
    ),
    (
        BlockKind.BULLET,
        0,
        NC_("block kind", "Punktlista"),
        N_("Gör stycket till en punkt i en punktlista (Tab: en nivå in)"),
        "Ctrl+Shift+L",
    ),
    (
        BlockKind.NUMBERED,
        0,
        NC_("block kind", "Numrerad lista"),
        N_("Gör stycket till en punkt i en numrerad lista (Tab: en nivå in)"),
        "Ctrl+Shift+O",
    ),
)


class SectionEditor(EditorHost):
    """One section's text: a formatting toolbar above a RichTextEdit, read as model blocks.

    ``content_changed`` is emitted on every edit by the user (typing, formatting, paste,
    undo); never by ``set_blocks``. Read the result with ``blocks()``; do not feed it back
    with ``set_blocks`` on every change (that is a no-op anyway when nothing differs).
    What the editor asks (a link's address, a footnote) goes through ``messages``.
    """

    content_changed = Signal()
    text_edit: RichTextEdit

    def __init__(
        self, label: str = "", parent: QWidget | None = None, messages: Messages | None = None
    ) -> None:
        super().__init__(parent)
        self._loading = False
        self._reader = BlockReader()
        self.messages = messages or Messages()
        self.text_edit = RichTextEdit(self)
        self.text_edit.marks = Marks(self.text_edit, spell_service())
        if self.text_edit.marks.highlighter is not None:
            doc = self.text_edit.document()
            self.text_edit.marks.highlighter.restyled.connect(
                lambda before, after: self._reader.carry(doc, before, after)
            )
        self.toolbar = QToolBar(self)
        self.insert_toolbar = QToolBar(self)
        self.bold_action = self.action(_("Fet"), _("Fet stil"), QKeySequence.StandardKey.Bold)
        self.italic_action = self.action(
            _("Kursiv"), _("Kursiv stil"), QKeySequence.StandardKey.Italic
        )
        self.style_actions = {
            (kind, level): self.action(pgettext(KIND, text), _(tip), keys)
            for kind, level, text, tip, keys in _KIND_ACTIONS
        }
        # The first action of each kind; the heading's is Underrubrik (level 1).
        self.kind_actions = {kind: self.style_actions[(kind, max(lvl, 0))] for kind, lvl in (
            (BlockKind.PARAGRAPH, 0), (BlockKind.HEADING, 1), (BlockKind.BULLET, 0),
            (BlockKind.NUMBERED, 0))}  # fmt: skip
        self.heading2_action = self.style_actions[(BlockKind.HEADING, 2)]
        self.undo_action = self.action(
            _("Ångra"), _("Ångra senaste ändringen"), "Ctrl+Z", checkable=False
        )
        self.redo_action = self.action(
            _("Gör om"), _("Gör om det som ångrades"), "Ctrl+Y", checkable=False
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.extra = EditorActions(self)
        self.text_edit.format_actions = [
            self.bold_action,
            self.italic_action,
            *self.style_actions.values(),
            *self.extra.menu_actions(),
        ]
        self._build()
        self._connect()
        self.set_label(label or _("Text"))
        self._update_actions()

    def _build(self) -> None:
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.bold_action, self.italic_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions(list(self.style_actions.values()))
        # A second row, so nothing hides behind the toolbar's overflow button.
        self.insert_toolbar.setMovable(False)
        self.insert_toolbar.setFloatable(False)
        self.insert_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.extra.add_to_toolbar(self.insert_toolbar)
        for toolbar in (self.toolbar, self.insert_toolbar):
            for action in toolbar.actions():
                self._style_button(toolbar, action)
        font = self.text_edit.font()
        font.setPointSizeF(max(font.pointSizeF(), _TEXT_POINT_SIZE))
        self.text_edit.setFont(font)
        self.text_edit.document().setDocumentMargin(12)
        self.text_edit.document().clearUndoRedoStacks()  # the margin is no edit to undo
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.insert_toolbar)
        self.beside = QHBoxLayout()  # the text area and what a step shows beside it
        self.beside.setContentsMargins(0, 0, 0, 0)
        self.beside.addWidget(self.text_edit, 1)
        layout.addLayout(self.beside, 1)

    def _style_button(self, toolbar: QToolBar, action: QAction) -> None:
        button = toolbar.widgetForAction(action)
        if button is None:
            return
        # Clicking a button must leave the focus (and the cursor) in the text.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(action.text().replace("&", ""))
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
        for (kind, level), action in self.style_actions.items():
            action.triggered.connect(functools.partial(self._set_kind, kind, level))
        self.text_edit.cursorPositionChanged.connect(self._update_actions)
        self.text_edit.currentCharFormatChanged.connect(self._update_actions)
        self.text_edit.selectionChanged.connect(self._update_actions)

    def set_label(self, label: str) -> None:
        """Name the editor for screen readers after the section it edits."""
        self.setAccessibleName(label)
        self.text_edit.setAccessibleName(_("{label} – text").format(label=label))
        self.toolbar.setAccessibleName(_("{label} – textformat").format(label=label))
        self.insert_toolbar.setAccessibleName(
            _("{label} – listor, länkar, fotnoter och tabeller").format(label=label)
        )

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
        marks = self.text_edit.marks
        if marks is not None:
            marks.pause()  # the new text is marked a slice at a time, after loading
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
            if marks is not None:
                marks.resume()
        self._reader.expect(doc, normal)
        self.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_actions()

    @contextlib.contextmanager
    def quietly(self) -> Iterator[None]:
        """Edits made inside are no edits of the user's: no ``content_changed``, and
        outside the undo history (which is cleared, as by ``set_blocks``)."""
        doc = self.text_edit.document()
        self._loading = True
        doc.setUndoRedoEnabled(False)
        try:
            yield
        finally:
            doc.setUndoRedoEnabled(True)
            doc.setModified(False)
            self._loading = False

    def blocks(self) -> tuple[Block, ...]:
        """The text as the model's blocks (cheap: only the Qt blocks changed since the
        last call are converted again)."""
        return self._reader.read(self.text_edit.document())

    def expect_changed(self, blocks: tuple[Block, ...], changed: Mapping[int, QTextBlock]) -> bool:
        """After an edit of only the Qt blocks ``changed`` (by model index), take
        ``blocks`` as the text when those read as them, without reading the rest again
        (BlockReader.expect_changed)."""
        return self._reader.expect_changed(self.text_edit.document(), blocks, changed)

    def _on_contents_changed(self) -> None:
        marks = self.text_edit.marks
        if not self._loading and not (marks is not None and marks.marking):
            self.content_changed.emit()

    def _set_bold(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if checked else QFont.Weight.Normal)
        self.text_edit.mergeCurrentCharFormat(fmt)

    def _set_italic(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(checked)
        self.text_edit.mergeCurrentCharFormat(fmt)

    def _set_kind(self, kind: BlockKind, level: int) -> None:
        """Give the selected blocks ``kind`` (a heading: of ``level``); asking again for
        the kind they have undoes it."""
        cursor = self.text_edit.textCursor()
        if (kind, level) == _style_of(cursor):
            kind, level = BlockKind.PARAGRAPH, 0
        cursor.beginEditBlock()
        for block in selected_blocks(cursor):
            set_block_kind(block, kind, level)
        regroup_lists(self.text_edit.document())
        cursor.endEditBlock()
        self._update_actions()

    def _update_actions(self) -> None:
        cursor = self.text_edit.textCursor()
        kinds = {block_kind(block) for block in selected_blocks(cursor)}
        fmt = self.text_edit.currentCharFormat()
        at_end_of_link = link_of(fmt) and cursor.atBlockEnd()
        if not cursor.hasSelection() and (note_of(fmt) or at_end_of_link):
            # Typed text goes on after a footnote marker or a link as plain text.
            heading = heading_level(cursor.block())
            bold = fmt.fontWeight() >= BOLD_WEIGHT and not heading and not note_of(fmt)
            self.text_edit.setCurrentCharFormat(
                char_format(bold, fmt.fontItalic() and not note_of(fmt), heading)
            )
            return  # the format changed: called again
        # A heading is bold by its style; bold inside one means nothing to the model.
        self.bold_action.setEnabled(BlockKind.HEADING not in kinds)
        self.bold_action.setChecked(
            BlockKind.HEADING not in kinds and fmt.fontWeight() >= BOLD_WEIGHT
        )
        self.italic_action.setChecked(fmt.fontItalic())
        current = _style_of(cursor)
        for style, action in self.style_actions.items():
            action.setChecked(style == current)
        self.extra.update(cursor)


def _style_of(cursor: QTextCursor) -> tuple[BlockKind, int]:
    """The (kind, heading level) the style actions know the cursor's block by."""
    block = cursor.block()
    kind = block_kind(block)
    return (kind, heading_level(block) if kind is BlockKind.HEADING else 0)
