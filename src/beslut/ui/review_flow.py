"""Versions and the review round trip in the window: the Versioner view with Återställ,
Skicka för granskning, Ta emot granskad version, and opening a .beslut file (Arkiv >
Öppna fil…, or dropped on the window).

A restore changes the stored draft under the open editor: pending edits are saved first,
and the draft is then opened again from the store, so the editor shows the new text and
autosave watches the new stored state (an old editor would overwrite it, or be taken for
a conflict). A received review leaves the text as it is: its changes are decided one by
one below the text (changes_flow.py). What is kept, compared and replaced is the core's
(workflow/versions.py, workflow/receiving.py, workflow/files.py); a review copy (a
draft opened from a file sent for review) says so in the message bar.

Loaded only when one of these is used (start-up time).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from beslut.i18n import _, ngettext
from beslut.ui import state
from beslut.ui.focus import return_focus_after
from beslut.workflow.review import REVIEW_SUFFIX

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from beslut.diff import PartDiff
    from beslut.review import Change
    from beslut.ui.changes_flow import ChangesController
    from beslut.ui.editor import DraftEditor
    from beslut.ui.main_window import MainWindow
    from beslut.ui.versions_view import VersionsDialog

_STATUS_MS = 10000


def beslut_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The .beslut files a drag carries."""
    data = event.mimeData()
    paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() == REVIEW_SUFFIX]


