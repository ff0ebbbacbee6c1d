"""The date fields of Uppgifter: typed dates are taken, the calendar opens on today."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.datefield import DateField
from beslut.ui.main_window import MainWindow
from tests.today import TODAY


def _stored_meeting(store: Store, window: MainWindow) -> dt.date | None:
    assert window.autosaver.flush() is None
    fresh = Store.open(store.path)
    try:
        return fresh.load_draft(1).meta.meeting_date
    finally:
        fresh.close()


def _meeting_field(window: MainWindow, store: Store, *, empty: bool = False) -> DateField:
    """Open the example on Uppgifter (saved without a meeting date if ``empty``)."""
    if empty:
        draft = store.load_draft(1)
        meta = dataclasses.replace(draft.meta, meeting_date=None)
        store.save_draft(1, dataclasses.replace(draft, meta=meta))
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    return editor.metadata.meeting


def _click_text(field: DateField) -> QWidget:
    """Click in the field's text, as a user about to type there; the widget that has the
    keyboard focus then (keys go there)."""
    inner = field.findChild(QLineEdit)
    assert inner is not None
    QTest.mouseClick(inner, Qt.MouseButton.LeftButton, pos=QPoint(20, inner.height() // 2))
    focus = QApplication.focusWidget()
    assert focus is field
    return focus


def _leave(window: MainWindow) -> None:
    """Click in the Dnr field: the date field loses the focus."""
    assert window.editor is not None
    dnr = window.editor.metadata.dnr
    QTest.mouseClick(dnr, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is dnr


def _clear(window: MainWindow, field: DateField) -> None:
    """Select the date's text and delete it, then leave the field."""
    focus = _click_text(field)
    QTest.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(focus, Qt.Key.Key_Delete)
    _leave(window)


@pytest.mark.parametrize("typed", ["2027-01-14", "14/1 2027", "20270114", "14.1.2027"])
def test_a_date_typed_into_the_empty_field_is_stored(
    qtbot: QtBot, window: MainWindow, store: Store, typed: str
) -> None:
    field = _meeting_field(window, store, empty=True)
    QTest.keyClicks(_click_text(field), typed)
    _leave(window)
    assert _stored_meeting(store, window) == dt.date(2027, 1, 14)
    assert window.editor is not None
    assert not window.editor.metadata.meeting_hint.isVisible()


def test_deleting_the_text_clears_the_date(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    field = _meeting_field(window, store)
    assert _stored_meeting(store, window) is not None
    _clear(window, field)
    assert _stored_meeting(store, window) is None
    assert field.text() == "Inget datum"


def test_text_that_is_no_date_is_explained_and_the_date_kept(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    field = _meeting_field(window, store)
    before = _stored_meeting(store, window)
    focus = _click_text(field)
    QTest.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus, "31/2 2027")
    _leave(window)
    assert _stored_meeting(store, window) == before
    assert window.editor is not None
    hint = window.editor.metadata.meeting_hint
    assert hint.isVisible() and "31/2 2027" in hint.text()


def test_the_calendar_of_an_empty_field_opens_on_this_month(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    field = _meeting_field(window, store, empty=True)
    arrow = QPoint(field.width() - 6, field.height() // 2)
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    QTest.keyClick(calendar, Qt.Key.Key_Escape)
    assert _stored_meeting(store, window) is None


def test_up_in_an_empty_field_starts_from_today(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    field = _meeting_field(window, store, empty=True)
    QTest.keyClick(_click_text(field), Qt.Key.Key_Up)
    _leave(window)
    assert _stored_meeting(store, window) == TODAY
