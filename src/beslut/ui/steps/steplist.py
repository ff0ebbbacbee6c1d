"""The editor's list of steps as wide as its names: each readable on one line."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget

# Beside a step's name in the list: the item's padding (style.py) and the margins the
# style keeps around its icon and its text.
STEP_DECORATION = 36
STEP_LIST_MAX = 380  # wider than this, a long own heading wraps (and shows in its tooltip)
STEP_LIST_MIN = 250


def fit_step_list(view: QListWidget) -> None:
    """Make ``view`` as wide as its longest name on one line (up to STEP_LIST_MAX,
    beyond which a name wraps); each name whole in its tooltip."""
    view.ensurePolished()  # the style sheet's font size is the widget's font from here
    metrics = view.fontMetrics()
    widest = 0
    for row in range(view.count()):
        item = view.item(row)
        widest = max(widest, metrics.horizontalAdvance(item.text()))
        item.setToolTip(item.text())
    inner = min(widest + view.iconSize().width() + STEP_DECORATION, STEP_LIST_MAX)
    scroll_bar = view.verticalScrollBar().sizeHint().width()  # when the steps overflow
    view.setMinimumWidth(max(STEP_LIST_MIN, inner + 2 * view.frameWidth() + scroll_bar))
