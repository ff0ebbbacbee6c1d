"""The nämnd's own texts in the window: the kallelse entry and the protokollsutdrag of the
open draft (export step), and the kallelse of the drafts selected on the list.

Copied to the clipboard as HTML with the plain text beside it (a paste into Word keeps
headings and numbered points, a plain-text field gets the text), or saved as .docx in
the organisation's styles. What the texts say and how they are written is the core's
(beslut.namnd, workflow/namnd.py); this only asks, copies, saves and tells.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from beslut.i18n import _
from beslut.ui import state

if TYPE_CHECKING:
    from beslut.namnd.texts import Kallelse, Utdrag
    from beslut.ui.main_window import MainWindow

_STATUS_MS = 10000


class Text(StrEnum):
    """Which of the nämnd's texts."""

    KALLELSE = "kallelse"
    UTDRAG = "utdrag"


class NamndButtons(QWidget):
    """The export step's row: copy or save the kallelse entry and the protokollsutdrag."""

    requested = Signal(str, bool)  # a Text, and True to save as .docx (else: copy)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)  # the kallelse's buttons above the protokollsutdrag's
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Till nämnden:")), 0, 0)
        layout.setColumnStretch(1, 1)
        for number, (text, save, label, name) in enumerate(
            (
                (Text.KALLELSE, False, _("Kopiera &kallelsetext"), _("Kopiera kallelsetext")),
                (Text.KALLELSE, True, _("Spara ka&llelse…"), _("Spara kallelse")),
                (Text.UTDRAG, False, _("Kopiera pr&otokollsutdrag"), _("Kopiera protokollsutdrag")),
                (Text.UTDRAG, True, _("Spara protokolls&utdrag…"), _("Spara protokollsutdrag")),
            )
        ):
            button = QPushButton(label)
            button.setAccessibleName(name)
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, text=text, save=save: self.requested.emit(text, save)
            )
            layout.addWidget(button, number // 2, 2 + number % 2)


def _render(doc: Kallelse | Utdrag) -> tuple[str, str]:
    """``doc`` as (HTML, plain text)."""
    from beslut.namnd import render
    from beslut.namnd.texts import Kallelse

    if isinstance(doc, Kallelse):
        return render.kallelse_html(doc), render.kallelse_text(doc)
    return render.utdrag_html(doc), render.utdrag_text(doc)


def notes_of(doc: Kallelse | Utdrag) -> list[str]:
    """The decision-rule findings that remain, each with its ärende in a kallelse."""
    from beslut.namnd.texts import Kallelse

    if not isinstance(doc, Kallelse):
        return list(doc.notes)
    many = len(doc.entries) > 1
    return [
        f"{entry.number}. {entry.title}: {note}" if many else note
        for entry in doc.entries
        for note in entry.notes
    ]


def copy_to_clipboard(doc: Kallelse | Utdrag) -> None:
    """Put ``doc`` on the clipboard as HTML and as plain text."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    html, text = _render(doc)
    data = QMimeData()
    data.setHtml(html)
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


class NamndFlow(QObject):
    """Makes the texts from the stored drafts (pending edits saved first)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_saved: Path | None = None

    def for_open_draft(self, which: str, save: bool) -> None:
        """The open draft's kallelse entry or protokollsutdrag, copied or saved."""
        window = self._window
        if window.draft_id is None or not window.saved_or_told():
            return
        draft_id = window.draft_id
        doc = self._make(Text(which), [draft_id])
        if doc is not None:
            self._deliver(doc, save)

    def kallelse_for_selected(self) -> None:
        """Kallelse för sammanträdet: the selected drafts in the list's order, saved as
        .docx and copied."""
        ids = self._window.list_page.selected_ids()
        if not ids:
            return
        doc = self._make(Text.KALLELSE, ids)
        if doc is not None:
            self._deliver(doc, save=True, copy=True)

    def _make(self, which: Text, ids: Sequence[int]) -> Kallelse | Utdrag | None:
        from beslut.workflow.namnd import kallelse_of, utdrag_of

        window, settings = self._window, self._window.settings
        if which is Text.KALLELSE:
            return window.run(
                lambda: kallelse_of(window.store, ids, settings),
                _("Kallelsen kan inte göras"),
            )
        return window.run(
            lambda: utdrag_of(window.store, ids[0], settings),
            _("Protokollsutdraget kan inte göras"),
        )

    def _deliver(self, doc: Kallelse | Utdrag, save: bool, copy: bool | None = None) -> None:
        from beslut.namnd.texts import Kallelse

        kallelse = isinstance(doc, Kallelse)
        done: list[str] = []
        if save:
            written = self._save(doc)
            if written is None:
                return
            done.append(_("Sparat som {name}.").format(name=written.name))
        if copy or (copy is None and not save):
            copy_to_clipboard(doc)
            done.append(
                _("Kallelsetexten är kopierad.")
                if kallelse
                else _("Protokollsutdraget är kopierat.")
            )
        notes = notes_of(doc)
        if notes:
            done.append(_("Beslutspunkterna har anmärkningar kvar."))
        self._window.statusBar().showMessage(" ".join(done), _STATUS_MS)
        if notes:
            self._window.messages.tell(
                self._window,
                _("Anmärkningar på beslutspunkterna"),
                _(
                    "Granskningen har anmärkningar kvar på beslutspunkterna, som nämnden "
                    "ska fatta beslut om:\n\n{notes}"
                ).format(notes="\n".join(f"• {n}" for n in notes)),
            )

    def _save(self, doc: Kallelse | Utdrag) -> Path | None:
        from beslut.export.filenames import safe_stem
        from beslut.namnd.texts import Kallelse
        from beslut.workflow.namnd import write_document

        window = self._window
        if isinstance(doc, Kallelse):
            title, stem = _("Spara kallelse"), doc.heading
        else:
            title = _("Spara protokollsutdrag")
            stem = " ".join(p for p in ("Protokollsutdrag", doc.dnr, doc.title) if p)
        folder = Path(str(window.qsettings.value(state.EXPORT_FOLDER, str(Path.home()))))
        target = window.messages.save_file(
            window, title, folder / (safe_stem(stem) + ".docx"), _("Word-dokument (*.docx)")
        )
        if target is None:
            return None
        if not target.suffix:
            target = target.with_suffix(".docx")
        settings = window.settings
        database = window.store.path
        written = window.run(lambda: write_document(doc, target, settings, database), title)
        if written is not None:
            window.qsettings.setValue(state.EXPORT_FOLDER, str(written.parent))
            self.last_saved = written
        return written
