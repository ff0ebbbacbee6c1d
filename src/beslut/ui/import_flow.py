"""Importing documents in the window (Arkiv > Importera dokument…, or files dropped on the
draft list): read off the GUI thread behind a small dialog with Avbryt, preview what was
recognised, store on Importera, open the new draft. Reading, recognising, all-or-none and
storing are the core's (workflow/importing.py); this only asks and shows.

Loaded only when documents are imported (start-up time).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from beslut.errors import BeslutError
from beslut.i18n import _, ngettext
from beslut.ui.focus import return_focus_after
from beslut.ui.worker import Worker
from beslut.workflow.importing import IMPORTABLE, ReadFiles, read_files, store_imported, summary

if TYPE_CHECKING:
    from beslut.importing import Imported
    from beslut.ui.import_preview import ImportPreview
    from beslut.ui.import_progress import ImportProgress
    from beslut.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_STATUS_MS = 8000
PROGRESS_DELAY_MS = 400  # a read done sooner shows no progress dialog, only the wait cursor
CLOSING_WAIT_S = 2.0  # on closing, how long a cancelled read may take to stop


class _Reading(QObject):
    """Carries "now reading file i" from the reading thread to the GUI (queued)."""

    file = Signal(int, int, str)  # the read's number, the file's index, its name


class ImportFlow(QObject):
    """One import at a time: the files, the progress, the preview, the new drafts.

    Each read has a number; Avbryt (or closing) asks the read to stop between files and
    moves the number on, so that whatever the read still delivers is dropped. A file whose
    read has begun cannot be interrupted: it runs out in the background, and a new import
    is read after it (the Worker runs its jobs in order).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._worker = Worker(self)
        self._worker.finished.connect(self._read)
        self._worker.failed.connect(self._read_failed)
        self._reading = _Reading(self)
        self._reading.file.connect(self._file_read)
        self._busy = False  # reading, or the preview is open
        self._skipped = ""  # what a drop left out, said with each message of this import
        self._number = 0  # of the read whose result is awaited; any other is dropped
        self._running: set[object] = set()  # reads not yet returned, cancelled ones too
        self._stop: threading.Event | None = None  # set: the awaited read stops
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.timeout.connect(self._show_progress)
        self.progress: ImportProgress | None = None  # while reading
        self.preview: ImportPreview | None = None  # while it is open

    def ask(self) -> None:
        """Ask for the files to import (Arkiv > Importera dokument…); none: nothing."""
        window = self._window
        if window.store.read_only or self._refused_while_busy():
            return
        paths = window.messages.open_files(window, _("Importera dokument"))
        if paths:
            self.import_files(paths)

    def dropped(self, paths: Sequence[Path]) -> None:
        """Files dropped on the draft list: the importable ones go the same way."""
        if self._window.store.read_only or self._refused_while_busy():
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
        from beslut.ui.import_progress import ImportProgress

        if self._refused_while_busy():
            return
        self._busy = True
        settings = self._window.settings
        files = list(paths)
        self._status(
            ngettext("Läser {n} dokument…", "Läser {n} dokument…", len(files)).format(n=len(files))
        )
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        database = self._window.store.path
        self._number += 1
        number, stop, reading = self._number, threading.Event(), self._reading
        self._stop = stop
        waiting = bool(self._running)  # a cancelled read still runs out its file first
        self.progress = progress = ImportProgress(len(files), waiting, self._window)
        progress.rejected.connect(self.cancel)  # Avbryt, Esc, or its window closed
        return_focus_after(progress)
        self._show_later.start(0 if waiting else PROGRESS_DELAY_MS)

        def told(index: int, path: Path) -> None:  # on the reading thread
            with contextlib.suppress(RuntimeError):  # the window is gone: nobody to tell
                reading.file.emit(number, index, path.name)

        self._running.add(number)
        self._worker.submit(
            number,
            lambda: read_files(
                files, settings, database=database, cancelled=stop.is_set, reading=told
            ),
        )

    def cancel(self) -> None:
        """Avbryt while reading: the app is usable at once and nothing is imported; the
        read stops before its next file and what it still delivers is dropped."""
        if self._stop is None:
            return
        self._stop.set()
        self._stop = None
        self._number += 1
        self._end_progress()
        QGuiApplication.restoreOverrideCursor()
        self._closed()
        self._status(_("Importen avbröts. Inget dokument importerades."))

    def wait(self) -> None:
        """On closing: a read under way is cancelled and waited for up to CLOSING_WAIT_S,
        then left to run out (it holds no store; its result is dropped)."""
        self.cancel()
        self._worker.wait(CLOSING_WAIT_S)

    def _refused_while_busy(self) -> bool:
        """True, said in the status bar, while an import is being read or previewed."""
        if self._busy:
            self._window.statusBar().showMessage(
                _("Ett dokument läses fortfarande in. Vänta tills det är klart."), _STATUS_MS
            )
        return self._busy

    def _show_progress(self) -> None:
        if self.progress is not None:
            self.progress.open()  # window-modal, without a nested event loop

    def _end_progress(self) -> None:
        """Close the progress dialog (if any) without that counting as Avbryt."""
        self._show_later.stop()
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.rejected.disconnect(self.cancel)
            if progress.isVisible():  # not when its own Avbryt closed it
                progress.done(progress.DialogCode.Rejected.value)
            progress.deleteLater()

    def _file_read(self, number: int, index: int, name: str) -> None:
        if number == self._number and self.progress is not None:
            self.progress.reading(index, name)

    def _awaited(self, number: object) -> bool:
        """Whether the read numbered ``number`` is the one awaited (else: dropped)."""
        self._running.discard(number)
        if number != self._number:
            log.info("import read %r returned after it was cancelled: dropped", number)
            return False
        self._stop = None
        self._end_progress()
        QGuiApplication.restoreOverrideCursor()
        self._status("")
        return True

    def _read(self, number: object, read: ReadFiles) -> None:
        if not self._awaited(number):
            return
        if read.problems:
            self._closed()
            text = "\n\n".join((*read.problems, _("Inget dokument importerades.")))
            self._window.messages.error(
                self._window, BeslutError(text), _("Dokumenten kunde inte importeras")
            )
            return
        self._show_preview(read)

    def _read_failed(self, number: object, exc: BaseException) -> None:
        if not self._awaited(number):
            return
        self._closed()
        self._window.messages.error(self._window, exc, _("Dokumenten kunde inte importeras"))

    def _show_preview(self, read: ReadFiles) -> None:
        from beslut.importing import recognise_again
        from beslut.ui.import_preview import ImportPreview

        window, types = self._window, read.doctypes
        items = {item.path: item for item in read.imported}  # as read: no second read
        preview = ImportPreview(
            read.imported,
            types,
            lambda item: summary(item, types, with_doctype=False),  # the combo shows it
            lambda path, key: recognise_again(items[path], types, key),
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
