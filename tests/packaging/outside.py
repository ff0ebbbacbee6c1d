"""Running an installed or frozen beslut as a new user would: from a folder outside the
checkout, with an empty home folder, and nothing of the developer's environment."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parents[2]


def new_user_env(folder: Path, path: list[Path]) -> dict[str, str]:
    """An environment with an empty home (so a fresh database and settings), Qt offscreen,
    and only ``path`` on PATH: no BESLUT_DB, no PYTHONPATH, no virtual environment."""
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": os.pathsep.join(str(p) for p in path),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    for name in ("SYSTEMROOT", "TMP", "TEMP", "TMPDIR"):  # what Windows needs to start
        if name in os.environ:
            env[name] = os.environ[name]
    if os.name == "nt":
        env |= {"APPDATA": str(home / "AppData"), "USERPROFILE": str(home)}
    return env


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in ``cwd``; its output is kept for the assertion's message."""
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, encoding="utf-8", timeout=120, check=False
    )


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text, body and tables, as python-docx reads the file."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts
