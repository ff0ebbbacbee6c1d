#!/usr/bin/env python3
"""Set up and run beslut with nothing but Python 3.11+ (standard library only).

    python3 dev.py run [ARGS]    install into .venv if needed, then start beslut
    python3 dev.py test [ARGS]   install into .venv if needed, then run all tests
    python3 dev.py lint          ruff and mypy
    python3 dev.py bench         run the benchmarks in benchmarks/

Works the same on Windows (py dev.py run) and Linux.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".beslut-installed"
WINDOWS = os.name == "nt"

# Shared libraries Qt needs on Debian/Ubuntu, by the package that ships them.
DEBIAN_QT_LIBS = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def fingerprint() -> str:
    data = (ROOT / "pyproject.toml").read_bytes() + sys.version.encode()
    return hashlib.sha256(data).hexdigest()


def ensure_installed() -> Path:
    """Create .venv and install beslut with its test and dev tools, when not yet done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - users may run an older python3
        sys.exit("beslut behöver Python 3.11 eller senare.")
    python = venv_python()
    if STAMP.exists() and STAMP.read_text() == fingerprint() and python.exists():
        return python
    if not python.exists():
        print("Skapar .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except (subprocess.CalledProcessError, OSError) as exc:
            sys.exit(
                f"Kunde inte skapa .venv ({exc}). På Debian/Ubuntu: sudo apt install python3-venv"
            )
    print("Installerar beslut och dess beroenden ...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[test,dev]"], check=True)
    STAMP.write_text(fingerprint())
    return python


def check_system_libraries() -> None:
    """On Debian/Ubuntu, say which apt packages Qt still needs, before it fails obscurely."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    if not sys.platform.startswith("linux") or not shutil.which("dpkg"):
        return
    if not Path(ldconfig).exists():
        return
    listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    missing = sorted({pkg for lib, pkg in DEBIAN_QT_LIBS.items() if lib not in listing})
    if missing:
        sys.exit(
            "Qt behöver några systembibliotek som saknas. Installera dem med:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )


def run(python: Path, *args: str, env: dict[str, str] | None = None) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT, env=env, check=False).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "lint", "bench"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_installed()
    if command == "run":
        check_system_libraries()
        return run(python, "-m", "beslut", *rest)
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        return run(python, "-m", "pytest", *rest, env=env)
    if command == "lint":
        return (
            run(python, "-m", "ruff", "check", ".")
            or run(python, "-m", "ruff", "format", "--check", ".")
            or run(python, "-m", "mypy")
        )
    benches = sorted(str(p) for p in (ROOT / "benchmarks").glob("bench_*.py"))
    return max((run(python, bench, *rest) for bench in benches), default=0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
