"""The comments margin beside a section's text: a card per comment with its replies, and
the field a new comment or an answer is written in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _, format_datetime_ui
from beslut.model.comments import Comment

MARGIN_WIDTH = 270
_CARD = (
    "QFrame#commentCard {{ background: {bg}; border: {w}px solid {border}; border-radius: 4px; }}"
)
_MUTED = "color: #5b6573;"


def when(created: str) -> str:
    """A comment's time as the app writes times: "1 december 2026 09:45"."""
    try:
        return format_datetime_ui(dt.datetime.fromisoformat(created))
    except ValueError:
        return created


class Writing(QPlainTextEdit):
    """Where a comment or an answer is written: Ctrl+Enter sends it, Escape drops it."""

    send = Signal()
    cancel = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(70)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.send.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel.emit()
        else:
            super().keyPressEvent(event)


def _button(text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the text (Ctrl+Z)
    return button


def _writer(name: str, send: str, parent: QWidget) -> tuple[QWidget, Writing, QToolButton]:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    field = Writing(name, box)
    row = QHBoxLayout()
    ok = _button(send, _("Ctrl+Retur"), box)
    cancel = _button(_("Avbryt"), _("Esc"), box)
    cancel.clicked.connect(field.cancel.emit)
    ok.clicked.connect(field.send.emit)
    row.addStretch(1)
    row.addWidget(ok)
    row.addWidget(cancel)
    layout.addWidget(field)
    layout.addLayout(row)
    return box, field, ok


class CommentCard(QFrame):
    """One comment: who wrote it and when, its text, the answers, and what can be done."""

    clicked = Signal(str)
    reply = Signal(str, str)
    resolve = Signal(str, bool)
    delete = Signal(str)

    def __init__(self, comment: Comment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName("commentCard")
        self.setAccessibleName(_("Kommentar av {author}").format(author=comment.author))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(2)
        self._entry(layout, comment.author, comment.created, comment.text, 0)
        for reply in comment.replies:
            self._entry(layout, reply.author, reply.created, reply.text, 12)
        self.reply_box, self.reply_field, _ok = _writer(_("Svar"), _("Skicka"), self)
        self.reply_box.hide()
        self.reply_field.send.connect(self._send_reply)
        self.reply_field.cancel.connect(self.reply_box.hide)
        layout.addWidget(self.reply_box)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.reply_button = _button(_("Svara"), _("Svara på kommentaren"), self)
        self.reply_button.clicked.connect(self.open_reply)
        if comment.resolved:
            self.resolve_button = _button(_("Öppna igen"), _("Markera som inte löst"), self)
        else:
            self.resolve_button = _button(_("Markera som löst"), _("Kommentaren är åtgärdad"), self)
        self.resolve_button.clicked.connect(
            lambda: self.resolve.emit(comment.id, not comment.resolved)
        )
        self.delete_button = _button(_("Ta bort"), _("Ta bort kommentaren och svaren"), self)
        self.delete_button.clicked.connect(lambda: self.delete.emit(comment.id))
        for button in (self.reply_button, self.resolve_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_selected(False)

    def _entry(
        self, layout: QVBoxLayout, author: str, created: str, text: str, indent: int
    ) -> None:
        name = author or _("Okänd")
        head = QLabel(f"<b>{_escape(name)}</b>  "
                      f"<span style='{_MUTED}'>{_escape(when(created))}</span>")  # fmt: skip
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (head, body):
            label.setContentsMargins(indent, 0, 0, 0)
            layout.addWidget(label)

    def open_reply(self) -> None:
        self.reply_box.show()
        self.reply_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _send_reply(self) -> None:
        text = self.reply_field.toPlainText().strip()
        if text:
            self.reply.emit(self.comment.id, text)
        self.reply_box.hide()

    def set_selected(self, selected: bool) -> None:
        resolved = self.comment.resolved
        self.setStyleSheet(
            _CARD.format(
                bg="#f3f4f6" if resolved else "#fffbea",
                w=2 if selected else 1,
                border="#c77700" if selected else "#d5dbe3" if resolved else "#eadfb4",
            )
            + ("QLabel { color: #6b7280; }" if resolved else "")
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.comment.id)
        super().mousePressEvent(event)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class CommentsMargin(QWidget):
    """The comments on one section's text, in the order of the text."""

    add = Signal(str)  # the new comment's text
    cancel_new = Signal()
    reply = Signal(str, str)
    resolve = Signal(str, bool)
    delete = Signal(str)
    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(MARGIN_WIDTH)
        self.setAccessibleName(_("Kommentarer"))
        self.cards: dict[str, CommentCard] = {}
        self._comments: tuple[Comment, ...] = ()
        self._selected = ""
        title = QLabel(_("Kommentarer"))
        title.setStyleSheet("font-weight: 600;")
        self.show_resolved = QCheckBox(_("Visa lösta"))
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(lambda: self.show_comments(self._comments, force=True))
        self.new_box, self.new_field, _ok = _writer(_("Ny kommentar"), _("Lägg till"), self)
        self.new_box.hide()
        self.new_field.send.connect(self._send_new)
        self.new_field.cancel.connect(self._cancel_new)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(6)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.new_box)
        column.addLayout(self._list)
        column.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(inner)
        self.area.viewport().setAutoFillBackground(False)  # the window's, not grey
        inner.setAutoFillBackground(False)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.area, 1)
        self.hide()

    def show_comments(self, comments: Sequence[Comment], *, force: bool = False) -> None:
        """Show ``comments`` (built again only when they changed)."""
        comments = tuple(comments)
        if comments == self._comments and not force:
            return
        self._comments = comments
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards = {}
        shown = [c for c in comments if self.show_resolved.isChecked() or not c.resolved]
        for comment in shown:
            card = CommentCard(comment)
            card.clicked.connect(self.clicked)
            card.reply.connect(self.reply)
            card.resolve.connect(self.resolve)
            card.delete.connect(self.delete)
            self._list.addWidget(card)
            self.cards[comment.id] = card
        self._fit()
        self.select(self._selected)

    def select(self, cid: str) -> None:
        """Mark the card of comment ``cid`` (the one the cursor is in) and scroll to it."""
        self._selected = cid
        for key, card in self.cards.items():
            card.set_selected(key == cid)
        shown = self.cards.get(cid)
        if shown is not None:
            self.area.ensureWidgetVisible(shown)

    def start_new(self) -> None:
        """Open the field for a new comment, focused."""
        self.new_field.clear()
        self.new_box.show()
        self.show()
        self.area.ensureWidgetVisible(self.new_box)
        self.new_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _send_new(self) -> None:
        text = self.new_field.toPlainText().strip()
        self.new_box.hide()
        self._fit()
        if text:
            self.add.emit(text)
        else:
            self.cancel_new.emit()

    def _cancel_new(self) -> None:
        self.new_box.hide()
        self._fit()
        self.cancel_new.emit()

    def _fit(self) -> None:
        """Shown only while there are comments (or one is being written), as in Word."""
        self.setVisible(bool(self._comments) or not self.new_box.isHidden())
