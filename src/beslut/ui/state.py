"""The window's state between starts (QSettings), each key named once.

This is what the window remembers on this workstation, not the user's settings (those
live in the database: beslut.settings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow

GEOMETRY = "geometry"  # the main window's size and place
LAST_DRAFT = "last_draft"  # the draft open when the app closed, opened again at start
EXPORT_FOLDER = "export_folder"  # where the last export went

FIRST_SIZE = (1200, 760)  # the window's size on its first start, where the screen allows


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """The size and place the window had when it closed; on the first start room for the
    editor's three columns (on a small screen as much as fits), centred."""
    from PySide6.QtCore import QByteArray

    geometry = settings.value(GEOMETRY)
    saved = isinstance(geometry, QByteArray) and not geometry.isEmpty()
    if saved and window.restoreGeometry(geometry):
        return
    screen = window.screen().availableGeometry()
    width = min(FIRST_SIZE[0], screen.width() * 95 // 100)
    height = min(FIRST_SIZE[1], screen.height() * 90 // 100)
    window.resize(width, height)
    window.move(
        screen.x() + (screen.width() - width) // 2,
        screen.y() + (screen.height() - height) // 2,
    )
