"""The word count in the status bar while a draft is open: the draft's, the current
part's and the selection's ("1 234 ord · Bakgrund: 210 ord · Markerat: 12 ord")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from beslut.i18n import _, format_number, ngettext
from beslut.wordcount import count_words, draft_words, part_words

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor
    from beslut.ui.main_window import MainWindow

RECOUNT_DELAY_MS = 300  # after the last keystroke: the draft is collected once a pause
_HOOKED = "beslutWordCountHooked"  # set on a text widget whose selection is followed


def words_text(count: int) -> str:
    """The count as the label writes it: "1 234 ord"."""
    return ngettext("{count} ord", "{count} ord", count).format(count=format_number(count))


def count_text(total: int, part: tuple[str, int] | None, selected: int | None) -> str:
    """The label's text: the draft's words, then the part's and the selection's if any."""
    pieces = [words_text(total)]
    if part is not None:
        pieces.append(_("{part}: {words}").format(part=part[0], words=words_text(part[1])))
    if selected is not None:
        pieces.append(_("Markerat: {words}").format(words=words_text(selected)))
    return " · ".join(pieces)


def selected_text(widget: QWidget | None) -> str:
    """The text selected in a text field, "" for anything else."""
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.textCursor().selectedText()
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    return ""


class WordCount(QObject):
    """A permanent label in the window's status bar, shown while a draft is open.

    The draft and its current part are counted from ``DraftEditor.collect()`` a moment
    after typing stops; the selection is counted as it changes, from the focused field.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.label.setObjectName("wordCount")
        self.label.setAccessibleName(_("Antal ord"))
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)
        self._editor: DraftEditor | None = None
        self._counts: tuple[int, tuple[str, int] | None] = (0, None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def show_for(self, editor: DraftEditor | None) -> None:
        """Count ``editor``'s draft; None (the list is shown): hide the label."""
        self.label.setVisible(editor is not None)
        if editor is self._editor:
            return
        self._editor = editor
        if editor is None:
            return
        editor.changed.connect(lambda e=editor: self._later(e))
        editor.step_list.currentRowChanged.connect(lambda _row, e=editor: self._later(e))
        self.recount()

    def _later(self, editor: DraftEditor) -> None:
        if editor is self._editor:
            self._timer.start()

    def recount(self) -> None:
        """Count the draft as it is now, and the current part."""
        self._timer.stop()
        editor = self._editor
        if editor is None:
            return
        draft = editor.collect()
        step = editor.current_step()
        words = part_words(draft, step.part) if step.part is not None else None
        part = (step.title, words) if words is not None else None
        self._counts = (draft_words(draft, editor.doctype), part)
        self._show()

    def _show(self) -> None:
        total, part = self._counts
        focused = QApplication.focusWidget()
        selection = selected_text(focused) if self._inside(focused) else ""
        self.label.setText(count_text(total, part, count_words(selection) if selection else None))

    def _inside(self, widget: QWidget | None) -> bool:
        editor = self._editor
        return widget is not None and editor is not None and editor.isAncestorOf(widget)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self._inside(new):
            return
        assert new is not None
        if isinstance(new, QTextEdit | QPlainTextEdit | QLineEdit) and not new.property(_HOOKED):
            new.setProperty(_HOOKED, True)
            new.selectionChanged.connect(self._show)
        self._show()
