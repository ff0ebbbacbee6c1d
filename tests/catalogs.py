"""Compiling the translation catalogs for tests, as dev.py does before it runs them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"  # the sources: beslut.pot and each beslut.po
PACKAGE_LOCALE = ROOT / "src" / "beslut" / "data" / "locale"  # the compiled .mo files


def compile_catalogs() -> None:
    """Compile each beslut.po to the .mo the app reads, when that is missing or older
    (resources/catalogs.py, which dev.py runs too; a bare ``pytest`` needs it)."""
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "resources" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.compile_catalogs()
