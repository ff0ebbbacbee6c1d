"""Comments in a section step: Ny kommentar on the selection, answers, resolving and
deleting (each one step of the text's undo history), the commented text highlighted and
the comment the cursor is in marked in the margin."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

from beslut import clock
from beslut.i18n import _
from beslut.model.comments import Comment, Reply, next_comment_id
from beslut.model.draft import Draft
from beslut.ui.richtext import SectionEditor, anchors
from beslut.ui.richtext.convert import document_to_blocks
from beslut.ui.steps.comments_margin import CommentsMargin

_OPEN = "#fff1a8"  # Word's light yellow
_CURRENT = "#ffd95a"
_RESOLVED = "#f1f1ef"


def _now() -> str:
    return clock.now().isoformat(timespec="seconds")


class SectionComments:
    """Ties a section's editor to its comments margin. ``author`` names the user;
    ``taken`` gives the comment ids the whole draft uses (a new one must differ)."""

    def __init__(self, editor: SectionEditor, margin: CommentsMargin, part: str) -> None:
        self.editor, self.margin, self.part = editor, margin, part
        self.edit = editor.text_edit
        self.author: Callable[[], str] = lambda: ""
        self.taken: Callable[[], Iterable[str]] = lambda: ()
        self.findings: list[QTextEdit.ExtraSelection] = []  # the granskning's underlines
        self.lost: tuple[Comment, ...] = ()  # loaded, but their text is not there
        self._pending: QTextCursor | None = None
        self._cache: tuple[int, tuple[Comment, ...]] | None = None
        self._spans: dict[str, QTextCursor] = {}
        self._any = False  # a document without comments is never walked
        self._current = ""
        self.action = editor.action(
            _("Ny kommentar"), _("Kommentera den markerade texten"), "Ctrl+Alt+M", checkable=False
        )
        self.action.triggered.connect(self.start)
        self.edit.format_actions.append(self.action)
        editor.insert_toolbar.addSeparator()
        editor.insert_toolbar.addAction(self.action)
        button = editor.insert_toolbar.widgetForAction(self.action)
        if button is not None:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(self.action.text())
        self._timer = QTimer(editor)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.edit.document().contentsChanged.connect(self._changed)
        self.edit.cursorPositionChanged.connect(self._cursor_moved)
        margin.add.connect(self.add)
        margin.cancel_new.connect(self._cancel)
        margin.reply.connect(self.reply)
        margin.resolve.connect(self.resolve)
        margin.delete.connect(self.delete)
        margin.clicked.connect(self.reveal)

    # --- reading ------------------------------------------------------------------

    def comments(self) -> tuple[Comment, ...]:
        """The comments in the text now, where they are in the model's blocks."""
        doc = self.edit.document()
        if not self._any:
            return self.lost
        revision = doc.revision()
        if self._cache is None or self._cache[0] != revision:
            self._cache = (revision, anchors.read_comments(doc, self.part))
        return (*self._cache[1], *self.lost)

    def apply(self, draft: Draft) -> tuple[Comment, ...]:
        """``draft``'s comments with this part's as the text has them."""
        return (*(c for c in draft.comments if c.part != self.part), *self.comments())

    def load(self, draft: Draft) -> None:
        """Anchor the draft's comments on this part in the text (no undo step)."""
        mine = tuple(c for c in draft.comments if c.part == self.part)
        if mine == self.comments():
            return
        doc = self.edit.document()
        self.editor._loading = True
        try:
            doc.setUndoRedoEnabled(False)
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            anchors.change_all_off(cursor)
            self.lost = tuple(anchors.place(doc, self.editor.blocks(), mine))
        finally:
            doc.setUndoRedoEnabled(True)
            doc.setModified(False)
            self.editor._loading = False
        self._any = bool(mine)
        self.refresh()

    def replant(self, comments: tuple[Comment, ...]) -> None:
        """Anchor ``comments`` again after the whole text was replaced (a one-click fix),
        inside the caller's edit block."""
        placed = [c for c in comments if c not in self.lost]
        if placed:  # read afresh: the editor's reader must not cache a text mid-edit
            doc = self.edit.document()
            anchors.place(doc, document_to_blocks(doc), placed)

    # --- showing --------------------------------------------------------------------

    def _changed(self) -> None:
        if self._any and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Show the comments in the margin and their text highlighted."""
        self._timer.stop()
        self.margin.show_comments(self.comments())
        doc = self.edit.document()
        self._spans = {}
        for cid, (start, end) in (anchors.ranges(doc) if self._any else {}).items():
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self._spans[cid] = cursor
        self._cursor_moved()

    def paint(self) -> None:
        """Highlight the commented text (the comment the cursor is in darker)."""
        current = self._current
        resolved = {c.id for c in self.comments() if c.resolved}
        selections = []
        for cid, cursor in self._spans.items():
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            color = _CURRENT if cid == current else _RESOLVED if cid in resolved else _OPEN
            fmt.setBackground(QColor(color))
            selection.format = fmt
            selections.append(selection)
        self.edit.setExtraSelections(selections + self.findings)

    def _cursor_moved(self) -> None:
        cursor = self.edit.textCursor()
        ids = anchors.ids_at(cursor) if self._any else []
        self._current = ids[0] if ids else ""
        self.margin.select(self._current)
        self.paint()
        if ids and not cursor.hasSelection():
            self._keep_inside(cursor)

    def _keep_inside(self, cursor: QTextCursor) -> None:
        """Typing at the edge of a commented range does not widen it (as in Word)."""
        fmt = self.edit.currentCharFormat()
        states = anchors.states_in(fmt)
        if not states:
            return
        probe = QTextCursor(cursor)
        if not probe.atBlockEnd():
            probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
        after = anchors.states_in(probe.charFormat()) if probe != cursor else {}
        keep = {k: v for k, v in states.items() if k in after}
        if keep != states:
            anchors.set_states(fmt, keep)
            self.edit.setCurrentCharFormat(fmt)

    def reveal(self, cid: str) -> None:
        """Put the cursor at the start of comment ``cid``'s text."""
        span = self._spans.get(cid)
        if span is None:
            return
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(span.selectionStart())
        self.edit.setTextCursor(cursor)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- editing --------------------------------------------------------------------

    def start(self) -> None:
        """Ny kommentar: on the selection (or the word at the cursor), within one
        paragraph; the margin's field takes what the user writes."""
        if self.edit.isReadOnly():
            return
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        start = cursor.selectionStart()
        block = self.edit.document().findBlock(start)
        end = min(cursor.selectionEnd(), block.position() + block.length() - 1)
        if end <= start:
            self._refuse()
            return
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._pending = cursor
        self.margin.start_new()

    def _refuse(self) -> None:
        window = self.edit.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(_("Markera texten som kommentaren gäller."), 10_000)
        QApplication.beep()

    def _cancel(self) -> None:
        self._pending = None
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def add(self, text: str) -> None:
        cursor, self._pending = self._pending, None
        if cursor is None or not cursor.hasSelection():
            return
        taken = {*self.taken(), *(c.id for c in self.comments())}
        comment = Comment(
            id=next_comment_id(taken), part=self.part, index=0, field="", start=0, end=0,
            author=self.author(), created=_now(), text=text,
        )  # fmt: skip
        cursor.beginEditBlock()
        anchors.anchor(cursor, comment)
        cursor.endEditBlock()
        self._any = True
        self._done(cursor.selectionStart())

    def _find(self, cid: str) -> Comment | None:
        return next((c for c in self.comments() if c.id == cid), None)

    def reply(self, cid: str, text: str) -> None:
        comment = self._find(cid)
        if comment is not None:
            answer = Reply(self.author(), _now(), text)
            anchors.change(self.edit.document(), anchors.with_replies(comment, answer))
        self._done()

    def resolve(self, cid: str, resolved: bool) -> None:
        comment = self._find(cid)
        if comment is not None:
            changed = dataclasses.replace(comment, resolved=resolved)
            anchors.change(self.edit.document(), changed)
        self._done()

    def delete(self, cid: str) -> None:
        comment = self._find(cid)
        if comment is not None:
            anchors.change(self.edit.document(), comment, remove=True)
        self._done()

    def _done(self, position: int | None = None) -> None:
        """After a change: shown at once, the focus back in the text (where Ctrl+Z
        undoes it)."""
        if position is not None:
            cursor = self.edit.textCursor()
            cursor.setPosition(position)
            self.edit.setTextCursor(cursor)
        self.refresh()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
