"""A store whose connection came loose from the files on disk notices it and saves anew.

On POSIX, closing any descriptor of the database's files drops the process's SQLite
locks; another process then deletes the write-ahead log the connection still writes to.
These tests drop the locks exactly that way (open and close the files, as Qt's file
dialog did), let a real `beslut list` in another process delete the log, and check what
another process reads afterwards.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from beslut.model.draft import Draft, Metadata
from beslut.store import Store
from beslut.store.errors import StoreCameLooseError
from beslut.store.loose import FileWatch, Loose

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows locks cannot drop so")


def _drop_locks(db: Path) -> None:
    """Open and close the database's files in this process, as another library would."""
    for suffix in ("", "-wal", "-shm"):
        fd = os.open(f"{db}{suffix}", os.O_RDONLY)
        os.read(fd, 100)
        os.close(fd)


def _beslut_list(db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), "list"],
        capture_output=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def _another_writer_commits(db: Path) -> None:
    """Another process stores a draft "Annan" and ends without closing, so its commit is
    only in the -wal it made."""
    code = (
        "import os, sys; from beslut.store import Store; "
        "from beslut.model.draft import Draft, Metadata; "
        "s = Store.open(sys.argv[1]); s.create_draft(Draft(Metadata(title='Annan'))); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, cwd=ROOT)


def _titles_seen_elsewhere(db: Path) -> list[str]:
    """The titles another process reads from the database now."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print('\\n'.join(r[0] for r in c.execute('SELECT title FROM drafts ORDER BY id')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, encoding="utf-8", check=True
    ).stdout
    return out.splitlines()


def test_the_scenario_deletes_the_log_under_an_open_store(tmp_path: Path) -> None:
    """What the store must survive: without its locks, another process deletes the -wal."""
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        store.create_draft(Draft(Metadata(title="Ett")))
        _drop_locks(db)
        _beslut_list(db)
        assert not Path(f"{db}-wal").exists()


def test_a_save_after_the_log_was_deleted_reaches_the_disk(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Ett")))
        _drop_locks(db)
        _beslut_list(db)
        store.save_draft(draft_id, Draft(Metadata(title="Ett, ändrad efteråt")))
        added = store.create_draft(Draft(Metadata(title="Två")))
        assert store.reconnections == 1
        assert _titles_seen_elsewhere(db) == ["Ett, ändrad efteråt", "Två"]
        assert store.load_draft(added).meta.title == "Två"
    with Store.open(db) as fresh:
        assert [d.title for d in fresh.list_drafts()] == ["Två", "Ett, ändrad efteråt"]


def test_the_loose_connection_leaves_another_writers_work_alone(tmp_path: Path) -> None:
    """Closing the loose connection makes no checkpoint of its orphaned log over the
    pages another process wrote meanwhile, and deletes no log of theirs."""
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Ett")))
        _drop_locks(db)
        _beslut_list(db)
        with store._lock:  # a write that slipped into the orphaned log before it was seen
            store._conn.execute("UPDATE drafts SET title = 'Förlorad' WHERE id = ?", (draft_id,))
        _another_writer_commits(db)
        store.save_draft(draft_id, Draft(Metadata(title="Ett, sparad igen")))
        assert store.reconnections == 1
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = [row[0] for row in conn.execute("SELECT title FROM drafts ORDER BY id")]
    finally:
        conn.close()
    assert titles == ["Ett, sparad igen", "Annan"]


def test_a_replaced_database_file_is_left_alone(tmp_path: Path) -> None:
    """Another beslut database copied over the open one, the old -wal still beside it:
    the store opens nothing by that name again, and sets its own log aside so that nobody
    replays it onto the new file."""
    db = tmp_path / "b.db"
    store = Store.open(db)
    store.create_draft(Draft(Metadata(title="Gammal")))
    other = tmp_path / "annan.db"
    with Store.open(other) as replacement:
        replacement.create_draft(Draft(Metadata(title="Ny fil")))
    os.replace(other, db)  # the -wal and -shm of the open store stay
    with pytest.raises(StoreCameLooseError) as gone:
        store.list_drafts()
    assert "flyttades, togs bort eller byttes ut" in gone.value.user_message
    assert not Path(f"{db}-wal").exists()
    (kept,) = tmp_path.glob("b.db.loose-*-wal")
    assert str(kept) in gone.value.user_message
    with pytest.raises(StoreCameLooseError):  # and so on, until beslut starts again
        store.create_draft(Draft(Metadata(title="Aldrig")))
    store.close()
    assert store.reconnections == 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in conn.execute("SELECT title FROM drafts")] == ["Ny fil"]
    finally:
        conn.close()


def test_a_database_moved_away_is_not_made_anew(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    store = Store.open(db)
    store.create_draft(Draft(Metadata(title="Ett")))
    moved = tmp_path / "flyttad.db"
    os.replace(db, moved)
    with pytest.raises(StoreCameLooseError):
        store.save_draft(1, Draft(Metadata(title="Två")))
    store.close()
    assert not db.exists()  # no empty database in its place
    assert list(tmp_path.glob("b.db.loose-*-wal"))  # what was only in the log is kept


def test_a_symlinked_database_is_watched_at_its_target(tmp_path: Path) -> None:
    real = tmp_path / "riktig"
    real.mkdir()
    link = tmp_path / "länk.db"
    link.symlink_to(real / "b.db")
    with Store.open(link) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Ett")))
        assert Path(f"{real / 'b.db'}-wal").exists()  # SQLite names it after the target
        _drop_locks(real / "b.db")
        _beslut_list(real / "b.db")
        store.save_draft(draft_id, Draft(Metadata(title="Ett, via länken")))
        assert store.reconnections == 1
    assert _titles_seen_elsewhere(real / "b.db") == ["Ett, via länken"]


def test_a_write_that_came_loose_while_committing_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the files change between the start of a write and its commit, nobody can
    tell whether it landed: the store opens the files anew and says so."""
    db = tmp_path / "b.db"
    with Store.open(db) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Ett")))
        replaced = Loose("the log was replaced", database_gone=False)
        calls = iter([None, None, replaced])  # at the call, before writing, after commit
        real = FileWatch.loose
        monkeypatch.setattr(FileWatch, "loose", lambda self: next(calls, None) or real(self))
        with pytest.raises(StoreCameLooseError) as raised:
            store.save_draft(draft_id, Draft(Metadata(title="Två")))
        assert "Ett annat program ändrade databasfilen" in raised.value.user_message
        assert store.reconnections == 1
        monkeypatch.setattr(FileWatch, "loose", real)
        store.save_draft(draft_id, Draft(Metadata(title="Tre")))
    assert _titles_seen_elsewhere(db) == ["Tre"]


def test_closing_a_loose_store_leaves_another_writers_log_alone(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    store = Store.open(db)
    store.create_draft(Draft(Metadata(title="Ett")))
    _drop_locks(db)
    _beslut_list(db)
    _another_writer_commits(db)
    store.close()  # the user quits: no checkpoint of the orphaned log, no log deleted
    assert _titles_seen_elsewhere(db) == ["Ett", "Annan"]
