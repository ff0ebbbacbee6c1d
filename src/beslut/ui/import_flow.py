"""Importing documents in the window (Arkiv > Importera dokument…, or files dropped on the
draft list): read off the GUI thread, preview what was recognised, store on Importera,
open the new draft. Reading, recognising, all-or-none and storing are the core's
(workflow/importing.py); this only asks and shows.

Loaded only when documents are imported (start-up time).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from beslut.errors import BeslutError
from beslut.i18n import _, ngettext
from beslut.ui.focus import return_focus_after
from beslut.ui.worker import Worker
from beslut.workflow.importing import IMPORTABLE, ReadFiles, read_files, store_imported, summary

if TYPE_CHECKING:
    from beslut.importing import Imported
    from beslut.ui.import_preview import ImportPreview
    from beslut.ui.main_window import MainWindow

_STATUS_MS = 8000


class ImportFlow(QObject):
    """One import at a time: the files, the preview, the new drafts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._worker = Worker(self)
        self._worker.finished.connect(self._read)
        self._worker.failed.connect(self._read_failed)
        self._busy = False  # reading, or the preview is open
        self._skipped = ""  # what a drop left out, said with each message of this import
        self.preview: ImportPreview | None = None  # while it is open

    def ask(self) -> None:
        """Ask for the files to import (Arkiv > Importera dokument…); none: nothing."""
        window = self._window
        if self._busy or window.store.read_only:
            return
        paths = window.messages.open_files(window, _("Importera dokument"))
        if paths:
            self.import_files(paths)

    def dropped(self, paths: Sequence[Path]) -> None:
        """Files dropped on the draft list: the importable ones go the same way."""
        if self._busy or self._window.store.read_only:
            return
        kept = [p for p in paths if p.suffix.lower() in IMPORTABLE]
        skipped = [p.name for p in paths if p.suffix.lower() not in IMPORTABLE]
        self._skipped = (
            _("{names} importerades inte: bara .docx, .pdf och .txt kan importeras.").format(
                names=", ".join(skipped)
            )
            if skipped
            else ""
        )
        if kept:
            self.import_files(kept)
        else:
            self._status("")

    def import_files(self, paths: Sequence[Path]) -> None:
        """Read and recognise ``paths`` in the background, then show the preview."""
        self._busy = True
        settings = self._window.settings
        files = list(paths)
        self._status(
            ngettext("Läser {n} dokument…", "Läser {n} dokument…", len(files)).format(n=len(files))
        )
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        database = self._window.store.path
        self._worker.submit("import", lambda: read_files(files, settings, database=database))

    def wait(self) -> None:
        """Until a read under way is done (tests, closing)."""
        self._worker.wait()

    def _read(self, _token: object, read: ReadFiles) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._status("")
        if read.problems:
            self._closed()
            text = "\n\n".join((*read.problems, _("Inget dokument importerades.")))
            self._window.messages.error(
                self._window, BeslutError(text), _("Dokumenten kunde inte importeras")
            )
            return
        self._show_preview(read)

    def _read_failed(self, _token: object, exc: BaseException) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._status("")
        self._closed()
        self._window.messages.error(self._window, exc, _("Dokumenten kunde inte importeras"))

    def _show_preview(self, read: ReadFiles) -> None:
        from beslut.importing import import_document
        from beslut.ui.import_preview import ImportPreview

        window, types = self._window, read.doctypes
        preview = ImportPreview(
            read.imported,
            types,
            lambda item: summary(item, types, with_doctype=False),  # the combo shows it
            lambda path, key: import_document(path, types, key),
            lambda exc: window.messages.error(window, exc),
            window,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(lambda result: self._finished(preview, result))
        self.preview = preview
        return_focus_after(preview)
        preview.open()  # window-modal, without a nested event loop

    def _finished(self, preview: ImportPreview, result: int) -> None:
        if result == preview.DialogCode.Accepted.value:
            self._store(preview.chosen())  # Importera
        self._closed()

    def _closed(self) -> None:
        self.preview = None
        self._busy = False
        self._skipped = ""

    def _store(self, items: Sequence[Imported]) -> None:
        window = self._window
        ids = window.run(
            lambda: store_imported(window.store, items), _("Dokumenten kunde inte importeras")
        )
        if not ids:
            return
        window.refresh_list()
        window.open_draft(ids[0])
        self._status(
            ngettext(
                "{n} dokument importerades som nytt utkast.",
                "{n} dokument importerades som nya utkast.",
                len(ids),
            ).format(n=len(ids))
        )

    def _status(self, text: str) -> None:
        """``text`` in the status bar, with what a drop left out (nothing: cleared)."""
        shown = " ".join(t for t in (text, self._skipped) if t)
        bar = self._window.statusBar()
        bar.showMessage(shown, _STATUS_MS) if shown else bar.clearMessage()
