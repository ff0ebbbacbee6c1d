"""Step Bilagor: numbered attachments with their files kept in the database."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from beslut.errors import BeslutError
from beslut.i18n import N_, _
from beslut.model.draft import Attachment
from beslut.model.text import clean_line
from beslut.parts import ATTACHMENTS
from beslut.store import Store
from beslut.ui.messages import Messages
from beslut.ui.qlocale import ui_locale
from beslut.ui.steps.base import button_row, move_buttons
from beslut.ui.steps.listedit import ListStep, ReorderableList
from beslut.ui.undo import route_undo
from beslut.ui.worker import Worker

_GUIDANCE = N_(
    "Lägg till de handlingar som nämnden ska få med ärendet. Bilagorna numreras i den "
    "ordning de står här; dra dem eller använd Alt+Upp och Alt+Ned för att ändra ordningen.\n\n"
    "Ge varje bilaga en titel som säger vad den är och när den är daterad, till exempel "
    "”Kostnadsberäkning, 3 november 2026”. Du kan dra filer hit från Utforskaren."
)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} kB"
    return f"{ui_locale().toString(n / (1024 * 1024), 'f', 1)} MB"


def _label(row: int, att: Attachment) -> str:
    title = att.title or _("(utan titel)")
    file = f"{att.file.name}, {_size(att.file.size)}" if att.file else _("ingen fil")
    return f"{row + 1}. {title}   —   {file}"


class AttachmentsStep(ListStep):
    """The bilagor: add files (dialog or drop), titles, order, open, remove."""

    field = "attachments"
    part = ATTACHMENTS

    files_added = Signal(int)  # how many bilagor were added from files

    def __init__(
        self,
        store: Store,
        messages: Messages | None = None,
        limit_mb: int = 25,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Bilagor"), _(_GUIDANCE), parent)
        self.store = store
        self.limit_mb = limit_mb
        self.messages = messages or Messages()
        self._files = Worker(self)
        self._files.finished.connect(self._files_kept)
        self._files.failed.connect(lambda _token, exc: self.messages.error(self, exc))
        # Opened copies live here (made with the first one) and go when the editor closes.
        self._open_folder: tempfile.TemporaryDirectory[str] | None = None
        self.list: ReorderableList[Attachment] = ReorderableList(self.undo_stack, _label)
        self.list.setAccessibleName(_("Bilagor"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Titel på vald bilaga"))
        route_undo(self.undo_stack, self.title_edit)
        title_label = QLabel(_("&Titel"))
        title_label.setBuddy(self.title_edit)
        buttons = button_row(
            [
                (_("&Lägg till filer…"), "attach", self.add_files, _("Välj filer att bifoga")),
                (_("Utan &fil"), "add", self.add_without_file, _("En bilaga som lämnas på papper")),
                (_("Ö&ppna"), "open", self.open_current, _("Öppna vald bilaga")),
                (_("Ta &bort"), "remove", self.remove, _("Ta bort vald bilaga")),
                *move_buttons(self.list.move_current),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(title_label)
        layout.addWidget(self.title_edit)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.edited.connect(self._list_edited)
        self.list.files_dropped.connect(self.add_paths)
        self.title_edit.textEdited.connect(self._title_edited)

    def add_files(self) -> None:
        paths = self.messages.open_files(self, _("Välj bilagor"))
        if paths:
            self.add_paths([str(p) for p in paths])

    def add_paths(self, paths: list[str]) -> None:
        """Keep the files in the database and add one bilaga per file.

        The files are looked at first (an empty one is refused, one over the size limit
        in the settings is asked about); storing runs on the worker thread, in pieces,
        so a large PDF neither freezes the window nor fills the memory. The bilagor
        appear when ``files_added`` is emitted.
        """
        from beslut.workflow.attach import (
            check_files,
            large_files_question,
            store_files,
            too_large,
        )

        checks = check_files(Path(name) for name in paths)
        large = too_large(checks, self.limit_mb)
        if large and not self.messages.ask(
            self, _("Stora bilagor"), large_files_question(large, self.limit_mb)
        ):
            checks = [c for c in checks if c not in large]
        store = self.store

        def keep() -> tuple[list[Attachment], list[BeslutError]]:
            added = store_files(store, checks)
            return list(added.attachments), list(added.problems)

        self._files.submit("bilagor", keep)

    def wait_for_files(self) -> None:
        """Block until files being added are stored."""
        self._files.wait()

    def _files_kept(self, _token: object, result: object) -> None:
        assert isinstance(result, tuple)
        added: list[Attachment] = result[0]
        problems: list[BeslutError] = result[1]
        for problem in problems:
            self.messages.error(self, problem)
        if added:
            items = (*self.list.values, *added)
            self.list.change(_("Lägg till bilaga"), items, len(items) - 1)
        self.files_added.emit(len(added))

    def add_without_file(self) -> None:
        items = (*self.list.values, Attachment(""))
        self.list.change(_("Lägg till bilaga"), items, len(items) - 1)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self) -> None:
        self.list.remove_current(_("Ta bort bilaga"))

    def open_current(self) -> None:
        """Open the bilaga's file in its program (a copy in a temporary folder)."""
        from beslut.export.filenames import attachment_filename

        current = self.list.current()
        if current is None or current.file is None:
            return
        # The name comes from a draft that may have been imported: never a path.
        if self._open_folder is None:
            folder = tempfile.TemporaryDirectory(prefix="beslut-bilagor-")
            self.destroyed.connect(lambda *_: folder.cleanup())
            self._open_folder = folder
        target = Path(self._open_folder.name) / attachment_filename(
            self.list.currentRow() + 1, current
        )
        try:
            target.write_bytes(self.store.get_file(current.file.sha256))
        except (BeslutError, OSError) as exc:
            self.messages.error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _show_current(self, row: int) -> None:
        has_row = 0 <= row < len(self.list.values)
        self.title_edit.setEnabled(has_row)
        if not has_row or clean_line(self.title_edit.text()) != self.list.values[row].title:
            self.title_edit.setText(self.list.values[row].title if has_row else "")

    def _list_edited(self) -> None:
        self._show_current(self.list.currentRow())
        self.changed.emit()

    def _title_edited(self, text: str) -> None:
        current = self.list.current()
        if current is not None:
            value = dataclasses.replace(current, title=text)
            self.list.replace_current(_("Byt titel"), value, "title")

    def is_filled(self) -> bool:
        return bool(self.list.values)
