"""The app's style sheet as the user sees it: an open combo box shows its highlighted item."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from beslut.ui.main_window import MainWindow


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _row_colours(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """The background of a row (its commonest colour) and its text (the colour that
    stands out most from that background)."""
    rect = rect.intersected(image.rect()).adjusted(0, 0, -1, -1)
    counts: Counter[int] = Counter()
    for y in range(rect.top() + 2, rect.bottom() - 1):
        for x in range(rect.left() + 2, rect.right() - 1):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in counts), key=lambda c: _contrast(c, background))
    return background, text


@pytest.mark.parametrize("editable", [False, True])
def test_the_highlighted_item_of_an_open_combo_box_stands_out_and_reads(
    qtbot: QtBot, window: MainWindow, styled: None, editable: bool
) -> None:
    combo: QComboBox = window.list_page.status_filter
    combo.setEditable(editable)  # the editor's nämnd is an editable combo box
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens it
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    QTest.keyClick(view, Qt.Key.Key_Down)  # the highlight moves off the current item
    highlighted = view.currentIndex()
    assert highlighted.row() == 1
    image = view.viewport().grab().toImage()
    plain = view.visualRect(view.model().index(2, 0))
    plain_background, plain_text = _row_colours(image, plain)
    background, text = _row_colours(image, view.visualRect(highlighted))
    assert background.rgb() != plain_background.rgb()  # the highlight is visible
    assert _contrast(text, background) >= 4.5  # and its text readable (WCAG AA)
    assert _contrast(plain_text, plain_background) >= 4.5
    combo.hidePopup()
