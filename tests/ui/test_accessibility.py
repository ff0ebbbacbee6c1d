"""Every input in the main window and in every editor step can be named by a screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from beslut.ui.main_window import MainWindow

_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy().value == 0:
            continue
        # Inner parts of a composite (a combo box's line edit, a date edit's, a view's
        # viewport) are named through their owner.
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox | QAbstractItemView):
            continue
        if isinstance(widget, _INPUTS):
            named = bool(widget.accessibleName())
        elif isinstance(widget, QAbstractButton):
            named = bool(widget.accessibleName() or widget.text().replace("&", "").strip())
        else:
            continue
        if not named:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_main_window_inputs_have_names(window: MainWindow) -> None:
    assert _unnamed(window) == []


def test_every_editor_step_has_named_inputs(window: MainWindow) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    for row, step in enumerate(editor.steps):
        editor.step_list.setCurrentRow(row)
        assert _unnamed(window) == [], step.title