class VersionsFlow(QObject):
    """One Versioner view or one received comparison at a time, over the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: VersionsDialog | None = None  # while it is open

    # --- Versioner --------------------------------------------------------------------

    def show(self) -> None:
        """Open the Versioner view of the open draft (its edits saved first)."""
        from beslut.ui.versions_view import VersionsDialog
        from beslut.workflow.versions import list_versions

        window = self._window
        draft_id = window.draft_id
        if draft_id is None or self.dialog is not None or not window.saved_or_told():
            return
        versions = window.run(lambda: list_versions(window.store, draft_id))
        if versions is None:
            return
        dialog = VersionsDialog(versions, self._compare, window, read_only=window.store.read_only)
        dialog.restore_requested.connect(self.restore)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        return_focus_after(dialog)
        dialog.open()

    def _closed(self, dialog: VersionsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _compare(self, old: int, new: int | None) -> Sequence[PartDiff] | None:
        from beslut.workflow.versions import compare_versions

        window = self._window
        draft_id = window.draft_id
        if draft_id is None:
            return None
        return window.run(lambda: compare_versions(window.store, draft_id, old, new))

    def restore(self, revision: int) -> None:
        """Återställ: asked first; the current text is kept as a version, then the
        version becomes the draft's text and the editor shows it."""
        from beslut.workflow.versions import restore_version

        window = self._window
        draft_id = window.draft_id
        if draft_id is None or window.store.read_only:
            return
        question = _(
            "Vill du göra den valda versionen till utkastets text? Den nuvarande texten "
            "sparas först som en version, så att du kan gå tillbaka till den."
        )
        if not window.messages.ask(self.dialog or window, _("Återställ version"), question):
            return
        if not window.saved_or_told():
            return
        draft_id = window.draft_id  # a conflict copy is the draft now
        if draft_id is None:
            return
        kept = window.run(lambda: restore_version(window.store, draft_id, revision))
        if kept is None:
            return
        if self.dialog is not None:
            self.dialog.accept()
        window.open_draft(draft_id)  # the restored text from the store, watched anew
        window.statusBar().showMessage(
            _("Versionen är återställd. Texten från före återställningen är sparad som version."),
            _STATUS_MS,
        )

    # --- the review round trip ---------------------------------------------------------

    def send(self) -> None:
        """Skicka för granskning: the draft with its bilagor as one .beslut file."""
        from beslut.export.filenames import suggested_filename
        from beslut.workflow.review import send_for_review

        window = self._window
        if window.draft_id is None or window.store.read_only or window.editor is None:
            return
        draft = window.editor.collect()
        folder = Path(str(window.qsettings.value(state.EXPORT_FOLDER, str(Path.home()))))
        target = window.messages.save_file(
            window,
            _("Skicka för granskning"),
            folder / suggested_filename(draft, REVIEW_SUFFIX),
            _("Utkast för granskning (*.beslut)"),
        )
        if target is None or not window.saved_or_told():
            return
        draft_id = window.draft_id
        if draft_id is None:
            return
        written = window.run(
            lambda: send_for_review(window.store, draft_id, target), _("Skicka för granskning")
        )
        if written is None:
            return
        window.qsettings.setValue(state.EXPORT_FOLDER, str(written.parent))
        window.statusBar().showMessage(
            _(
                "Sparat för granskning som {name}. Skicka filen till den som ska granska; "
                "texten du skickade är sparad som version."
            ).format(name=written.name),
            _STATUS_MS,
        )

    def receive(self) -> None:
        """Ta emot granskad version: the file (.beslut or .docx) is kept as the draft's
        pending review, whose changes the editor shows to be decided one by one; the
        text is untouched until a change is accepted (a file of another draft is asked
        about)."""
        from beslut.workflow.receiving import SUFFIXES

        window = self._window
        if window.draft_id is None or window.store.read_only:
            return
        patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
        paths = window.messages.open_files(
            window,
            _("Ta emot granskad version"),
            _("Granskad version ({patterns})").format(patterns=patterns),
        )
        if not paths or not window.saved_or_told():
            return
        draft_id = window.draft_id
        if draft_id is None or window.editor is None:
            return
        found = self._receive(draft_id, paths[0])
        if found is None:
            return
        self.review_changes(window.editor, draft_id).refresh()
        window.statusBar().showMessage(
            ngettext(
                "{name}: {n} föreslagen ändring. Godta eller avvisa den under texten.",
                "{name}: {n} föreslagna ändringar. Godta eller avvisa dem under texten.",
                len(found),
            ).format(name=paths[0].name, n=len(found)),
            _STATUS_MS,
        )

    def _receive(self, draft_id: int, path: Path) -> list[Change] | None:
        from beslut.errors import BeslutError
        from beslut.workflow.receiving import receive_file
        from beslut.workflow.review import ReviewMismatch

        window, title = self._window, _("Ta emot granskad version")
        try:
            return receive_file(window.store, draft_id, path)
        except ReviewMismatch as exc:
            if not window.messages.ask(window, title, exc.question):
                return None
        except BeslutError as exc:
            window.messages.error(window, exc, title)
            return None
        return window.run(lambda: receive_file(window.store, draft_id, path, force=True), title)

    def review_changes(self, editor: DraftEditor, draft_id: int) -> ChangesController:
        """The changes panel of ``editor`` (made on first use)."""
        from beslut.ui.changes_flow import ChangesController

        found = editor.findChild(ChangesController)
        if isinstance(found, ChangesController) and found.draft_id == draft_id:
            return found
        return ChangesController(self._window, editor, draft_id)

    def editor_opened(self, editor: DraftEditor, draft_id: int) -> None:
        """A draft was opened: its pending review's changes shown, a review copy said."""
        from beslut.ui.review_copy_bar import show_review_copy
        from beslut.ui.window_flows import REVIEW_COPY_TOPIC
        from beslut.workflow.review_copy import review_copy

        window = self._window
        if window.store.get_review(draft_id) is not None:
            self.review_changes(editor, draft_id).refresh()
        copy = review_copy(window.store, draft_id)
        if copy is not None:
            show_review_copy(window, copy, self.send_back)
        elif window._banner is not None:
            window._banner.clear(REVIEW_COPY_TOPIC)

    def send_back(self) -> None:
        """Skicka tillbaka (the review copy's bar): the reviewed file written beside the
        one that came, in one click."""
        from beslut.workflow.review_copy import send_back

        window = self._window
        if window.draft_id is None or window.store.read_only or not window.saved_or_told():
            return
        draft_id = window.draft_id
        written = window.run(lambda: send_back(window.store, draft_id), _("Skicka tillbaka"))
        if written is None:
            return
        window.statusBar().showMessage(
            _(
                "Sparat som {path}. Skicka filen tillbaka; texten du skickade är sparad som "
                "version."
            ).format(path=written),
            _STATUS_MS,
        )

    # --- opening .beslut files ---------------------------------------------------------

    def open_files(self) -> None:
        """Arkiv > Öppna fil…: each .beslut file chosen becomes a new draft; the last is
        opened. Word, PDF and text files chosen here are imported as usual."""
        window = self._window
        if window.store.read_only:
            return
        paths = window.messages.open_files(window, _("Öppna fil"))
        self.open_paths(paths, dropped=False)

    def drag(self, event: QDragEnterEvent) -> None:
        """A drag over the window: taken when it carries a .beslut file."""
        if beslut_files(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """A drop on the window (outside the list, which imports): its .beslut files."""
        files = beslut_files(event)
        if files:
            event.acceptProposedAction()
            self.dropped(files)

    def dropped(self, paths: Sequence[Path]) -> None:
        """Files dropped on the window: .beslut files are opened, the others imported."""
        self.open_paths(paths, dropped=True)

    def open_paths(self, paths: Sequence[Path], *, dropped: bool) -> None:
        from beslut.ui.open_file import open_file

        window = self._window
        drafts = [p for p in paths if p.suffix.lower() == REVIEW_SUFFIX]
        others = [p for p in paths if p.suffix.lower() != REVIEW_SUFFIX]
        if others:
            if dropped:
                window.importer.dropped(others)
            else:
                window.importer.import_files(others)
        if window.store.read_only or not drafts:
            return
        opened = [open_file(window, path) for path in drafts]
        count = sum(1 for draft_id in opened if draft_id is not None)
        if count:
            window.statusBar().showMessage(
                ngettext("{n} utkastfil är öppnad.", "{n} utkastfiler är öppnade.", count).format(
                    n=count
                ),
                _STATUS_MS,
            )
