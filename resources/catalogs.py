"""Compile the translation catalogs: resources/locale/<lang>/LC_MESSAGES/beslut.po into
the .mo files the app reads from beslut/data/locale (the .mo files are not in git).

One function for every builder: ``python3 dev.py run``/``test``/``i18n`` run this file
with .venv's Python, setup.py calls it when a wheel is built, and the tests call it for a
bare ``pytest``. It needs only babel (a dependency of beslut and of its build).

    python resources/catalogs.py [OUT_DIR]   (default: src/beslut/data/locale)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "beslut"
SOURCES = Path(__file__).resolve().parent / "locale"  # the .pot and each language's .po
PACKAGE_LOCALE = SOURCES.parents[1] / "src" / "beslut" / "data" / "locale"


def compile_catalogs(out_dir: Path = PACKAGE_LOCALE, *, force: bool = False) -> list[Path]:
    """Write ``out_dir/<lang>/LC_MESSAGES/beslut.mo`` for each .po; returns them all.

    A .mo newer than its .po is kept unless ``force``. Each is written beside and then
    renamed, so a concurrent reader never sees half a catalog.
    """
    written = []
    for po in sorted(SOURCES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = out_dir.joinpath(po.relative_to(SOURCES)).with_suffix(".mo")
        written.append(mo)
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, domain=DOMAIN)
        mo.parent.mkdir(parents=True, exist_ok=True)
        partial = mo.with_name(f".{mo.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        partial.replace(mo)
    return written


if __name__ == "__main__":
    compile_catalogs(Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE_LOCALE)
