"""Benchmark the delivery: the wheel's size, the frozen app's build time and size, and its
start-up to the main window against a bare PySide6 window frozen the same way.

Both frozen programs are built here with packaging/beslut.spec (``python3 dev.py package``,
and ``-- --bare`` for packaging/bare_window.py), so they share PyInstaller, Python and Qt.
Goals: the frozen folder at most 150 MB; start-up at most 1.3 times the bare window's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import report, wall_ms

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
SIZE_GOAL_MB = 150


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    """The largest parts of a frozen folder: each package or library under _internal."""
    parts: Counter[str] = Counter()
    internal = folder / "_internal"
    for path in internal.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(internal).parts
            key = "/".join(relative[:4]) if relative[0] == "PySide6" else relative[0]
            parts[key] += path.stat().st_size
    return parts.most_common(count)


def build(dist: Path, work: Path, *spec_args: str) -> float:
    """Build with dev.py package; the seconds it took."""
    start = time.perf_counter()
    extra = ["--", *spec_args] if spec_args else []
    paths = ["--distpath", str(dist), "--workpath", str(work)]
    subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "package", *paths, *extra],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def wheel_size(folder: Path) -> int:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = folder.glob("beslut-*.whl")
    return wheel.stat().st_size


def main() -> int:
    exe = "beslut.exe" if os.name == "nt" else "beslut"
    bare_exe = "bare.exe" if os.name == "nt" else "bare"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"wheel: {wheel_size(folder / 'wheel') / 1024:.0f} KB")
        dist, work = folder / "dist", folder / "work"
        seconds = build(dist, work)
        bare_seconds = build(dist, work, "--bare")
        print(f"frozen build: {seconds:.1f} s (the bare window's: {bare_seconds:.1f} s)")
        size, bare_size = folder_size(dist / "beslut"), folder_size(dist / "bare")
        met_size = size <= SIZE_GOAL_MB * MB
        print(
            f"frozen folder: {size / MB:.1f} MB (goal <= {SIZE_GOAL_MB} MB: "
            f"{'met' if met_size else 'MISSED'}); the bare window's: {bare_size / MB:.1f} MB"
        )
        for name, part in biggest_parts(dist / "beslut"):
            print(f"  {part / MB:6.1f} MB  {name}")
        home = folder / "home"
        home.mkdir()
        env = {
            "HOME": str(home),
            "PATH": str(folder / "no-python"),  # nothing: the frozen app needs no Python
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            **({"SYSTEMROOT": os.environ["SYSTEMROOT"]} if "SYSTEMROOT" in os.environ else {}),
        }
        app = [str(dist / "beslut" / exe), "--smoke-test"]
        subprocess.run(app, env=env, check=True, capture_output=True)  # creates the database
        floor, ours = wall_ms([[str(dist / "bare" / bare_exe)], app], env)
        met_start = report("frozen start-up to main window", ours, 1.3 * floor, "bare", floor)
    return 0 if met_size and met_start else 1


if __name__ == "__main__":
    raise SystemExit(main())
