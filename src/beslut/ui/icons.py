"""The app's SVG icons (sharp at any DPI), loaded by name from resources/icons."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from beslut.resources import data_folder


@functools.cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (resources/icons/<name>.svg); an empty icon when it is missing."""
    path = data_folder("resources", "icons") / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
