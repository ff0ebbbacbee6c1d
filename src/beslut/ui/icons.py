"""The app's SVG icons (sharp at any DPI), loaded by name from beslut/data/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from beslut.resources import data_folder

# A dict rather than functools.cache: once PySide6 is loaded, each module first named in
# an import statement costs a read of its source (PySide6's import hook), at start-up.
_ICONS: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """The icon ``name`` (beslut/data/icons/<name>.svg); an empty icon when it is missing."""
    found = _ICONS.get(name)
    if found is None:
        path = data_folder("icons") / f"{name}.svg"
        found = _ICONS[name] = QIcon(str(path)) if path.exists() else QIcon()
    return found
