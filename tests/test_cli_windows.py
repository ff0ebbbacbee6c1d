"""What Windows showed of the command line, tried on every platform: output redirected in a
code page that cannot hold the draft's text, a folder in the way of a file, and Qt that
cannot load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.cli.entry import qt_missing_message
from beslut.export.errors import WriteError
from beslut.export.safe_write import write_bytes
from beslut.model.draft import Block, BlockKind, Draft, Metadata, Section
from beslut.model.jsonio import draft_from_dict
from beslut.store import Store

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Plan för Åre → 2030 ✓ Győr"  # → ✓ ő are not in cp1252


def _draft_db(tmp_path: Path) -> Path:
    db = tmp_path / "b.db"
    text = Block.plain(BlockKind.PARAGRAPH, "Kostnaden är ≈ 5 € per invånare – 😀.")
    with Store.open(db) as store:
        part = Section("bakgrund", "Bakgrund", (text,))
        store.create_draft(Draft(Metadata(title=TITLE), sections=(part,)))
    return db


def _beslut(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    # PYTHONIOENCODING=cp1252 is what a redirected stdout is on a Swedish Windows.
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    return subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.slow
def test_redirected_output_is_utf8_whatever_the_code_page(tmp_path: Path) -> None:
    db = _draft_db(tmp_path)
    shown = _beslut(db, "show", "1")
    assert shown.returncode == 0, shown.stderr.decode("utf-8", "replace")
    assert TITLE in shown.stdout.decode("utf-8")
    assert "≈ 5 € per invånare – 😀." in shown.stdout.decode("utf-8")
    exported = _beslut(db, "export-json", "1", "-o", "-")
    assert exported.returncode == 0, exported.stderr.decode("utf-8", "replace")
    draft = draft_from_dict(json.loads(exported.stdout.decode("utf-8")))
    assert draft.meta.title == TITLE
    listed = _beslut(db, "list")
    assert TITLE in listed.stdout.decode("utf-8")


def test_a_folder_in_the_way_is_named_as_a_folder_on_windows_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tu.docx"
    target.mkdir()
    with pytest.raises(WriteError) as on_posix:
        write_bytes(target, b"x")
    assert "Det finns redan en mapp som heter tu.docx" in on_posix.value.user_message

    def replace_as_windows_does(src: object, dst: object) -> None:
        raise PermissionError(13, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", replace_as_windows_does)
    with pytest.raises(WriteError) as on_windows:
        write_bytes(target, b"x")
    assert "Det finns redan en mapp som heter tu.docx" in on_windows.value.user_message
    assert "Word" not in on_windows.value.user_message


def test_qt_that_cannot_load_is_explained_for_the_users_system(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = ImportError("DLL load failed while importing QtCore")
    windows = qt_missing_message(problem, "win32")
    assert "Installera om beslut" in windows and "Debian" not in windows
    assert "Debian/Ubuntu" in qt_missing_message(problem, "linux")
    monkeypatch.setitem(sys.modules, "beslut.ui.app", None)  # the import fails as Qt's does
    assert main([]) == 1
    said = capsys.readouterr().err
    assert "Det grafiska programmet kan inte starta" in said
    assert ("Debian" in said) == (sys.platform != "win32")
