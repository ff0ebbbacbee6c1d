"""Ctrl+Z in a form field never changes a field the user is not in without showing it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from beslut.model.draft import Metadata
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import type_text


def _stored_meta(store: Store, window: MainWindow) -> Metadata:
    assert window.autosaver.flush() is None
    fresh = Store.open(store.path)
    try:
        return fresh.load_draft(1).meta
    finally:
        fresh.close()


def _type_into(field: QLineEdit, text: str) -> None:
    """Click the field, empty it and type ``text``, as a user replacing its value."""
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)


def _ctrl_z() -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_z_in_one_field_keeps_another_fields_text(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    meta = editor.metadata
    editor.go_to_step(meta)
    avdelning_before = meta.avdelning.text()
    _type_into(meta.epost, "kim.berg@example.se")
    _type_into(meta.avdelning, "Avdelningen för bad")
    _ctrl_z()  # undoes the typing in Avdelning
    assert QApplication.focusWidget() is meta.avdelning
    stored = _stored_meta(store, window)
    assert (stored.avdelning, stored.handlaggare.epost) == (
        avdelning_before,
        "kim.berg@example.se",
    )
    _ctrl_z()  # Avdelning has nothing left: the focus goes to E-post, which stays
    assert _stored_meta(store, window).handlaggare.epost == "kim.berg@example.se"
    assert QApplication.focusWidget() is meta.epost
    _ctrl_z()  # now, in E-post, its own typing is undone where the user sees it
    assert QApplication.focusWidget() is meta.epost
    assert _stored_meta(store, window).handlaggare.epost != "kim.berg@example.se"
    QTest.keyClick(meta.epost, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored_meta(store, window).handlaggare.epost == "kim.berg@example.se"
    QTest.keyClick(meta.epost, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is meta.avdelning  # redo shows Avdelning first
    assert _stored_meta(store, window).avdelning == avdelning_before
    QTest.keyClick(meta.avdelning, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored_meta(store, window).avdelning == "Avdelningen för bad"
