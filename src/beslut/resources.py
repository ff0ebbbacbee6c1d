"""Finding the data beslut ships inside its package (no Qt).

Document types, checks.toml and the city template (``data/templates``), the icons
(``data/icons``) and the compiled catalogs (``data/locale``, built from
resources/locale/*.po by ``python3 dev.py i18n`` and by the wheel build) live in
``beslut/data``. They are found through importlib.resources, so a checkout, an editable
install, an installed wheel and the frozen app (packaging/) find them the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path

TEMPLATE_NAME = "stadsmall.docx"  # the city's Word template, in a template folder


@functools.cache
def _package_root() -> Path:
    """The package's folder on disk. beslut is always installed as files (pip, the
    frozen app), never run from a zip: the callers read whole folders."""
    from importlib import resources

    root = resources.files(__package__ or "beslut")
    if not isinstance(root, Path):
        raise RuntimeError(f"beslut must be installed as files, not imported from {root}")
    return root


def data_folder(*parts: str) -> Path:
    """The folder ``beslut/data/<parts...>`` (it may not exist: a message can name it)."""
    return _package_root().joinpath("data", *parts)
