"""The window's state between starts (QSettings), each key named once.

This is what the window remembers on this workstation, not the user's settings (those
live in the database: beslut.settings).
"""

from __future__ import annotations

GEOMETRY = "geometry"  # the main window's size and place
LAST_DRAFT = "last_draft"  # the draft open when the app closed, opened again at start
EXPORT_FOLDER = "export_folder"  # where the last export went
