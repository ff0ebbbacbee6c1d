"""Real dialogs in GUI tests: the app's own QMessageBox, QInputDialog, QFileDialog and
dialogs, answered with keys and clicks by a timer while they wait for the user."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

Answer = Callable[[QDialog], None]


def press(key: Qt.Key) -> Answer:
    """Answer with one key (Return for the default button, Escape to cancel)."""

    def answer(dialog: QDialog) -> None:
        QTest.keyClick(_in(dialog), key)

    return answer


def click_button(text: str) -> Answer:
    """Answer by clicking the button whose text (without &) is ``text``."""

    def answer(dialog: QDialog) -> None:
        from PySide6.QtWidgets import QAbstractButton

        found = [
            b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") == text
        ]
        assert found, f"no button {text!r} in {dialog.windowTitle()!r}"
        QTest.mouseClick(found[0], Qt.MouseButton.LeftButton)

    return answer


def click_yes(dialog: QDialog) -> None:
    """Answer a question by clicking its Yes button (Ja when Qt's texts are Swedish)."""
    from PySide6.QtWidgets import QMessageBox

    assert isinstance(dialog, QMessageBox)
    yes = dialog.button(QMessageBox.StandardButton.Yes)
    QTest.mouseClick(yes, Qt.MouseButton.LeftButton)


def type_and_press_return(text: str) -> Answer:
    """Type ``text`` (ASCII) where the focus is, then press Return."""

    def answer(dialog: QDialog) -> None:
        target = _in(dialog)
        QTest.keyClicks(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)

    return answer


def _in(dialog: QDialog) -> QWidget:
    """Where keys typed into ``dialog`` go (its focus, though it may not be active yet)."""
    return dialog.focusWidget() or dialog


@contextmanager
def answering(*answers: Answer) -> Iterator[list[str]]:
    """Answer the modal dialogs that open, in order, with ``answers``; any dialog after
    them is cancelled with Escape. Yields the titles of the dialogs answered."""
    queue = list(answers)
    titles: list[str] = []
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible() and dialog.isActiveWindow():
            titles.append(dialog.windowTitle())
            (queue.pop(0) if queue else press(Qt.Key.Key_Escape))(dialog)

    timer.timeout.connect(poll)
    timer.start()
    try:
        yield titles
    finally:
        timer.stop()
