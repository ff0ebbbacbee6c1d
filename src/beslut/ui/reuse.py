"""Reuse while writing: a search field over one's earlier decision points and paragraphs
(workflow/phrases.py, the same core as ``beslut phrases``) with its list of hits.

The search runs on a background thread, one text at a time and only the newest typed,
so typing never waits for the store. Förslag till beslut shows the picker in the step
("Tidigare beslut…"); a text part opens it in ReuseDialog (Ctrl+Shift+Space).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _, ngettext
from beslut.ui.messages import message_for
from beslut.ui.reuse_items import HitItems, HitModel
from beslut.ui.worker import Worker

if TYPE_CHECKING:
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.store import Store
    from beslut.workflow.phrases import Phrase

SHORT = 160  # characters of a hit's text on its first line
SHORTCUT = "Ctrl+Shift+Space"


def shortcut_text() -> str:
    """SHORTCUT as the user's language names the keys."""
    return _("Ctrl+Skift+Blanksteg")


# What a search needs to know of the draft being written: the draft and its id.
Context = Callable[[], "tuple[Draft | None, int | None]"]


class PhraseSearch(QObject):
    """Finds the hits for ``part`` on a background thread; ``found`` brings the hits of
    the newest text searched (an older text's hits never arrive after a newer one's)."""

    found = Signal(object)  # list[Phrase]
    failed = Signal(str)  # a message for the user

    def __init__(
        self,
        store: Store,
        part: str,
        context: Context,
        doctypes: Callable[[], Sequence[DocType]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.part = store, part
        self._context, self._doctypes = context, doctypes
        self._serial = 0  # the newest search asked for
        self._delivered = 0  # the newest search whose hits (or failure) were given
        self._worker = Worker(self)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)

    def search(self, text: str) -> None:
        """Search for ``text``; a search still waiting to start is dropped."""
        from beslut.workflow.phrases import find_phrases

        self._serial += 1
        serial = self._serial
        current, current_id = self._context()
        store, part, doctypes = self.store, self.part, self._doctypes

        def job() -> list[Phrase] | None:
            if serial != self._serial:
                return None  # the user typed on while the last search ran
            return find_phrases(
                store, part, text, current=current, current_id=current_id, doctypes=doctypes()
            )

        self._worker.submit(serial, job)  # the token: which search reports

    def _finished(self, serial: object, hits: object) -> None:
        if hits is not None and serial == self._serial:
            self._delivered = self._serial
            self.found.emit(hits)

    def idle(self) -> bool:
        """True when the hits of the newest text searched have been given."""
        return self._delivered == self._serial

    def _failed(self, serial: object, exc: object) -> None:
        if serial != self._serial:
            return  # an older text's search: the newest is still to come
        self._delivered = self._serial
        detail = message_for(exc) if isinstance(exc, BaseException) else str(exc)
        message = _("Sökningen i tidigare utkast misslyckades: {detail}")
        self.failed.emit(message.format(detail=detail))

    def wait(self) -> None:
        """Block until the searches are done (before the window goes away)."""
        self._worker.wait()


def hit_lines(hit: Phrase) -> tuple[str, str]:
    """A hit as the list shows it: its text on one line, and where it comes from."""
    from beslut.ui.versions_view import local_time

    text = " ".join(hit.text.split())
    text = text if len(text) <= SHORT else text[: SHORT - 1] + "…"
    if hit.standard:
        source = _("Organisationens formulering · {doctype}").format(doctype=hit.title)
    else:
        title = hit.title or _("(utan rubrik)")
        source = f"{title} · {local_time(hit.date)[:10]}"
    if hit.similar:
        similar = ngettext("{n} liknande", "{n} liknande", hit.similar)
        source += " · " + similar.format(n=hit.similar)
    return text, source


class PhrasePicker(QWidget):
    """A search field and its hits: typing searches, Up and Down choose, Enter or a click
    takes the hit (``chosen``), Esc empties the field. A ``compact`` picker shows its hits
    only while it is in use (the focus in it, or text in the field), so the step keeps
    its room the rest of the time."""

    chosen = Signal(object)  # the Phrase taken
    hits_shown = Signal()  # a search's hits are in the list (tests and benchmarks wait on it)

    def __init__(
        self,
        search: PhraseSearch,
        placeholder: str,
        tooltip: str,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ):
        super().__init__(parent)
        self.search = search
        self.hits: list[Phrase] = []
        self.field = QLineEdit()
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(placeholder.rstrip("…"))
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip(tooltip)
        self.model = HitModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(_("Träffar"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setItemDelegate(HitItems(self.list))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self._typed = QTimer(self)  # several keys in one turn of the loop: one search
        self._typed.setSingleShot(True)
        self._typed.setInterval(0)
        self._typed.timeout.connect(lambda: self.search.search(self.field.text()))
        self.field.textChanged.connect(self._text_changed)
        self.field.installEventFilter(self)
        self.list.clicked.connect(self._index_clicked)
        self.list.activated.connect(self._index_clicked)  # Enter or a double click in the list
        search.found.connect(self._show)
        search.failed.connect(self._show_failure)
        self._searched = False
        # One hit taken per list shown: a double click, or a style that activates on a
        # single click, must not insert it twice; Enter before the newest hits came
        # back takes the first of them when they come.
        self._taken = False
        self._take_when_shown = False
        self.compact = compact
        if compact:
            self._in_use(None, None)
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.focusChanged.connect(self._in_use)

    def _in_use(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Show the hits while the focus is in the picker or the field holds text."""
        used = now in (self.field, self.list) or bool(self.field.text())
        self.list.setVisible(used)
        self.status.setVisible(used)

    def refresh(self) -> None:
        """Search again for what the field holds (the draft changed, or first shown)."""
        self._searched = True
        self._typed.start()

    def settled(self) -> bool:
        """True when the hits shown (or the failure said) are those of the field's text."""
        return not self._typed.isActive() and self.search.idle()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._searched:
            self.refresh()
        super().showEvent(event)

    def _text_changed(self, _text: str) -> None:
        self.refresh()
        if self.compact:
            self._in_use(None, QApplication.focusWidget())

    def _show(self, hits: list[Phrase]) -> None:
        self._taken = False
        self.hits = list(hits)
        lines = [(*hit_lines(hit), hit.standard) for hit in self.hits]
        self.model.set_lines(lines, [hit.text for hit in self.hits])
        if self.hits:
            self.list.setCurrentIndex(self.model.index(0))
            self.status.setText("")
        else:
            typed = self.field.text().strip()
            self.status.setText(_("Inga träffar för ”{text}”.").format(text=typed) if typed
                                else _("Inget att återanvända än."))  # fmt: skip
        self.hits_shown.emit()
        if self._take_when_shown:
            self._take_when_shown = False
            self.take_current()

    def _show_failure(self, message: str) -> None:
        self.hits = []
        self.model.set_lines([], [])
        self._take_when_shown = False
        self.status.setText(message)

    def current_row(self) -> int:
        """The row of the hit chosen in the list (-1 for none)."""
        return self.list.currentIndex().row()

    def current_hit(self) -> Phrase | None:
        row = self.current_row()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def _index_clicked(self, index: QModelIndex) -> None:
        row = index.row()
        if index.isValid() and 0 <= row < len(self.hits):
            self._take(self.hits[row])

    def take_current(self) -> None:
        """Enter: take the chosen hit, or the first of the newest hits when they come."""
        if not self.settled():
            self._take_when_shown = True
            return
        hit = self.current_hit()
        if hit is not None:
            self._take(hit)

    def _take(self, hit: Phrase) -> None:
        if not self._taken:
            self._taken = True
            self.chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.keyPressEvent(event)  # choose in the list, typing stays here
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.take_current()
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)


class Reuse:
    """The editor's searches over earlier drafts: one PhraseSearch a part, all with the
    draft being written as their context and the organisation's document types."""

    def __init__(self, store: Store, settings: Settings, context: Context) -> None:
        self.store, self.settings, self.context = store, settings, context
        self._doctypes: Sequence[DocType] | None = None
        self._doctypes_lock = threading.Lock()  # read by the searches' threads
        self._searches: list[PhraseSearch] = []

    def doctypes(self) -> Sequence[DocType]:
        """The document types whose standard wording is offered (read once, on the
        first search's thread)."""
        with self._doctypes_lock:
            if self._doctypes is None:
                from beslut.workflow.templates import available_doctypes

                self._doctypes = available_doctypes(self.settings).types
            return self._doctypes

    def search(self, part: str, parent: QObject) -> PhraseSearch:
        """A search of ``part``'s points or paragraphs, owned by ``parent``."""
        found = PhraseSearch(self.store, part, self.context, self.doctypes, parent)
        self._searches.append(found)
        return found

    def wait(self) -> None:
        """Block until every search is done (before the editor goes away)."""
        for search in self._searches:
            try:
                search.wait()
            except RuntimeError:  # its widget was deleted with a removed part
                continue
