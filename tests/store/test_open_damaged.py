"""A database with damaged pages is noticed when it is opened, and nothing is written to it."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from pathlib import Path

import pytest
from tests.cliutil import run_cli

from beslut.model import Draft, Metadata
from beslut.store import Store, StoreCorruptError, connect
from beslut.store.backups import make_backup


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_a_page(path: Path) -> None:
    """Overwrite the header of a leaf page of the drafts table in the middle of the file:
    the database still opens and its schema reads, but SQLite's check fails. The page is
    the one that holds the middle draft's title (found in the file's bytes: SQLite's
    dbstat table is not built into every sqlite3, Windows Python's among them)."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        middle = conn.execute("SELECT title FROM drafts ORDER BY id").fetchall()
    finally:
        conn.close()
    title = middle[len(middle) // 2][0].split(" ord")[0] + " ord"
    offset = path.read_bytes().find(title.encode("utf-8"))
    assert offset > 0, title
    page = offset // page_size + 1
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size + 8)  # the cell pointers after the page header
        handle.write(b"\xff" * 64)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # still opens
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            rows = [(str(exc),)]
        assert rows != [("ok",)]
    finally:
        conn.close()


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A database of a few hundred drafts with a damaged page, and its backup from before."""
    path = tmp_path / "beslut.db"
    drafts = [(Draft(Metadata(title=f"Utkast {n} " + "ord " * 80)), None) for n in range(300)]
    with Store.open(path) as store:
        store.create_drafts(drafts)
        backup = make_backup(store)
    _damage_a_page(path)
    return path, backup


def test_open_refuses_a_damaged_database_and_writes_nothing(damaged: tuple[Path, Path]) -> None:
    path, _backup = damaged
    before = _digest(path)
    with pytest.raises(StoreCorruptError) as info:
        Store.open(path)
    assert "skadad" in info.value.user_message
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


@pytest.mark.parametrize("full_below", [0, 10**12], ids=["quick_check", "integrity_check"])
def test_both_checks_find_the_damage(
    damaged: tuple[Path, Path], full_below: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _backup = damaged
    monkeypatch.setattr(connect, "FULL_CHECK_BYTES", full_below)
    with pytest.raises(StoreCorruptError):
        Store.open(path)


def test_a_check_cut_short_lets_the_database_open_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stor.db"
    with Store.open(path) as store:
        store.create_drafts([(Draft(Metadata(title=f"U {n}")), None) for n in range(200)])
    conn = sqlite3.connect(path)
    try:
        with caplog.at_level(logging.WARNING, logger="beslut.store.connect"):
            assert connect.damage(conn, 10**12, seconds=0.0) is None
    finally:
        conn.close()
    assert "cut short" in caplog.text


def test_command_line_refuses_and_names_the_backup(
    damaged: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = damaged
    before = _digest(path)
    draft_file = tmp_path / "nytt.json"
    with Store.open(tmp_path / "annan.db") as other:
        draft_id = other.create_draft(Draft(Metadata(title="Nytt")))
    code, _out, _err = run_cli(
        capsys,
        "--db",
        str(tmp_path / "annan.db"),
        "export-json",
        str(draft_id),
        "-o",
        str(draft_file),
    )
    assert code == 0
    for command in (["list"], ["import-json", str(draft_file)]):
        code, out, err = run_cli(capsys, "--db", str(path), *command)
        assert code == 1
        assert "skadad" in err
        assert str(backup) in err
        assert "backup restore" in err
        assert "Traceback" not in err
        assert out == ""
    assert _digest(path) == before


def test_the_named_backup_restores_a_sound_database(
    damaged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, backup = damaged
    code, _out, _err = run_cli(capsys, "--db", str(path), "backup", "restore", str(backup))
    assert code == 0
    code, out, _err = run_cli(capsys, "--db", str(path), "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 300
