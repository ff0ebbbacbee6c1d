"""How the reuse list holds and draws a hit: its text (wrapped) and, below it in a smaller font,
where it comes from, grey or in the organisation's colour. Measured and drawn with the
font's metrics: a rich-text document per item cost the GUI thread 20 ms for a list of
20 hits (bench_reuse_typing.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QStyleOptionViewItem,
)

from beslut.ui.steps.rich_items import RichItems

# An item's lines: (text, source, the organisation's wording).
LINES = Qt.ItemDataRole.UserRole + 21
SOURCE_COLOUR, STANDARD_COLOUR = "#5f6b7a", "#8a5a00"
_PAD = 4
_GAP = 1  # pixels between the text and its source
_SMALLER = 0.85  # the source line's font size
CACHED = 512  # text heights kept

_Index = QModelIndex | QPersistentModelIndex
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


class HitModel(QAbstractListModel):
    """The hits' lines as a list model: a new search's hits replace the old in one
    reset (a QListWidget cleared and filled item by item cost 5 ms more a search)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, str, bool]] = []
        self.tips: list[str] = []

    def set_lines(self, lines: list[tuple[str, str, bool]], tips: list[str]) -> None:
        self.beginResetModel()
        self.lines, self.tips = lines, tips
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self.lines):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text, source, _standard = self.lines[row]
            return f"{text}\n{source}"
        if role == LINES:
            return self.lines[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips[row]
        return None


class HitItems(RichItems):
    """Draws items that hold ``LINES``; any other item as RichItems does (its background
    and width are theirs too)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The wrapped text's height by (text, width, font): a view asks for each item's
        # size several times a layout, and the hits of one search come back in the next.
        self._heights: dict[tuple[str, int, str], int] = {}

    def _text_height(self, text: str, width: int, font: QFont) -> int:
        key = (text, width, font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > CACHED:
                self._heights.clear()
            rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), _WRAP, text)
            height = self._heights[key] = rect.height()
        return height

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * _SMALLER, 6.0))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        lines = index.data(LINES)
        if not lines:
            return super().sizeHint(option, index)
        width = max(self._width(option), 40)
        text = self._text_height(lines[0], width, option.font)
        source = QFontMetrics(self._small(option.font)).height()
        return QSize(width + 2 * _PAD, text + _GAP + source + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        lines = index.data(LINES)
        if not lines:
            super().paint(painter, option, index)
            return
        text, source, standard = lines
        item, selected = self.draw_background(painter, option, index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = item.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        painter.setClipRect(item.rect)
        painter.setFont(option.font)
        painter.setPen(item.palette.color(role))
        painter.drawText(area, _WRAP, text)
        height = self._text_height(text, area.width(), option.font)
        small = self._small(option.font)
        painter.setFont(small)
        painter.setPen(QColor(STANDARD_COLOUR if standard else SOURCE_COLOUR))
        below = QRect(area.left(), area.top() + height + _GAP, area.width(), area.height())
        elided = QFontMetrics(small).elidedText(source, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft), elided)
        painter.restore()
