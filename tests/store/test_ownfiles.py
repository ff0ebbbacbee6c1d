"""The database's own files are never read as a bilaga, an import or a draft file, nor
written over by an export, from the app or the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from beslut.model.draft import Draft, Metadata
from beslut.store import Store
from beslut.store.ownfiles import OwnFileError, is_database_file, refuse_database_file
from beslut.store.seed import seed_example

ROOT = Path(__file__).resolve().parents[2]


def test_the_database_and_its_side_files_are_its_own(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Ett")))
        for suffix in ("", "-wal", "-shm", "-journal"):
            assert is_database_file(Path(f"{db}{suffix}"), db)
        link = tmp_path / "annat namn.db"
        os.link(db, link)
        assert is_database_file(link, db)  # the same file under another name
        assert is_database_file(tmp_path / "." / "b.db", db)
        assert not is_database_file(tmp_path / "b.db.docx", db)
        if sys.platform != "win32":  # a symbolic link needs a privilege there
            real = tmp_path / "riktig"
            real.mkdir()
            (tmp_path / "länk.db").symlink_to(real / "b.db")
            assert is_database_file(real / "b.db-wal", tmp_path / "länk.db")  # not yet made
        assert not is_database_file(tmp_path / "backups" / "b-20261201-090000.db", db)
        with pytest.raises(OwnFileError) as refused:
            refuse_database_file(Path(f"{db}-wal"), db)
        assert "b.db-wal är en av filerna i beslut:s egen databas" in refused.value.user_message
        refuse_database_file(Path(f"{db}-wal"), None)  # no database: nothing to guard


def test_the_store_never_reads_its_own_file_as_a_bilaga(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Ett")))
        wal = os.stat(f"{db}-wal").st_ino
        with pytest.raises(OwnFileError):
            store.put_file_from(db)
        with pytest.raises(OwnFileError):
            store.put_file_from(Path(f"{db}-shm"))
        assert os.stat(f"{db}-wal").st_ino == wal


def _beslut(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), *args],
        capture_output=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.slow
def test_the_command_line_refuses_the_database_as_input_or_output(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    Store.open(db, seed=seed_example).close()
    before = db.read_bytes()
    for args in (
        ("export", "1", "-o", str(db)),
        ("import-json", str(db)),
        ("import", str(db)),
        ("kallelse", "1", "-o", f"{db}-wal"),
    ):
        done = _beslut(db, *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert "en av filerna i beslut:s egen databas" in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert db.read_bytes() == before  # not written, and no revision was kept either
    with Store.open(db) as store:
        assert [d.id for d in store.list_drafts()] == [1]
