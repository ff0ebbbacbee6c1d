"""Every control does what its label says, and only that: each enabled button of every step
of every document type is clicked, each enabled action triggered (by its shortcut where it
has one), whatever dialog or menu opens is dismissed, and then an edit of the title must
still reach the database. A button added later is covered without touching this test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from beslut.doctypes import load_doctypes
from beslut.model.draft import Attachment, Signatory
from beslut.settings import load_settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from beslut.ui.messages import Messages
from beslut.workflow.drafts import new_draft
from tests.ui.helpers import type_text

# (document type, step) for every step of every shipped document type: Uppgifter,
# Förslag till beslut, one per text part, Bilagor, Underskrifter, Granska och exportera.
CASES = [
    (doctype.key, step)
    for doctype in load_doctypes()
    for step in range(2 + len(doctype.sections) + 3)
]


class _Dismisser:
    """Closes every menu and modal dialog as soon as it opens, as a user pressing Esc."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._dismiss)
        self._timer.start()

    def _dismiss(self) -> None:
        for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if widget is None or not widget.isVisible():
                continue
            self.seen.append(type(widget).__name__)
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def uncaught(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """Whatever reaches sys.excepthook (the app turns those into an error dialog)."""
    seen: list[BaseException] = []

    def hook(_kind: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        seen.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield seen


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files the app asks the desktop to open (a bilaga): recorded, not opened."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def _draft_of(store: Store, key: str) -> int:
    """A draft of type ``key`` with a point, a bilaga with a file and a signatory."""
    doctype = next(d for d in load_doctypes() if d.key == key)
    draft = new_draft(doctype, load_settings(store))
    ref = store.put_file("underlag.pdf", b"%PDF-1.4 underlag")
    from dataclasses import replace

    draft = replace(
        draft,
        meta=replace(draft.meta, title="Prov", namnd="Kulturnämnden", dnr="KN 2026/1"),
        decisions=("Kulturnämnden godkänner förslaget.",),
        attachments=(Attachment("Underlag", ref),),
        signatories=(Signatory("Eva Ek", "Förvaltningschef"),),
    )
    return store.create_draft(draft)


Control = QAbstractButton | QAction | QComboBox | QDateEdit


def _use(widget: Control, window: MainWindow) -> None:
    """Use a control with a real event: a mouse click, a key, the shortcut, the trigger."""
    if isinstance(widget, QAbstractButton):
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    elif isinstance(widget, QComboBox):
        QTest.keyClick(widget, Qt.Key.Key_Down)  # the next choice in the list
    elif isinstance(widget, QDateEdit):
        QTest.keyClick(widget, Qt.Key.Key_Up)  # a day (or month, year) later
    elif not widget.shortcut().isEmpty() and widget.parent() is window:
        QTest.keySequence(window, widget.shortcut())
    else:
        widget.trigger()
    QApplication.processEvents()


def _controls(root: QWidget) -> list[Control]:
    found: list[Control] = [
        *root.findChildren(QAbstractButton),
        *root.findChildren(QComboBox),
        *root.findChildren(QDateEdit),
    ]
    widgets = [w for w in found if isinstance(w, QWidget) and w.isVisibleTo(root) and w.isEnabled()]
    actions = [a for a in root.findChildren(QAction) if a.isEnabled() and a.isVisible()]
    return widgets + actions


@pytest.mark.parametrize(("doctype_key", "step_row"), CASES)
def test_every_control_of_a_step_then_the_title_is_saved(
    qtbot: QtBot,
    tmp_path: Path,
    doctype_key: str,
    step_row: int,
    uncaught: list[BaseException],
    opened_urls: list[str],
) -> None:
    path = tmp_path / "alla.db"
    store = Store.open(path, seed=seed_example)
    draft_id = _draft_of(store, doctype_key)
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, qsettings, messages=Messages())  # the real dialogs
    qtbot.addWidget(window)
    window.show()
    dismisser = _Dismisser()
    try:
        window.open_draft(draft_id)
        editor = window.editor
        assert editor is not None
        editor.step_list.setCurrentRow(step_row)
        step = editor.current_step()
        controls = _controls(step)
        assert controls, f"no controls found on {step.title}"
        for control in controls:
            if window.editor is not editor:
                break  # a control left the editor: what follows is checked below
            _use(control, window)
            editor.wait_for_background()
            QApplication.processEvents()
        _edit_title_and_check(qtbot, window, draft_id, path)
    finally:
        dismisser.stop()
        window.close()
        store.close()
    assert uncaught == []


# The window's own actions (menus and toolbar) while a draft is open, except Avsluta,
# which is used last.
WINDOW_ACTIONS = [
    "act_open", "act_import", "act_duplicate", "act_delete", "act_restore", "act_export",
    "act_version", "act_settings", "act_find", "act_undo", "act_redo", "act_help", "act_about",
    "act_replace", "act_versions", "act_send_review", "act_receive_review", "act_open_file",
    "act_back", "act_new",
]  # fmt: skip


def test_every_window_action_then_the_title_is_saved(
    qtbot: QtBot, tmp_path: Path, uncaught: list[BaseException]
) -> None:
    path = tmp_path / "fönster.db"
    store = Store.open(path, seed=seed_example)
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, qsettings, messages=Messages())
    qtbot.addWidget(window)
    window.show()
    dismisser = _Dismisser()
    try:
        for name in WINDOW_ACTIONS:
            if window.editor is None or window.draft_id != 1:
                window.open_draft(1)
            action: QAction = getattr(window, name)
            if action.isEnabled() and action.isVisible():
                _use(action, window)
        window.open_draft(1)
        _edit_title_and_check(qtbot, window, 1, path)
        window.act_quit.trigger()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    finally:
        dismisser.stop()
        store.close()
    assert uncaught == []


def _edit_title_and_check(qtbot: QtBot, window: MainWindow, draft_id: int, path: Path) -> None:
    if window.editor is None or window.draft_id != draft_id:
        window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    type_text(editor.metadata.title_edit, " ändrad")
    assert window.autosaver.flush() is None
    with Store.open(path) as fresh:
        stored = fresh.load_draft(draft_id)
    assert stored.meta.title.endswith(" ändrad")
    assert all(isinstance(text, str) for text in stored.decisions)
