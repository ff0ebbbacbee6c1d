"""A list delegate that draws an item as rich text (HTML) when it holds some made for
the text it shows (a received review's changes on a decision point, field_marks.py);
any other item is drawn as usual. It only draws: what the HTML says is made elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

# An item's rich text: (the item's text it was made for, the HTML). Drawn only while
# the item still shows that text, so an item edited since is never drawn stale.
RICH = Qt.ItemDataRole.UserRole + 20
SELECTED, SELECTED_TEXT = "#dbe7f5", "#10243d"
_PAD = 4  # pixels around the text, as the style leaves them for a plain item

_Index = QModelIndex | QPersistentModelIndex


class RichItems(QStyledItemDelegate):
    """Draws the items of a list that hold ``RICH`` HTML as that HTML."""

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument | None:
        data = index.data(RICH)
        if not data or data[0] != index.data(Qt.ItemDataRole.DisplayRole):
            return None
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(data[1])
        document.setTextWidth(max(self._width(option), 40))
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QListView):
            return view.viewport().width() - 2 * view.spacing() - 2 * _PAD
        return option.rect.width() - 2 * _PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        size = document.size()
        return QSize(int(size.width()) + 2 * _PAD, int(size.height()) + 2 * _PAD)

    def draw_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: _Index
    ) -> tuple[QStyleOptionViewItem, bool]:
        """Draw the item without its text (background, selection); return its style
        option and whether it is selected, for drawing the text over it."""
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        # A light selection (the app's, as in the step list): the red and green of the
        # HTML would not read on the style's dark one.
        item.palette.setColor(QPalette.ColorRole.Highlight, QColor(SELECTED))
        item.palette.setColor(QPalette.ColorRole.HighlightedText, QColor(SELECTED_TEXT))
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        return item, bool(item.state & QStyle.StateFlag.State_Selected)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        item, selected = self.draw_background(painter, option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        rect = item.rect
        painter.save()
        painter.translate(rect.left() + _PAD, rect.top() + _PAD)
        painter.setClipRect(0, 0, rect.width() - 2 * _PAD, rect.height() - 2 * _PAD)
        document.documentLayout().draw(painter, context)
        painter.restore()
