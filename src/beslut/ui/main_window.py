"""The main window: the draft list, the editor, menus, shortcuts and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.settings import Settings, load_settings
from beslut.store import Store
from beslut.ui import state
from beslut.ui.draft_list import DraftListPage
from beslut.ui.icons import icon
from beslut.ui.list_actions import ListActions
from beslut.ui.messages import Messages
from beslut.ui.window_actions import make_actions, make_menus_and_toolbar
from beslut.ui.window_flows import WindowFlows

if TYPE_CHECKING:  # the editor, model, types, checks and dialogs load when needed
    from PySide6.QtGui import QCloseEvent

    from beslut.checks import CheckConfig
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft
    from beslut.ui.autosave import Autosaver, SaveFailure
    from beslut.ui.banner import Banner
    from beslut.ui.editor import DraftEditor
    from beslut.ui.safety import Safety
    from beslut.ui.save_reports import SaveReports

T = TypeVar("T")


class MainWindow(WindowFlows, QMainWindow):
    """One window: the list of drafts, or one draft in the editor."""

    # Made from the table in window_actions.py.
    act_new: QAction
    act_open: QAction
    act_import: QAction
    act_duplicate: QAction
    act_delete: QAction
    act_restore: QAction
    act_back: QAction
    act_export: QAction
    act_version: QAction
    act_kallelse: QAction
    act_versions: QAction
    act_send_review: QAction
    act_receive_review: QAction
    act_open_file: QAction
    act_settings: QAction
    act_backups: QAction
    act_find: QAction
    act_replace: QAction
    act_undo: QAction
    act_redo: QAction
    act_help: QAction
    act_quit: QAction
    act_about: QAction

    def __init__(
        self,
        store: Store,
        qsettings: QSettings | None = None,
        settings: Settings | None = None,
        messages: Messages | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.messages = messages or Messages()
        self.settings: Settings = settings or load_settings(store)
        self.qsettings = qsettings or QSettings("beslut", "beslut")
        self.editor: DraftEditor | None = None
        self.draft_id: int | None = None
        self._check_config: CheckConfig | None = None
        self.setWindowTitle("beslut")
        self.setWindowIcon(icon("beslut"))
        # What the first window does not show is made when first needed (start-up time):
        # the export flow and the message bar load PySide6.QtCore.Qt, whose enums cost
        # ~20 ms to build (see draft_list.py); autosave only has work once a draft is open.
        self._autosaver: Autosaver | None = None
        self._reports: SaveReports | None = None
        self._banner: Banner | None = None
        self._safety: Safety | None = None
        # Built from the window down: under the app's style sheet, every widget that gets a
        # parent is polished again with all its children, so a finished page is added
        # once, to a window that is already in place (start-up time).
        central = QWidget()
        self._central_layout = central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        if store.read_only:  # the bar has a message from the start: made in its place now
            self._make_banner()
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(lambda _row: self.page_shown())  # zoom, word count
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.list_page = DraftListPage()
        self.pages.addWidget(self.list_page)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(_("Senast sparat"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self.list_actions = ListActions(self)
        self.actions_by_name = make_actions(self)
        self.toolbar = make_menus_and_toolbar(self, self.actions_by_name)
        self._update_actions()
        self.list_page.open_requested.connect(self.open_draft)
        self.list_page.search_changed.connect(lambda _text: self.refresh_list())
        self.list_page.trash_toggled.connect(lambda _on: self.refresh_list())
        self.list_page.selection_changed.connect(self._update_actions)
        self.list_page.files_dropped.connect(lambda paths: self.versions.dropped(paths))
        self.setAcceptDrops(True)  # a .beslut file dropped anywhere opens (dropEvent)
        self.refresh_list()
        state.restore_geometry(self, self.qsettings)
        if store.read_only:
            self.banner.show_message(
                "read-only",
                _(
                    "Databasen {path} är skrivskyddad. Du kan läsa och exportera utkasten, "
                    "men inte ändra dem eller skapa nya."
                ).format(path=store.path),
                "info",
            )

    @property
    def autosaver(self) -> Autosaver:
        """Saving the open draft in the background (made on first use)."""
        if self._autosaver is None:
            from beslut.ui.autosave import Autosaver
            from beslut.ui.save_reports import SaveReports

            self._autosaver = Autosaver(self.store, self)
            reports = SaveReports(self)
            self._autosaver.saved.connect(reports.saved)
            self._autosaver.failed.connect(reports.failed)
            self._autosaver.copied.connect(reports.copied)
            self._autosaver.reopened.connect(reports.reopened)
            self._reports = reports
        return self._autosaver

    @property
    def safety(self) -> Safety:
        """The daily backup and the recovery files (made on first use)."""
        if self._safety is None:
            from beslut.ui.safety import Safety

            self._safety = Safety(self, self.store, self.messages, self._recovered)
        return self._safety

    def _pending_failure(self) -> SaveFailure | None:
        """Write pending edits now: the failure, or None (also when nothing was watched).

        Bilaga files still being stored join the draft first, so leaving or closing
        never drops them; after a conflict copy the window's draft is the copy at once.
        """
        if self.editor is not None:
            self.editor.settle()
        if self._autosaver is None:
            return None
        failure = self._autosaver.flush()
        if self._autosaver.draft_id is not None and self.draft_id is not None:
            self.draft_id = self._autosaver.draft_id  # a conflict copy, before `copied`
        return failure

    @property
    def banner(self) -> Banner:
        """The message bar above the pages, hidden while it has no message."""
        return self._make_banner() if self._banner is None else self._banner

    def _make_banner(self) -> Banner:
        # Made on first use. Its button then comes last in the focus chain, which leaves
        # the order Tab goes round in as it was: the bar's button, then the list's fields.
        from beslut.ui.banner import Banner

        self._banner = Banner()
        self._central_layout.insertWidget(0, self._banner)
        return self._banner

    def run(self, operation: Callable[[], T], title: str = "") -> T | None:
        """``operation()``; a BeslutError is shown to the user and gives None."""
        try:
            return operation()
        except BeslutError as exc:
            self.messages.error(self, exc, title)
            return None

    def attempt(self, operation: Callable[[], object], title: str = "") -> bool:
        """``operation()``; True when it worked, False when its BeslutError was shown."""
        try:
            operation()
        except BeslutError as exc:
            self.messages.error(self, exc, title)
            return False
        return True

    # --- actions ------------------------------------------------------------------

    def _update_actions(self) -> None:
        editing = self.editor is not None and self.pages.currentWidget() is self.editor
        trash = self.list_page.showing_trash()
        selected = self.list_page.selected_id() is not None
        for action, visible in (
            (self.act_back, editing),
            (self.act_open, not editing and not trash),
            (self.act_duplicate, not editing and not trash),
            (self.act_delete, not editing and not trash),
            (self.act_restore, not editing and trash),
            (self.act_export, editing),
            (self.act_version, editing),
            (self.act_kallelse, not editing and not trash),
            (self.act_versions, editing),
            (self.act_send_review, editing),
            (self.act_receive_review, editing),
        ):
            action.setVisible(visible)
        writable = not self.store.read_only
        for action in (self.act_duplicate, self.act_delete, self.act_restore):
            action.setEnabled(selected and writable)
        self.act_open.setEnabled(selected)
        self.act_kallelse.setEnabled(bool(self.list_page.selected_ids()))
        for action in (self.act_new, self.act_import, self.act_version, self.act_settings):
            action.setEnabled(writable)
        for action in (self.act_send_review, self.act_receive_review, self.act_open_file):
            action.setEnabled(writable)
        self.act_replace.setEnabled(editing and writable)
        self.act_new.setVisible(not editing)

    # --- the list -------------------------------------------------------------------

    def refresh_list(self) -> None:
        search = self.list_page.search_text()
        trash = self.list_page.showing_trash()
        rows = self.run(lambda: self.store.list_drafts(search, trash=trash)) or []
        self.list_page.set_drafts(rows, searching=bool(search.strip()), trash=trash)
        self._update_actions()

    def focus_search(self, replace: bool = False) -> None:
        """Ctrl+F: find in the open draft (Ctrl+H: replace too), in the list its search."""
        from beslut.ui.find_flow import find_or_search

        find_or_search(self, replace=replace)

    def open_selected(self) -> None:
        draft_id = self.list_page.selected_id()
        if draft_id is not None:
            self.open_draft(draft_id)

    # --- the editor ---------------------------------------------------------------

    def open_draft(self, draft_id: int) -> None:
        """Show draft ``draft_id`` in the editor (saving the one that was open)."""
        if not self.saved_or_told():
            return
        loaded = self.run(lambda: self._load_for_editing(draft_id))
        if loaded is None:
            return
        draft, change, doctype = loaded
        from beslut.ui.editor import DraftEditor

        self._close_editor()
        editor = DraftEditor(self.store, self.settings, doctype, self.check_config, self.messages)
        editor.current_id = lambda: self.draft_id
        editor.load(draft)
        editor.changed.connect(self.autosaver.changed)
        editor.export_requested.connect(self.exporter.export)
        editor.version_requested.connect(self.save_version)
        editor.review.namnd.requested.connect(self.namnd.for_open_draft)
        self.editor, self.draft_id = editor, draft_id
        self.pages.addWidget(editor)
        self.pages.setCurrentWidget(editor)
        if self.store.read_only:
            editor.set_read_only(True)
        else:
            self.autosaver.watch(draft_id, draft, change, editor.collect)
        self.qsettings.setValue(state.LAST_DRAFT, draft_id)
        title = draft.meta.title or _("Nytt tjänsteutlåtande")  # babel cannot see into f-strings
        self.setWindowTitle(f"{title} – beslut")
        self._update_actions()
        self.editor_opened(editor, draft_id)  # a pending review, a review copy
        editor.current_step().focus_first()

    def _recovered(self, draft_id: int) -> None:
        """A draft was taken back from its recovery file: show it."""
        self.refresh_list()
        self.open_draft(draft_id)

    def _load_for_editing(self, draft_id: int) -> tuple[Draft, int, DocType]:
        from beslut.workflow.templates import resolve_doctype

        draft, change = self.store.load_draft_and_change(draft_id)
        resolved = resolve_doctype(draft.meta.doctype, self.settings)
        self.show_notices(resolved.notices)
        return draft, change, resolved.doctype

    def show_notices(self, notices: tuple[str, ...]) -> None:
        """A fallback template folder or document type: said in the message bar."""
        if notices:
            self.banner.show_message("templates", "\n".join(notices), "info")
        elif self._banner is not None:
            self._banner.clear("templates")

    def _current_editor(self) -> tuple[DraftEditor, int] | None:
        if self.editor is None or self.draft_id is None:
            return None
        return self.editor, self.draft_id

    def saved_or_told(self) -> bool:
        """Write pending edits; on failure tell the user and return False (stay put)."""
        failure = self._pending_failure()
        if failure is None:
            return True
        from beslut.ui.save_reports import failure_text

        self.messages.tell(self, _("Ändringarna kunde inte sparas"), failure_text(failure))
        return False

    def _close_editor(self) -> None:
        if self._autosaver is not None:
            self._autosaver.stop()
        if self.editor is not None:
            self.editor.wait_for_background()  # its thread must not report to a deleted editor
            self.pages.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor, self.draft_id = None, None

    def back_to_list(self) -> None:
        if not self.saved_or_told():
            return
        self._close_editor()
        self.qsettings.setValue(state.LAST_DRAFT, None)
        self.pages.setCurrentWidget(self.list_page)
        self.setWindowTitle("beslut")
        self.refresh_list()
        self.list_page.focus_list()

    def check_config(self) -> CheckConfig:
        """The granskning settings, read once; a broken file is reported once and the
        shipped rules are used until the settings change."""
        from beslut.checks import ChecksConfigError, default_config
        from beslut.settings import usable_check_config

        if self._check_config is None:
            try:  # a broken checks.toml of the organisation gives way, with a notice
                self._check_config, notices = usable_check_config(self.settings)
            except ChecksConfigError as exc:
                self._check_config, notices = default_config(), ()
                self.messages.error(self, exc)
            if notices:
                self.messages.tell(self, _("Granskningens inställningar"), "\n\n".join(notices))
        return self._check_config

    def undo(self) -> None:
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        from beslut.ui.undo import undo_in_focus

        if self.editor is not None and self.pages.currentWidget() is self.editor:
            self.editor.undo(redo=redo)
        elif not undo_in_focus(redo=redo):
            self.list_actions.undo(redo=redo)  # a draft moved to the trash

    def focus_home(self) -> None:
        """The focus where work goes on (after a dialog whose opener is gone): the
        current step's first field, or the list of drafts."""
        if self.editor is not None and self.pages.currentWidget() is self.editor:
            self.editor.current_step().focus_first()
        else:
            self.list_page.focus_list()

    def show_guidance(self) -> None:
        if self.editor is not None:
            self.editor.focus_guidance()

    # --- settings, about, closing -------------------------------------------------------

    def reopen_last(self) -> None:
        """Open the draft that was open when the app was closed, if it still exists."""
        last = self.qsettings.value(state.LAST_DRAFT)
        try:
            draft_id = int(str(last))
        except (TypeError, ValueError):
            return
        if draft_id in self.list_page.draft_ids():
            self.open_draft(draft_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing is ever unsaved: write what is pending, then close without asking. When
        # the write fails, the text is in a recovery file (said so, then closed); only
        # when that failed too does the user decide, since closing would lose the edit.
        failure = self._pending_failure()
        reports = self._reports
        if failure is not None and reports is not None and not reports.close_anyway(failure):
            event.ignore()
            return
        self.wait_for_flows()
        if self.editor is not None:
            self.editor.wait_for_background()
        self.qsettings.setValue(state.GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
