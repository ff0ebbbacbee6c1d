"""The keyboard focus back where it was when a dialog closes, so keys work at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


def remember_focus(parent: QWidget | None) -> Callable[[], None]:
    """Note where the focus is now; the function returned puts it back there.

    A modal dialog takes the focus with it: when it closes, the platform may leave no
    window active (seen under X11 without a window manager, and after a window-modal
    dialog), so Ctrl+Z, Alt+Left and Ctrl+Q did nothing until the user clicked.
    """
    widget = QApplication.focusWidget()
    window = widget.window() if widget is not None else None
    if window is None:
        window = parent.window() if parent is not None else QApplication.activeWindow()

    def give_back() -> None:
        if window is None or not isValid(window) or not window.isVisible():
            return
        window.activateWindow()
        if _can_take_focus(widget, window):
            assert widget is not None
            widget.setFocus()  # no Qt enum: this module loads at start (start-up time)
        elif not _can_take_focus(window.focusWidget(), window):
            home = getattr(window, "focus_home", None)  # the main window's first field
            if callable(home):
                home()
            else:
                window.focusNextChild()

    return give_back


def _can_take_focus(widget: QWidget | None, window: QWidget) -> bool:
    return (
        widget is not None
        and isValid(widget)
        and widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
    )


@contextmanager
def focus_kept(parent: QWidget | None) -> Iterator[None]:
    """Around a dialog's exec(): the focus goes back where it was when it closes."""
    give_back = remember_focus(parent)
    try:
        yield
    finally:
        give_back()


def return_focus_after(dialog: QDialog) -> None:
    """For a dialog opened with open(): the focus goes back when it finishes."""
    give_back = remember_focus(dialog.parentWidget())
    dialog.finished.connect(lambda _result: give_back())
