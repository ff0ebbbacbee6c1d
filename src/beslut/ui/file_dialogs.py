"""File dialogs that never open a file to look at it (the database's locks depend on it).

On POSIX, closing any descriptor of a file drops every fcntl lock the process holds on
that file, SQLite's included. Qt's own file dialog opens each file of the folder it
lists to sniff its type and choose its icon, so listing the folder that holds the
database dropped the store's locks, and another process could then delete the
write-ahead log the store still wrote to. The dialogs here name and draw files by their
names alone. On Linux and macOS they are Qt's own dialog, never the desktop's native one
(GTK's sniffs file contents in this process as well); on Windows, where a lock belongs
to its handle and no other handle can drop it, the native dialog is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

from beslut.i18n import _

_BY_NAME = QMimeDatabase.MatchMode.MatchExtension


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name, never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()
        self._icons: dict[str, QIcon] = {}

    def icon(self, what: Any) -> QIcon:  # Qt's overload: an IconType or a QFileInfo
        style = QApplication.style()
        if isinstance(what, QFileInfo) and not what.isDir():
            return self._file_icon(what)
        folder = not isinstance(what, QFileInfo) or what.isDir()
        pixmap = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return _("Mapp")
        mime = self._mime.mimeTypeForFile(info.fileName(), _BY_NAME)
        if not mime.isDefault():
            return mime.comment()
        suffix = info.suffix()
        return _("{suffix}-fil").format(suffix=suffix.upper()) if suffix else _("Fil")

    def _file_icon(self, info: QFileInfo) -> QIcon:
        mime = self._mime.mimeTypeForFile(info.fileName(), _BY_NAME)
        name = mime.iconName()
        if name not in self._icons:
            themed = QIcon.fromTheme(name, QIcon.fromTheme(mime.genericIconName()))
            fallback = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            self._icons[name] = fallback if themed.isNull() else themed
        return self._icons[name]


def make_dialog(parent: QWidget | None, title: str, folder: str = "") -> QFileDialog:
    """A file dialog over ``parent`` that reads no file's content."""
    dialog = QFileDialog(parent, title, folder)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        provider = NameOnlyIconProvider()
        dialog.setIconProvider(provider)
        dialog._name_only_icons = provider  # type: ignore[attr-defined]  # kept alive with it
    return dialog


def save_file_name(
    parent: QWidget | None, title: str, suggested: Path, file_filter: str
) -> Path | None:
    """Where to write a file (the dialog asks before replacing one), or None."""
    dialog = make_dialog(parent, title, str(suggested.parent) if suggested.parent else "")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if file_filter:
        dialog.setNameFilter(file_filter)
    dialog.selectFile(suggested.name)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def open_file_names(parent: QWidget | None, title: str, file_filter: str = "") -> list[Path]:
    """Existing files to read (none when cancelled); ``file_filter`` (Qt's "Namn (*.x
    *.y)") the only kinds offered, else every file."""
    dialog = make_dialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    if file_filter:
        dialog.setNameFilter(file_filter)
    return _run(dialog)


def existing_directory(parent: QWidget | None, title: str) -> Path | None:
    """A folder, or None."""
    dialog = make_dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def _run(dialog: QFileDialog) -> list[Path]:
    """Show ``dialog`` until the user answers; the paths chosen (none when cancelled)."""
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return [Path(name) for name in dialog.selectedFiles()] if accepted else []
    finally:
        dialog.deleteLater()
