"""One writer protocol: command-line writers and a restore never replace a file under each other."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.lines import Lines

from beslut.model.draft import Draft, Metadata
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.store.backups import make_backup
from beslut.store.writers import WritersLock

ROOT = Path(__file__).resolve().parents[2]


def _beslut(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "beslut", "--db", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        cwd=ROOT,
    )


def _titles(db: Path) -> dict[int, str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT id, title FROM drafts"))
    finally:
        conn.close()


def test_a_shared_lock_admits_writers_and_keeps_out_a_restore(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    first, second = WritersLock(db), WritersLock(db)
    assert first.acquire(exclusive=False, timeout=0)
    assert second.acquire(exclusive=False, timeout=0)
    waited: list[bool] = []
    restore = WritersLock(db)
    started = time.monotonic()
    assert not restore.acquire(exclusive=True, timeout=0.5, on_wait=lambda: waited.append(True))
    assert time.monotonic() - started >= 0.5
    assert waited == [True]  # told once, not at every poll
    first.release()
    second.release()
    assert restore.acquire(exclusive=True, timeout=0)
    assert not WritersLock(db).acquire(exclusive=False, timeout=0)
    restore.release()


def test_a_command_waits_for_a_restore_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    Store.open(db).close()
    restore = WritersLock(db)
    assert restore.acquire(exclusive=True, timeout=0)
    listing = _beslut(db, "list")
    errors = Lines(listing.stderr)
    said = errors.next(30, "the waiting line")  # however slow its start
    assert "Väntar på att databasen ska återställas klart" in said
    assert listing.poll() is None  # still waiting
    restore.release()
    assert listing.wait(60) == 0, errors.text()


def test_a_restore_waits_for_a_writing_command(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Före")))
        backup = make_backup(store)
        store.create_draft(Draft(Metadata(title="Efter")))
        restoring = _beslut(db, "backup", "restore", str(backup))
        errors = Lines(restoring.stderr)
        said = errors.next(30, "the waiting line")
        assert "Väntar på att ett annat beslut-kommando ska skriva klart" in said
        assert restoring.poll() is None  # waits while this store may write
    assert restoring.wait(60) == 0, errors.text()
    assert sorted(_titles(db).values()) == ["Före"]


def test_a_store_gives_up_on_a_restore_that_keeps_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import beslut.store.connection as store_module
    from beslut.store import StoreLockedError

    db = tmp_path / "b.db"
    Store.open(db).close()
    restore = WritersLock(db)
    assert restore.acquire(exclusive=True, timeout=0)
    monkeypatch.setattr(store_module, "WRITERS_WAIT", 0.3)
    try:
        with pytest.raises(StoreLockedError) as refused:
            Store.open(db)
        assert "återställs från en säkerhetskopia" in refused.value.user_message
        with Store.open(db, read_only=True) as reader:  # reading needs no writers lock
            assert reader.list_drafts() == []
    finally:
        restore.release()


@pytest.mark.slow
def test_restore_during_import_loses_no_imported_draft(tmp_path: Path) -> None:
    """20 rounds of `beslut backup restore` started while `beslut import-json` commits:
    every id the import printed is, with its title, in the restored database (the import
    came after the restore) or in the copy the restore kept (it came before)."""
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Grund")))
        backup = make_backup(store)
    rounds = 20
    for number in range(rounds):
        titles = [f"Runda {number} utkast {i}" for i in range(40)]
        files = []
        for i, title in enumerate(titles):
            path = tmp_path / f"r{number}-{i}.beslut"
            path.write_text(dumps(Draft(Metadata(title=title)), {}), encoding="utf-8")
            files.append(str(path))
        importing = _beslut(db, "import-json", *files)
        time.sleep(0.02 * (number % 10))  # the restore lands at another moment each round
        restoring = _beslut(db, "backup", "restore", str(backup))
        out, err = importing.communicate(timeout=120)
        assert importing.returncode == 0, err
        restored_out, restored_err = restoring.communicate(timeout=120)
        assert restoring.returncode == 0, restored_err
        ids = [int(line) for line in out.split()]
        assert len(ids) == len(titles)
        kept = next(
            Path(line.split(" sparad som ", 1)[1].rstrip("."))
            for line in restored_out.splitlines()
            if " sparad som " in line
        )
        here, there = _titles(db), _titles(kept)
        for draft_id, title in zip(ids, titles, strict=True):
            assert here.get(draft_id) == title or there.get(draft_id) == title, (
                f"round {number}: draft {draft_id} ({title}) is lost"
            )
    assert os.path.exists(db)
