"""Zoom in the draft editor: the text areas' font size in steps, remembered in the store.

Only the widgets' font changes, never the text's formats: the model, and so the saved
draft and the exported document, are the same at any zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor
    from beslut.ui.main_window import MainWindow

ZOOM_SETTING = "ui.zoom"
NORMAL_ZOOM = 100
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 80, 200, 10  # percent
ZOOM_ACTIONS = ("zoom_in", "zoom_out", "zoom_normal")
_BASE_SIZE = "beslutUnzoomedPointSize"  # the widget's own font size, kept on it


def clamped(percent: object) -> int:
    """A zoom the editor shows: within MIN_ZOOM-MAX_ZOOM, on a ZOOM_STEP; 100 for
    anything that is no number (a setting written by hand)."""
    if isinstance(percent, bool) or not isinstance(percent, int | float):
        return NORMAL_ZOOM
    stepped = round(percent / ZOOM_STEP) * ZOOM_STEP
    return max(MIN_ZOOM, min(MAX_ZOOM, stepped))


def zoom_targets(editor: DraftEditor) -> list[QWidget]:
    """The editor's text areas: every part's rich text and the decision point's text."""
    return [*(step.editor.text_edit for step in editor.sections), editor.decisions.text]


def set_zoom(widget: QWidget, percent: int) -> None:
    """Show ``widget``'s text at ``percent`` of its own font size."""
    base = widget.property(_BASE_SIZE)
    if not isinstance(base, float):
        base = widget.font().pointSizeF()
        widget.setProperty(_BASE_SIZE, base)
    size = base * percent / NORMAL_ZOOM
    font = widget.font()
    if font.pointSizeF() != size:
        font.setPointSizeF(size)
        widget.setFont(font)


class Zoom(QObject):
    """Visa > Zooma in, Zooma ut, Normal storlek (and Ctrl+wheel in a text) for the open
    draft; the zoom is kept in the store's settings, so the next start shows it too."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.percent = NORMAL_ZOOM
        self._editor: DraftEditor | None = None

    def show_for(self, editor: DraftEditor | None) -> None:
        """The editor came forward (or None: the list did): its text at the stored zoom."""
        for name in ZOOM_ACTIONS:
            self.window.actions_by_name[name].setEnabled(editor is not None)
        if editor is self._editor:
            return
        self._editor = editor
        if editor is None:
            return
        self.percent = clamped(self.window.store.get_setting(ZOOM_SETTING, NORMAL_ZOOM))
        editor.step_list.currentRowChanged.connect(lambda _row: self.apply())  # new parts
        self.apply()

    def zoom_in(self) -> None:
        self.set_percent(self.percent + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_percent(self.percent - ZOOM_STEP)

    def zoom_normal(self) -> None:
        self.set_percent(NORMAL_ZOOM)

    def set_percent(self, percent: int) -> None:
        """Show the text at ``percent`` and remember it (not in a read-only database)."""
        percent = clamped(percent)
        if percent == self.percent:
            return
        self.percent = percent
        self.apply()
        if not self.window.store.read_only:
            self.window.run(lambda: self.window.store.set_setting(ZOOM_SETTING, percent))

    def apply(self) -> None:
        """Every text area of the open draft at the current zoom."""
        editor = self.window.editor
        if editor is None:
            return
        for widget in zoom_targets(editor):
            set_zoom(widget, self.percent)
            viewport = getattr(widget, "viewport", None)
            if callable(viewport):
                viewport().installEventFilter(self)  # once: installing again moves it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel over a text zooms, as in Word."""
        if event.type() == QEvent.Type.Wheel:
            assert isinstance(event, QWheelEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                steps = event.angleDelta().y()
                if steps:
                    self.zoom_in() if steps > 0 else self.zoom_out()
                return True
        return super().eventFilter(watched, event)
