"""The main window: the draft list, the editor, menus, shortcuts and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QToolBar

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.settings import Settings, check_config_for, load_settings, save_settings
from beslut.store import Store
from beslut.store.store import TRASH_DAYS
from beslut.ui import errors
from beslut.ui.autosave import Autosaver
from beslut.ui.draft_list import DraftListPage
from beslut.ui.icons import icon
from beslut.ui.worker import Worker

if TYPE_CHECKING:  # the editor, model, types, checks and dialogs load when needed
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QProgressDialog

    from beslut.checks import CheckConfig
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft
    from beslut.ui.editor import DraftEditor


class MainWindow(QMainWindow):
    """One window: the list of drafts, or one draft in the editor."""

    def __init__(
        self, store: Store, qsettings: QSettings | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.settings: Settings = settings or load_settings(store)
        self.qsettings = qsettings or QSettings("beslut", "beslut")
        self.editor: DraftEditor | None = None
        self.draft_id: int | None = None
        self._check_config: CheckConfig | None = None
        self.setWindowTitle("beslut")
        self.setWindowIcon(icon("beslut"))
        self.autosaver = Autosaver(store, self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)
        self.exporter = Worker(self)
        self.exporter.finished.connect(self._export_done)
        self.exporter.failed.connect(self._export_failed)
        self._progress: QProgressDialog | None = None
        self.pages = QStackedWidget()
        self.list_page = DraftListPage()
        self.pages.addWidget(self.list_page)
        self.setCentralWidget(self.pages)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(_("Senast sparat"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self._make_actions()
        self._make_menus_and_toolbar()
        self.list_page.open_requested.connect(self.open_draft)
        self.list_page.search_changed.connect(lambda _text: self.refresh_list())
        self.list_page.trash_toggle.toggled.connect(self._trash_toggled)
        self.list_page.selection_changed.connect(self._update_actions)
        self.refresh_list()
        self._restore_geometry()

    # --- actions ------------------------------------------------------------------

    def _action(
        self,
        text: str,
        icon_name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action(
            _("&Nytt"), "new", self.new_draft, key.New, _("Nytt tjänsteutlåtande (Ctrl+N)")
        )
        self.act_open = self._action(
            _("Ö&ppna"), "open", self.open_selected, None, _("Öppna valt utkast (Enter)")
        )
        self.act_duplicate = self._action(_("&Duplicera"), "duplicate", self.duplicate_selected)
        self.act_delete = self._action(
            _("&Ta bort"),
            "delete",
            self.delete_selected,
            key.Delete,
            _("Flytta valt utkast till papperskorgen"),
        )
        self.act_restore = self._action(_("Å&terställ"), "restore", self.restore_selected)
        self.act_back = self._action(
            _("Alla &utkast"),
            "back",
            self.back_to_list,
            QKeySequence("Alt+Left"),
            _("Tillbaka till listan"),
        )
        self.act_export = self._action(
            _("&Exportera…"),
            "export",
            lambda: self.export(False, False),
            QKeySequence("Ctrl+E"),
            _("Exportera till Word (Ctrl+E)"),
        )
        self.act_version = self._action(
            _("Spara &version…"),
            "save",
            self.save_version,
            key.Save,
            _("Spara en version av utkastet"),
        )
        self.act_settings = self._action(
            _("&Inställningar…"), "settings", self.edit_settings, key.Preferences
        )
        self.act_find = self._action(_("&Sök"), "open", self.focus_search, key.Find)
        self.act_undo = self._action(_("&Ångra"), "back", self.undo, key.Undo)
        self.act_redo = self._action(_("&Gör om"), "restore", self.redo, QKeySequence("Ctrl+Y"))
        self.act_help = self._action(
            _("&Vägledning"),
            "help",
            self.show_guidance,
            key.HelpContents,
            _("Vägledning för den här delen (F1)"),
        )
        self.act_quit = self._action(_("&Avsluta"), "back", self.close, key.Quit)
        self.act_about = self._action(_("&Om beslut"), "beslut", self.about)

    def _make_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(_("&Arkiv"))
        for action in (
            self.act_new,
            self.act_open,
            self.act_duplicate,
            self.act_delete,
            self.act_restore,
            None,
            self.act_export,
            self.act_version,
            None,
            self.act_settings,
            None,
            self.act_quit,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = menu.addMenu(_("&Redigera"))
        edit_menu.addActions([self.act_undo, self.act_redo, self.act_find])
        view_menu = menu.addMenu(_("&Visa"))
        view_menu.addAction(self.act_back)
        help_menu = menu.addMenu(_("&Hjälp"))
        help_menu.addActions([self.act_help, self.act_about])
        self.toolbar = QToolBar(_("Verktygsfält"))
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions(
            [
                self.act_back,
                self.act_new,
                self.act_open,
                self.act_duplicate,
                self.act_delete,
                self.act_restore,
            ]
        )
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.act_export, self.act_version, self.act_settings])
        self.addToolBar(self.toolbar)
        self._update_actions()

    def _update_actions(self) -> None:
        editing = self.editor is not None and self.pages.currentWidget() is self.editor
        trash = self.list_page.trash_toggle.isChecked()
        selected = self.list_page.selected_id() is not None
        for action, visible in (
            (self.act_back, editing),
            (self.act_open, not editing and not trash),
            (self.act_duplicate, not editing and not trash),
            (self.act_delete, not editing and not trash),
            (self.act_restore, not editing and trash),
            (self.act_export, editing),
            (self.act_version, editing),
        ):
            action.setVisible(visible)
        for action in (self.act_open, self.act_duplicate, self.act_delete, self.act_restore):
            action.setEnabled(selected)
        self.act_new.setVisible(not editing)

    # --- the list -------------------------------------------------------------------

    def refresh_list(self) -> None:
        search = self.list_page.search.text()
        trash = self.list_page.trash_toggle.isChecked()
        try:
            rows = self.store.list_drafts(search, trash=trash)
        except BeslutError as exc:
            errors.show_error(self, exc)
            rows = []
        self.list_page.set_drafts(rows, searching=bool(search.strip()), trash=trash)
        self._update_actions()

    def _trash_toggled(self, _on: bool) -> None:
        self.refresh_list()

    def focus_search(self) -> None:
        if self.pages.currentWidget() is not self.list_page:
            self.back_to_list()
        self.list_page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_page.search.selectAll()

    def open_selected(self) -> None:
        draft_id = self.list_page.selected_id()
        if draft_id is not None:
            self.open_draft(draft_id)

    def new_draft(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from beslut.doctypes import load_doctypes

        try:
            doctypes = load_doctypes(self.settings.template_path())
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        names = [d.name for d in doctypes]
        name, ok = QInputDialog.getItem(
            self, _("Nytt tjänsteutlåtande"), _("Vilken sorts ärende?"), names, 0, False
        )
        if not ok:
            return
        doctype = doctypes[names.index(name)]
        from beslut.drafts import new_draft

        self._create_and_open(new_draft(doctype, self.settings))

    def _create_and_open(self, draft: Draft) -> None:
        try:
            draft_id = self.store.create_draft(draft, self.store.files_for(draft))
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self.refresh_list()
        self.open_draft(draft_id)

    def duplicate_selected(self) -> None:
        from beslut.model.draft import copy_of

        draft_id = self.list_page.selected_id()
        if draft_id is None:
            return
        try:
            draft = self.store.load_draft(draft_id)
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self._create_and_open(copy_of(draft))

    def delete_selected(self) -> None:
        draft_id = self.list_page.selected_id()
        if draft_id is None:
            return
        try:
            self.store.delete_draft(draft_id)
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self.statusBar().showMessage(
            _(
                "Utkastet ligger i papperskorgen i {days} dagar och kan återställas därifrån."
            ).format(days=TRASH_DAYS),
            8000,
        )
        self.refresh_list()

    def restore_selected(self) -> None:
        draft_id = self.list_page.selected_id()
        if draft_id is None:
            return
        try:
            self.store.restore_draft(draft_id)
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self.list_page.trash_toggle.setChecked(False)

    # --- the editor ---------------------------------------------------------------

    def open_draft(self, draft_id: int) -> None:
        """Show draft ``draft_id`` in the editor (saving the one that was open)."""
        if not self.saved_or_told():
            return
        try:
            draft = self.store.load_draft(draft_id)
            doctype = self._doctype_for(draft)
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        from beslut.ui.editor import DraftEditor

        self._close_editor()
        editor = DraftEditor(self.store, self.settings, doctype, self.check_config)
        editor.load(draft)
        editor.changed.connect(self.autosaver.changed)
        editor.export_requested.connect(self.export)
        editor.version_requested.connect(self.save_version)
        self.editor, self.draft_id = editor, draft_id
        self.pages.addWidget(editor)
        self.pages.setCurrentWidget(editor)
        self.autosaver.watch(draft_id, draft, editor.collect)
        self.qsettings.setValue("last_draft", draft_id)
        title = draft.meta.title or _("Nytt tjänsteutlåtande")  # babel cannot see into f-strings
        self.setWindowTitle(f"{title} – beslut")
        self._update_actions()
        editor.current_step().focus_first()

    def _doctype_for(self, draft: Draft) -> DocType:
        from beslut.doctypes import load_doctype, load_doctypes

        try:
            return load_doctype(draft.meta.doctype, self.settings.template_path())
        except BeslutError:
            # An organisation may have renamed its types: show the draft with the first one.
            doctypes = load_doctypes(self.settings.template_path())
            if not doctypes:
                raise
            return doctypes[0]

    def saved_or_told(self) -> bool:
        """Write pending edits; on failure tell the user and return False (stay put)."""
        failure = self.autosaver.flush()
        if failure is None:
            return True
        errors.show_error(self, failure, _("Ändringarna kunde inte sparas"))
        return False

    def _close_editor(self) -> None:
        self.autosaver.stop()
        if self.editor is not None:
            self.editor.wait_for_background()  # its thread must not report to a deleted editor
            self.pages.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor, self.draft_id = None, None

    def back_to_list(self) -> None:
        if not self.saved_or_told():
            return
        self._close_editor()
        self.qsettings.setValue("last_draft", None)
        self.pages.setCurrentWidget(self.list_page)
        self.setWindowTitle("beslut")
        self.refresh_list()
        self.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_config(self) -> CheckConfig:
        """The granskning settings, read once; a broken file is reported once and the
        shipped rules are used until the settings change."""
        from beslut.checks import ChecksConfigError, default_config

        if self._check_config is None:
            try:
                self._check_config = check_config_for(self.settings)
            except ChecksConfigError as exc:
                self._check_config = default_config()
                errors.show_error(self, exc)
        return self._check_config

    def undo(self) -> None:
        self._undo_or_redo(redo=False)

    def redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit) and (
            focus.isUndoRedoEnabled() if not isinstance(focus, QLineEdit) else True
        ):
            focus.redo() if redo else focus.undo()
            return
        if self.editor is not None:
            stack = self.editor.current_step().undo_stack
            stack.redo() if redo else stack.undo()

    def show_guidance(self) -> None:
        if self.editor is not None:
            self.editor.guidance.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- saving ----------------------------------------------------------------------

    def _saved(self, when: str) -> None:
        self.saved_label.setText(_("Sparat {time}").format(time=when))

    def _save_failed(self, exc: object) -> None:
        message = errors.message_for(exc) if isinstance(exc, BaseException) else str(exc)
        self.saved_label.setText(_("Inte sparat"))
        self.statusBar().showMessage(message, 15000)

    def save_version(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.draft_id is None:
            return
        label, ok = QInputDialog.getText(
            self, _("Spara version"), _("Beskriv versionen (till exempel ”Till granskning”):")
        )
        if not ok or not self.saved_or_told():
            return
        try:
            self.store.add_revision(self.draft_id, label)
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self.statusBar().showMessage(_("Versionen är sparad."), 5000)

    # --- export ----------------------------------------------------------------------

    def export(self, pdf: bool, attachments: bool) -> None:
        """Ask where, then export on the worker thread with a progress dialog."""
        from PySide6.QtWidgets import QMessageBox

        if self.editor is None or self.draft_id is None:
            return
        draft = self.editor.collect()
        report = self.editor.report
        if report is not None and report.has_errors and errors.dialogs_enabled:
            answer = QMessageBox.question(
                self,
                _("Exportera trots fel?"),
                _(
                    "Granskningen hittade fel som bör rättas innan tjänsteutlåtandet går ut. "
                    "Vill du exportera ändå?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        target = self._ask_target(draft)
        if target is None:
            return
        self.start_export(draft, target, pdf, attachments)

    def _ask_target(self, draft: Draft) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from beslut.export.filenames import suggested_filename

        folder = Path(str(self.qsettings.value("export_folder", str(Path.home()))))
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Exportera till Word"),
            str(folder / suggested_filename(draft)),
            _("Word-dokument (*.docx)"),
        )
        return Path(name) if name else None

    def start_export(self, draft: Draft, target: Path, pdf: bool, attachments: bool) -> None:
        """Export ``draft`` to ``target`` off the GUI thread; a revision is kept."""
        from PySide6.QtWidgets import QProgressDialog

        assert self.draft_id is not None
        if not self.saved_or_told():
            return
        self.qsettings.setValue("export_folder", str(target.parent))
        store, draft_id, settings = self.store, self.draft_id, self.settings
        doctype = self.editor.doctype if self.editor is not None else None

        def work() -> list[Path]:
            from beslut.export.command import export_command

            files = store.files_for(draft)
            written = export_command(
                draft,
                files,
                target,
                pdf,
                attachments,
                template=settings.template_file(),
                doctype=doctype,
                extra_fields=settings.export_fields(),
            )
            label = _("Exporterad till {name}").format(name=written[0].name)
            store.add_revision(draft_id, label, draft=draft)  # what was exported
            return written

        self._progress = QProgressDialog(_("Exporterar…"), "", 0, 0, self)
        self._progress.setWindowTitle(_("Exporterar"))
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(300)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.exporter.submit("export", work)

    def _export_done(self, _token: object, written: object) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        self._close_progress()
        assert isinstance(written, list)
        self.statusBar().showMessage(
            _("Exporterat: {files}").format(files=", ".join(p.name for p in written)), 10000
        )
        self.last_export = written
        if not errors.dialogs_enabled:
            return
        box = QMessageBox(self)
        box.setWindowTitle(_("Exporten är klar"))
        box.setText(_("Tjänsteutlåtandet är sparat som {name}.").format(name=written[0].name))
        open_button = box.addButton(_("Öppna"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(_("Visa i mappen"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Stäng"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written[0])))
        elif box.clickedButton() is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written[0].parent)))

    def _export_failed(self, _token: object, exc: object) -> None:
        self._close_progress()
        assert isinstance(exc, BaseException)
        errors.show_error(self, exc, _("Exporten misslyckades"))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    # --- settings, about, closing -------------------------------------------------------

    def edit_settings(self) -> None:
        from beslut.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        try:
            save_settings(self.store, dialog.result_settings())
        except BeslutError as exc:
            errors.show_error(self, exc)
            return
        self.settings = load_settings(self.store)
        self._check_config = None
        if self.draft_id is not None:
            self.open_draft(self.draft_id)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from beslut import __version__

        QMessageBox.about(
            self,
            _("Om beslut"),
            _(
                "beslut {version}\n\nSkriv tjänsteutlåtanden till nämnden: vägledning, "
                "granskning och export till stadens Word-mall. Allt sparas lokalt i "
                "{path}."
            ).format(version=__version__, path=self.store.path),
        )

    def _restore_geometry(self) -> None:
        geometry = self.qsettings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def reopen_last(self) -> None:
        """Open the draft that was open when the app was closed, if it still exists."""
        last = self.qsettings.value("last_draft")
        try:
            draft_id = int(str(last))
        except (TypeError, ValueError):
            return
        if draft_id in {row.id for row in self.list_page.model.rows}:
            self.open_draft(draft_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing is ever unsaved: write what is pending, then close without asking. Only
        # when the write fails does the user decide, since closing would lose the edit.
        failure = self.autosaver.flush()
        if failure is not None and not self._close_anyway(failure):
            event.ignore()
            return
        self.exporter.wait()  # an export is bounded by LibreOffice's own time-out
        if self.editor is not None:
            self.editor.wait_for_background()
        self.qsettings.setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    def _close_anyway(self, failure: Exception) -> bool:
        from PySide6.QtWidgets import QMessageBox

        errors.shown.append(errors.message_for(failure))
        if not errors.dialogs_enabled:
            return False
        answer = QMessageBox.question(
            self,
            _("Ändringarna kunde inte sparas"),
            _(
                "{why}\n\nVill du stänga ändå? Det du har skrivit sedan det senast sparades "
                "går då förlorat."
            ).format(why=errors.message_for(failure)),
        )
        return answer == QMessageBox.StandardButton.Yes
