"""Exporting the open draft: the question before it goes out, the file, the work off the
GUI thread, and what the user can do with the result."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from beslut.i18n import _, ngettext
from beslut.settings import Settings
from beslut.store import Store
from beslut.ui import state
from beslut.ui.messages import Messages
from beslut.ui.worker import Worker

_STATUS_MS = 8000  # how long a status message stays

if TYPE_CHECKING:
    from beslut.checks import CheckConfig
    from beslut.model.draft import Draft
    from beslut.ui.editor import DraftEditor
    from beslut.workflow.exporting import Exported


class ExportFlow(QObject):
    """Asks, exports on a worker thread with progress, records the revision, reports.

    It gets what it needs from the window as callables (the open editor and its draft
    id, "save or tell"), so nothing here imports the window.
    """

    finished = Signal(list)  # the files written
    failed = Signal(object)  # the exception

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        messages: Messages,
        qsettings: QSettings,
        settings: Callable[[], Settings],
        current: Callable[[], tuple[DraftEditor, int] | None],
        saved_or_told: Callable[[], bool],
        check_config: Callable[[], CheckConfig],
    ) -> None:
        super().__init__(window)
        self._window, self._store, self._messages = window, store, messages
        self._qsettings, self._settings = qsettings, settings
        self._current, self._saved_or_told = current, saved_or_told
        self._check_config = check_config  # the window's: a broken checks.toml was said once
        self._worker = Worker(self)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._failed)
        self._progress: QProgressDialog | None = None
        self.last_export: list[Path] = []

    def export(self, pdf: bool, attachments: bool, comments: bool = False) -> None:
        """Pass the gate (a fel or a personnummer is asked about), ask where, then export
        on the worker thread with a progress dialog; with ``comments`` the draft's
        comments are Word comments in the .docx."""
        from beslut.workflow.checking import check_draft
        from beslut.workflow.gate import export_gate

        current = self._current()
        if current is None:
            return
        editor, _draft_id = current
        draft = editor.collect()
        present = self._store.has_files(ref.sha256 for ref in draft.file_refs())
        config = self._check_config()
        gate = export_gate(check_draft(draft, self._settings(), present, config=config).report)
        if gate.stops and not self._messages.ask(
            self._window, _("Exportera trots anmärkningar?"), gate.question()
        ):
            return
        target = self._ask_target(draft)
        if target is None:
            return
        since = editor.review.changes_since.chosen()
        self.start(draft, target, pdf, attachments, since, comments=comments)

    def _ask_target(self, draft: Draft, title: str = "", suffix: str = "") -> Path | None:
        from beslut.export.filenames import suggested_filename

        folder = Path(str(self._qsettings.value(state.EXPORT_FOLDER, str(Path.home()))))
        name = suggested_filename(draft)
        if suffix:
            name = f"{name.removesuffix('.docx')} {suffix}.docx"
        return self._messages.save_file(
            self._window,
            title or _("Exportera till Word"),
            folder / name,
            _("Word-dokument (*.docx)"),
        )

    def start(
        self,
        draft: Draft,
        target: Path,
        pdf: bool,
        attachments: bool,
        since: int | None = None,
        *,
        comments: bool = False,
    ) -> None:
        """Export ``draft`` to ``target`` off the GUI thread; a revision is kept. With
        ``since`` (a version) the changes since it are marked as tracked changes."""

        def job(store: Store, draft_id: int, settings: Settings, overwrite: bool) -> Exported:
            from beslut.workflow.exporting import export_stored

            return export_stored(
                store, draft_id, target, settings, draft=draft, pdf=pdf,
                attachments=attachments, changes_since=since, overwrite=overwrite,
                comments=comments,
            )  # fmt: skip

        self._run(draft, target, job, attachments)

    def publish(self) -> None:
        """Publiceringsversion…: the user confirms the personal data to remove
        (ui/publish_dialog.py), then the masked copy goes out as any export does; the
        version recorded keeps the nämnd's own text with a note of what was removed."""
        from beslut.ui.publish_dialog import ask_publication

        current = self._current()
        if current is None:
            return
        editor, _draft_id = current
        draft = editor.collect()
        present = self._store.has_files(ref.sha256 for ref in draft.file_refs())
        asked = ask_publication(
            self._window, self._messages, draft, self._settings(), present, self._check_config()
        )
        if asked is None:
            return
        masked, doctype, pdf = asked
        target = self._ask_target(draft, _("Exportera publiceringsversion"), _("publicering"))
        if target is None:
            return

        def job(store: Store, draft_id: int, settings: Settings, overwrite: bool) -> Exported:
            from beslut.workflow.publish import publish_stored

            return publish_stored(
                store, draft_id, target, settings, masked, draft=draft, doctype=doctype,
                pdf=pdf, overwrite=overwrite,
            )  # fmt: skip

        self._run(draft, target, job, False)

    def _run(
        self,
        draft: Draft,
        target: Path,
        job: Callable[[Store, int, Settings, bool], Exported],
        attachments: bool,
    ) -> None:
        """Save, then run ``job`` (store, draft id, settings, overwrite bilagor) on the
        worker thread with a progress dialog whose Avbryt stops it."""
        if self._current() is None or not self._saved_or_told():
            return
        current = self._current()  # after saving: a conflict copy is the draft now
        if current is None:
            return
        _editor, draft_id = current
        overwrite = self._overwrite_bilagor(draft, target) if attachments else False
        if overwrite is None:
            return
        self._qsettings.setValue(state.EXPORT_FOLDER, str(target.parent))
        store, settings = self._store, self._settings()

        stop = threading.Event()  # Avbryt: the export stops where it leaves nothing half done

        def work() -> Exported:
            from beslut.cancel import cancellable

            with cancellable(stop):
                return job(store, draft_id, settings, overwrite)

        self._progress = QProgressDialog(_("Exporterar…"), _("Avbryt"), 0, 0, self._window)
        self._progress.setObjectName("exportProgress")
        self._progress.setWindowTitle(_("Exporterar"))
        self._progress.canceled.connect(lambda: self._cancel(stop))
        self._progress.setMinimumDuration(300)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._worker.submit("export", work)

    def _overwrite_bilagor(self, draft: Draft, target: Path) -> bool | None:
        """Ask when bilaga files of the same names are in the folder: True to replace
        them, False to save the bilagor under numbered names, None to stop."""
        from beslut.export.attachments import existing_names

        names = existing_names(draft, target.parent)
        if not names:
            return False
        text = _(
            "De här filerna finns redan i mappen {folder}:\n\n{names}\n\nVill du skriva "
            "över dem, eller spara bilagorna med nya namn (med ett nummer efter)?"
        ).format(folder=target.parent, names="\n".join(names))
        choice = self._messages.choose_action(
            self._window,
            _("Filerna finns redan"),
            text,
            [_("Skriv över"), _("Spara med nya namn")],
        )
        return None if choice is None else choice == 0

    def wait(self) -> None:
        """Block until a running export is done (closing)."""
        self._worker.wait()

    def _done(self, _token: object, exported: object) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from beslut.workflow.accessibility import documents
        from beslut.workflow.exporting import Exported

        self._close_progress()
        assert isinstance(exported, Exported)
        written = exported.written
        self.last_export = written
        line = _("Exporterat: {files}").format(files=", ".join(p.name for p in written))
        text = _("Tjänsteutlåtandet är sparat som {name}.").format(name=written[0].name)
        if exported.notices:
            text = "\n\n".join((text, *exported.notices))
        problems = accessibility_text(exported)
        if problems:
            text = "\n\n".join((text, problems))
        elif documents(written):
            clean = _("Tillgänglighet: inga problem hittades.")
            line = f"{line}  {clean}"
        self._window.statusBar().showMessage(line, 10000)
        choice = self._messages.choose_action(
            self._window, _("Exporten är klar"), text, [_("Öppna"), _("Visa i mappen")]
        )
        if choice is not None:
            target = written[0] if choice == 0 else written[0].parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        self.finished.emit(written)

    def _cancel(self, stop: threading.Event) -> None:
        stop.set()
        self._window.statusBar().showMessage(_("Avbryter exporten…"))

    def _failed(self, _token: object, exc: object) -> None:
        from beslut.cancel import Cancelled

        self._close_progress()
        assert isinstance(exc, BaseException)
        if isinstance(exc, Cancelled):  # nothing was written
            self._window.statusBar().showMessage(_("Exporten avbröts. Inget sparades."), _STATUS_MS)
            self.failed.emit(exc)
            return
        self._messages.error(self._window, exc, _("Exporten misslyckades"))
        self.failed.emit(exc)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None


def accessibility_text(exported: Exported) -> str:
    """The accessibility problems of an export's documents, one a line with what to do,
    for the message that says the export is done; empty when there are none."""
    problems = exported.accessibility
    if not problems:
        return ""
    head = ngettext(
        "Tillgänglighetskontrollen hittade {n} problem:",
        "Tillgänglighetskontrollen hittade {n} problem:",
        len(problems),
    ).format(n=len(problems))
    return "\n".join([head, *(f"• {p.path.name}: {p.message}" for p in problems)])
