"""The wheel build's one extra step: compile the translation catalogs into the package.

Everything else is in pyproject.toml. The .po sources stay in resources/locale, where a
translator expects them; the wheel gets the compiled .mo files in beslut/data/locale
(resources/catalogs.py, the same code dev.py runs for a checkout).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _compile_catalogs(out_dir: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "resources" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written: list[Path] = module.compile_catalogs(out_dir, force=True)
    return written


class BuildWithCatalogs(build_py):
    """build_py, then the .mo files into the build (an editable install: into src/)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            _compile_catalogs(ROOT / "src" / "beslut" / "data" / "locale")
        else:
            _compile_catalogs(Path(self.build_lib) / "beslut" / "data" / "locale")


setup(cmdclass={"build_py": BuildWithCatalogs})
