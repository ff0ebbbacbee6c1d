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


def test_ctrl_page_down_and_up_walk_the_steps(window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    focus: QWidget = editor.metadata.title_edit
    for expected in (1, 2, 3):
        QTest.keyClick(focus, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert editor.step_list.currentRow() == expected
        focus = editor.current_step().focusWidget() or editor.current_step()
    assert focus is editor.sections[1].editor.text_edit  # also from inside a text part
    QTest.keyClick(focus, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.step_list.currentRow() == 2


def test_the_date_fields_inner_text_boxes_are_named(window: MainWindow) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    for date in (editor.metadata.meeting, editor.metadata.date):
        inner = date.findChild(QLineEdit)
        assert inner is not None and inner.accessibleName() == date.accessibleName() != ""


def test_tab_leaves_the_draft_list(window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    table = window.list_page.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
