"""The app's SVG icons (sharp at any DPI), loaded by name from resources/icons."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtGui import QIcon


@functools.cache
def resources_dir() -> Path:
    """The repository's (or installed app's) resources folder."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "resources" / "icons").is_dir():
            return parent / "resources"
    return here.parents[3] / "resources"


@functools.cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (resources/icons/<name>.svg); an empty icon when it is missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
