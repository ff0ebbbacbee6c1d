"""Compiling the translation catalogs for tests, as dev.py does before it runs them."""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"


def compile_catalogs() -> None:
    """Compile each beslut.po to the .mo the app reads, when that is missing or older.

    dev.py run and test do this with pybabel; a bare ``pytest`` needs it too.
    """
    for po in LOCALE.glob("*/LC_MESSAGES/beslut.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle)
        partial = mo.with_name(f".{mo.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        partial.replace(mo)
