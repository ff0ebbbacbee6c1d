"""The core (everything outside beslut.ui) must import without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import beslut


def _core_modules() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(beslut.__path__, "beslut.")
        if not info.name.startswith("beslut.ui") and info.name != "beslut.__main__"
    ]
    assert "beslut.store.store" in names and "beslut.cli" in names
    return names


def test_importing_the_core_leaves_qt_out() -> None:
    modules = _core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(leaked))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
