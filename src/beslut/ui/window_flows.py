"""What the main window does beyond showing the list and the editor: the flows made when
first used (export, import, the nämnd's texts, versions and review; start-up time), saving
a version, the settings and the about box, and files dropped on the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from beslut.i18n import _
from beslut.settings import load_settings, save_settings
from beslut.ui.focus import focus_kept

REVIEW_COPY_TOPIC = "review-copy"  # the message bar's topic for a review copy

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from beslut.store import Store
    from beslut.store.lock import InstanceLock
    from beslut.ui.backups_flow import BackupsFlow
    from beslut.ui.editor import DraftEditor
    from beslut.ui.export_flow import ExportFlow
    from beslut.ui.import_flow import ImportFlow
    from beslut.ui.main_window import MainWindow
    from beslut.ui.namnd_flow import NamndFlow
    from beslut.ui.review_flow import VersionsFlow
    from beslut.ui.word_count import WordCount
    from beslut.ui.zoom import Zoom


class WindowFlows:
    """Mixed into MainWindow (before QMainWindow): each flow is made on first use."""

    _exporter: ExportFlow | None = None
    _importer: ImportFlow | None = None
    _namnd: NamndFlow | None = None
    _versions: VersionsFlow | None = None
    _backups: BackupsFlow | None = None
    _zoom: Zoom | None = None
    _word_count: WordCount | None = None
    instance_lock: InstanceLock | None = None  # the app's lock on the database, if any

    @property
    def _window(self) -> MainWindow:
        return cast("MainWindow", self)

    def wait_for_flows(self) -> None:
        """Wait for an export or an import still running (on closing)."""
        if self._exporter is not None:
            self._exporter.wait()  # an export is bounded by LibreOffice's own time-out
        if self._importer is not None:
            self._importer.wait()  # reading is bounded by the core's limits

    @property
    def exporter(self) -> ExportFlow:
        """Exporting the open draft (made on first use)."""
        if self._exporter is None:
            from beslut.ui.export_flow import ExportFlow

            window = self._window
            self._exporter = ExportFlow(
                window,
                window.store,
                window.messages,
                window.qsettings,
                lambda: window.settings,
                window._current_editor,
                window.saved_or_told,
                window.check_config,
            )
        return self._exporter

    @property
    def importer(self) -> ImportFlow:
        """Importing documents as new drafts (made on first use)."""
        if self._importer is None:
            from beslut.ui.import_flow import ImportFlow

            self._importer = ImportFlow(self._window)
        return self._importer

    @property
    def namnd(self) -> NamndFlow:
        """The nämnd's texts: kallelse and protokollsutdrag (made on first use)."""
        if self._namnd is None:
            from beslut.ui.namnd_flow import NamndFlow

            self._namnd = NamndFlow(self._window)
        return self._namnd

    @property
    def versions(self) -> VersionsFlow:
        """Versioner, the review round trip and .beslut files (made on first use)."""
        if self._versions is None:
            from beslut.ui.review_flow import VersionsFlow

            self._versions = VersionsFlow(self._window)
        return self._versions

    @property
    def backups(self) -> BackupsFlow:
        """Arkiv > Säkerhetskopior… (made on first use)."""
        if self._backups is None:
            from beslut.ui.backups_flow import BackupsFlow

            self._backups = BackupsFlow(self._window)
        return self._backups

    @property
    def zoom(self) -> Zoom:
        """Visa > Zooma in, Zooma ut, Normal storlek (made on first use)."""
        if self._zoom is None:
            from beslut.ui.zoom import Zoom

            self._zoom = Zoom(self._window)
        return self._zoom

    def editor_opened(self, editor: DraftEditor, draft_id: int) -> None:
        """A draft is open in ``editor``: the versions it is compared with, and what its
        pending review or its being a review copy shows (store calls only when the
        draft has either)."""
        from beslut.ui.tracked_choice import versions_source
        from beslut.workflow.review_copy import review_copy

        window = self._window
        editor.review.publish_requested.connect(self.exporter.publish)
        editor.review.changes_since.source = versions_source(window)
        banner = window._banner
        shown = banner is not None and banner.topic == REVIEW_COPY_TOPIC
        store = window.store
        if shown or review_copy(store, draft_id) or store.get_review(draft_id) is not None:
            self.versions.editor_opened(editor, draft_id)

    def page_shown(self) -> None:
        """The editor or the list came forward: the zoom and the word count in the status
        bar follow (made when a draft is first shown)."""
        window = self._window
        editor = window.editor if window.pages.currentWidget() is window.editor else None
        if editor is None and window._banner is not None:
            window._banner.clear(REVIEW_COPY_TOPIC)  # the list is no review copy
        if editor is None and self._word_count is None:
            return
        if self._word_count is None:
            from beslut.ui.word_count import WordCount

            self._word_count = WordCount(window)
        self.zoom.show_for(editor)
        self._word_count.show_for(editor)

    def let_go_of_store(self) -> bool:
        """Close the open draft and the store, so that its file may be replaced.

        False, with the store still open, when the open draft's edits cannot be saved
        (the user was told). Exports, imports and a backup still running are waited for.
        """
        window = self._window
        if window.editor is not None:
            window.back_to_list()
            if window.editor is not None:
                return False
        self.wait_for_flows()
        if window._safety is not None:
            window._safety.wait()
        if window._autosaver is not None:
            window._autosaver.stop()
        window.store.close()
        return True

    def use_store(self, store: Store) -> None:
        """Work on ``store`` from now on (the database was reopened): every part that kept
        the old store is made again on first use, the settings are read again."""
        from PySide6.QtCore import QObject

        from beslut.store.lock import lock_database

        window = self._window
        made: list[object] = [window._autosaver, window._reports, window._safety]
        made += [self._exporter, self._importer, self._namnd, self._versions]
        for part in made:
            if isinstance(part, QObject):
                part.deleteLater()
        window._autosaver = window._reports = window._safety = None
        self._exporter = self._importer = self._namnd = self._versions = None
        window.store = store
        window.settings = load_settings(store)
        window._check_config = None
        if self.instance_lock is not None:  # the restored file is a new file: lock it too
            lock_database(self.instance_lock, store.path)
        window.refresh_list()

    def save_version(self) -> None:
        window = self._window
        if window.draft_id is None or window.store.read_only:
            return
        label = window.messages.text(
            window, _("Spara version"), _("Beskriv versionen (till exempel ”Till granskning”):")
        )
        if label is None or not window.saved_or_told():
            return
        draft_id = window.draft_id
        if draft_id is None:
            return
        if not window.attempt(lambda: window.store.add_revision(draft_id, label)):
            return
        window.statusBar().showMessage(_("Versionen är sparad."), 5000)

    def edit_settings(self) -> None:
        from beslut.ui.settings_dialog import SettingsDialog

        window = self._window
        if window.store.read_only:
            return
        dialog = SettingsDialog(window.settings, window, window.messages)
        with focus_kept(window):
            accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        if not accepted:
            return
        chosen = dialog.result_settings()
        if not window.attempt(lambda: save_settings(window.store, chosen)):
            return
        window.settings = load_settings(window.store)
        window._check_config = None
        if window.draft_id is not None:
            window.open_draft(window.draft_id)

    def about(self) -> None:
        from beslut import __version__

        window = self._window
        window.messages.tell(
            window,
            _("Om beslut"),
            _(
                "beslut {version}\n\nSkriv tjänsteutlåtanden till nämnden: vägledning, "
                "granskning och export till stadens Word-mall. Allt sparas lokalt i "
                "{path}."
            ).format(version=__version__, path=window.store.path),
        )

    # --- a .beslut file dropped anywhere on the window opens (setAcceptDrops) ---------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.versions.drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.versions.drop(event)
