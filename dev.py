#!/usr/bin/env python3
"""Set up and run beslut with nothing but Python 3.11+ (standard library only).

    python3 dev.py run [ARGS]    install into .venv if needed, then start beslut
    python3 dev.py test [ARGS]   install into .venv if needed, then run all tests
    python3 dev.py lint          ruff and mypy
    python3 dev.py bench         run the benchmarks in benchmarks/
    python3 dev.py i18n          extract the text to translate, update and compile the catalogs
    python3 dev.py package       build the frozen app into dist/beslut/ (PyInstaller)

run, test and package compile the catalogs first (resources/locale/*/LC_MESSAGES/beslut.po
-> src/beslut/data/locale/*/LC_MESSAGES/beslut.mo, by resources/catalogs.py).

Works the same on Windows (py dev.py run) and Linux. A Python without the venv module (the
embeddable Windows Python that CI's Windows leg runs) gets beslut and its extras installed
into itself instead of into .venv, and runs everything from there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".beslut-installed"
WINDOWS = os.name == "nt"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "beslut"
POT = LOCALE / f"{DOMAIN}.pot"
# Every extra, so each command works on a fresh checkout (bench needs docxtpl, package
# needs PyInstaller). BESLUT_EXTRAS=test,package installs fewer (CI's Windows leg does).
ALL_EXTRAS = ("test", "dev", "bench", "package")
EXTRAS = (
    tuple(
        extra
        for extra in os.environ.get("BESLUT_EXTRAS", ",".join(ALL_EXTRAS)).split(",")
        if extra in ALL_EXTRAS
    )
    or ALL_EXTRAS
)

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


def has_venv() -> bool:
    """Whether this Python can make a virtual environment (the embeddable Windows Python,
    among others, has neither venv nor ensurepip)."""
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        return False
    return True


def install_here() -> Path:
    """Without venv: install beslut with its extras into the Python running this script,
    once per Python and pyproject.toml; that Python runs everything then."""
    python = Path(sys.executable)
    key = hashlib.sha256(str(python).encode()).hexdigest()[:12]
    stamp = ROOT / "build" / f"installed-{key}"
    if stamp.exists() and stamp.read_text() == fingerprint():
        return python
    print(
        f"Den här Python ({python}) saknar venv, så beslut och dess beroenden installeras "
        "i den i stället för i .venv ...",
        flush=True,
    )
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    try:
        subprocess.run([*pip, "-e", f"{ROOT}[{','.join(EXTRAS)}]"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        sys.exit(f"Kunde inte installera beslut med pip i {python} ({exc}).")
    stamp.parent.mkdir(exist_ok=True)
    stamp.write_text(fingerprint())
    return python


def fingerprint() -> str:
    data = (ROOT / "pyproject.toml").read_bytes() + sys.version.encode() + str(EXTRAS).encode()
    return hashlib.sha256(data).hexdigest()


def ensure_installed() -> Path:
    """Create .venv and install beslut with its test and dev tools, when not yet done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - users may run an older python3
        sys.exit("beslut behöver Python 3.11 eller senare.")
    python = venv_python()
    if STAMP.exists() and STAMP.read_text() == fingerprint() and python.exists():
        return python
    if not python.exists() and not has_venv():
        return install_here()
    if not python.exists():
        import venv

        print("Skapar .venv ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except (subprocess.CalledProcessError, OSError) as exc:
            sys.exit(
                f"Kunde inte skapa .venv ({exc}). På Debian/Ubuntu: sudo apt install python3-venv"
            )
    print("Installerar beslut och dess beroenden ...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[{','.join(EXTRAS)}]"], check=True)
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


def babel(python: Path, *args: str) -> int:
    """Run pybabel (babel is a dependency of beslut, so it is in .venv)."""
    return run(python, "-m", "babel.messages.frontend", "-q", *args)


def compile_catalogs(python: Path) -> int:
    """Compile every beslut.po to the .mo the app reads (the .mo files are not in git)."""
    return run(python, str(ROOT / "resources" / "catalogs.py"))


def _without_date(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date:')]


def update_catalogs(python: Path) -> int:
    """Extract the marked text into beslut.pot, merge it into each .po, compile them all.

    The .pot is only rewritten when its messages changed, not for a new date alone.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from beslut import __version__  # a plain module: no dependencies

    fresh = LOCALE / f".{DOMAIN}.pot.new"
    extract = [
        *("extract", "--mapping-file", str(ROOT / "babel.cfg"), "--output-file", str(fresh)),
        *("--project", "beslut", "--version", __version__, "--copyright-holder", "beslut"),
        *("--add-comments", "Translators:", "--add-location", "file", "--sort-by-file"),
        ".",  # run() works in ROOT, so the catalogs name files as src/beslut/...
    ]
    code = babel(python, *extract)
    if code:
        fresh.unlink(missing_ok=True)
        return code
    old = POT.read_text(encoding="utf-8") if POT.exists() else ""
    if _without_date(old) != _without_date(fresh.read_text(encoding="utf-8")):
        fresh.replace(POT)
    fresh.unlink(missing_ok=True)
    update = [
        *("update", "--domain", DOMAIN, "--input-file", str(POT)),
        *("--output-dir", str(LOCALE), "--ignore-obsolete", "--ignore-pot-creation-date"),
    ]
    code = babel(python, *update) or compile_catalogs(python)
    if not code:
        print(
            "Katalogerna är uppdaterade. Översätt nya och osäkra (fuzzy) texter i "
            f"{LOCALE.relative_to(ROOT)}/en/LC_MESSAGES/{DOMAIN}.po och kör igen."
        )
    return code


def package(python: Path, args: list[str]) -> int:
    """Build the frozen app with PyInstaller: dist/beslut/ (packaging/beslut.spec).

    ``args`` go to PyInstaller (a later --distpath or --workpath wins over ours); after
    ``--`` they go to the spec (``-- --bare`` builds the start-up floor, dist/bare/).
    """
    spec_args = args[args.index("--") :] if "--" in args else []
    options = args[: len(args) - len(spec_args)]
    return compile_catalogs(python) or run(
        python,
        *("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"),
        *("--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build" / "pyinstaller")),
        *options,
        str(ROOT / "packaging" / "beslut.spec"),
        *spec_args,
    )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "lint", "bench", "i18n", "package"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_installed()
    if command == "i18n":
        return update_catalogs(python)
    if command == "run":
        check_system_libraries()
        return compile_catalogs(python) or run(python, "-m", "beslut", *rest)
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        return compile_catalogs(python) or run(python, "-m", "pytest", *rest, env=env)
    if command == "package":
        return package(python, rest)
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
