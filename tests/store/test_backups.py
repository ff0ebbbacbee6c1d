"""Tests for beslut.store.backups: consistent copies, pruning, daily backups, restoring."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.today import TODAY

from beslut import clock
from beslut.model import Draft, Metadata
from beslut.store import (
    BackupError,
    BackupInvalidError,
    Store,
    StoreCorruptError,
    StoreError,
    StoreNewerVersionError,
)
from beslut.store.backups import (
    backup_dir,
    daily_backup,
    list_backups,
    make_backup,
    newest_backup,
)
from beslut.store.restore import restore_backup
from beslut.store.versions import SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(path: Path, *, immutable: bool = True) -> list[str]:
    """The draft titles in a database file, read without changing anything beside it."""
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM drafts ORDER BY id")]
    finally:
        conn.close()


def _database(path: Path, *titles: str) -> None:
    with Store.open(path) as store:
        for title in titles:
            store.create_draft(Draft(Metadata(title=title)))


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_backup_of_an_open_database_holds_what_is_only_in_the_log(db_path: Path) -> None:
    _database(db_path)
    with Store.open(db_path) as store:
        store._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the writes in the -wal
        store.create_draft(Draft(Metadata(title="Bara i loggen")))
        assert _titles(db_path) == []  # the database file alone does not have it yet
        backup = make_backup(store)
        assert store.list_drafts()[0].title == "Bara i loggen"  # the store is still open
    assert backup.parent == backup_dir(db_path) == db_path.parent / "backups"
    assert _titles(backup) == ["Bara i loggen"]
    assert backup.read_bytes()[18:20] == b"\x01\x01"  # a rollback journal: no -wal needed
    assert os.listdir(backup.parent) == [backup.name]  # no temporary file left
    name = backup.name
    assert name.startswith("test-") and name.endswith(".db")
    created = dt.datetime.strptime(name[5:20], "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
    assert abs(clock.now() - created) < dt.timedelta(minutes=1)
    assert created.astimezone().date() == TODAY


def test_a_read_only_database_can_be_backed_up(db_path: Path) -> None:
    _database(db_path, "Skrivskyddad")
    before = _digest(db_path)
    with Store.open(db_path, read_only=True) as store:
        backup = make_backup(store)
    assert _titles(backup) == ["Skrivskyddad"]
    assert _digest(db_path) == before


def test_of_one_day_only_the_newest_three_are_kept(db_path: Path) -> None:
    _database(db_path, "Simskola")
    folder = backup_dir(db_path)
    folder.mkdir()
    (folder / "anteckningar.txt").write_text("egen fil", encoding="utf-8")
    with Store.open(db_path) as store:
        made = [make_backup(store) for _ in range(10)]
    backups = list_backups(db_path)
    assert [b.path for b in backups] == made[::-1][:3]
    kept = [p.name for p in made[-3:]]
    assert sorted(os.listdir(folder)) == sorted([*kept, "anteckningar.txt"])


def test_backups_are_listed_newest_first_with_time_and_size(db_path: Path) -> None:
    _database(db_path, "Simskola")
    with Store.open(db_path) as store:
        made = make_backup(store)
    folder = backup_dir(db_path)
    shutil.copy(made, folder / "test-20200101-120000.db")
    shutil.copy(made, folder / "test-20200101-120000-2.db")
    shutil.copy(made, folder / "test-20201399-120000.db")  # not a time: the file's mtime
    shutil.copy(made, folder / "annan-20200101-120000.db")  # another database's backup
    backups = list_backups(db_path)
    names = [b.path.name for b in backups]
    assert names[2:] == ["test-20200101-120000-2.db", "test-20200101-120000.db"]
    assert set(names[:2]) == {made.name, "test-20201399-120000.db"}
    old = backups[-1]
    assert old.created == dt.datetime(2020, 1, 1, 12, tzinfo=dt.UTC)
    assert old.size == made.stat().st_size > 0
    assert all(b.created.tzinfo is not None and not b.damaged for b in backups)
    assert newest_backup(db_path) == backups[0]


def test_daily_backup_makes_one_a_day(db_path: Path) -> None:
    _database(db_path, "Simskola")
    with Store.open(db_path) as store:
        first = daily_backup(store)
        assert first is not None
        assert daily_backup(store) is None
        assert [b.path for b in list_backups(db_path)] == [first]
        # Only a backup from yesterday: today's is made.
        yesterday = (clock.now() - dt.timedelta(days=1)).astimezone(dt.UTC)
        old = first.with_name(f"test-{yesterday:%Y%m%d-%H%M%S}.db")
        first.rename(old)
        second = daily_backup(store)
    assert second is not None and second != old
    assert [b.path for b in list_backups(db_path)] == [second, old]


def test_a_backup_that_cannot_be_written_is_a_store_error(db_path: Path) -> None:
    _database(db_path, "Simskola")
    backup_dir(db_path).write_text("en fil där mappen skulle vara", encoding="utf-8")
    with Store.open(db_path) as store, pytest.raises(BackupError) as info:
        make_backup(store)
    assert isinstance(info.value, StoreError)
    assert info.value.user_message.startswith("Säkerhetskopian kunde inte sparas i mappen")
    assert str(backup_dir(db_path)) in info.value.user_message


def test_a_damaged_database_makes_no_backup_and_keeps_the_old_ones(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.create_draft(Draft(Metadata(title="Simskola")))
        good = make_backup(store)
        page = store._conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_settings_1'"
        ).fetchone()[0]
        size = store._conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    data[(page - 1) * size : page * size] = b"\xff" * size  # an index the store rarely reads
    db_path.write_bytes(bytes(data))
    # Opening checks the file, but on a large one that check may be cut short.
    monkeypatch.setattr("beslut.store.connect.damage", lambda *args, **kwargs: None)
    with Store.open(db_path) as store:
        assert store.list_drafts()[0].title == "Simskola"  # it opens, but is damaged
        with pytest.raises(StoreCorruptError) as info:
            make_backup(store)
    assert "verkar vara skadad" in info.value.user_message
    assert os.listdir(backup_dir(db_path)) == [good.name]


# --- restoring ------------------------------------------------------------------------------


def test_restore_round_trip(db_path: Path) -> None:
    _database(db_path, "Före")
    with Store.open(db_path) as store:
        backup = make_backup(store)
        store.save_draft(1, Draft(Metadata(title="Efter")))
    db_path.chmod(0o640)
    Path(f"{db_path}-shm").write_bytes(b"kvar efter en krasch")
    kept = restore_backup(db_path, backup)
    assert kept is not None and kept.parent == backup_dir(db_path)
    assert not kept.name.endswith("-skadad.db")
    assert _titles(kept) == ["Efter"]
    assert not Path(f"{db_path}-shm").exists() and not Path(f"{db_path}-wal").exists()
    if os.name == "posix":  # Windows has no mode bits to keep
        assert db_path.stat().st_mode & 0o777 == 0o640
    with Store.open(db_path) as store:
        assert [d.title for d in store.list_drafts()] == ["Före"]
        assert store.load_draft_and_change(1)[1] == 0
    assert backup.exists()  # the backup itself stays
    assert {b.path for b in list_backups(db_path)} == {backup, kept}
    # And back again: the kept copy is a backup like any other.
    assert restore_backup(db_path, kept) is not None
    assert _titles(db_path, immutable=False) == ["Efter"]


def _truncated(path: Path, source: Path) -> None:
    path.write_bytes(source.read_bytes()[: source.stat().st_size // 2])


def _without_drafts(path: Path, _source: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.close()


def _random(path: Path, _source: Path) -> None:
    path.write_bytes(os.urandom(8192))


@pytest.mark.parametrize(
    "make",
    [_random, _truncated, _without_drafts, lambda path, _s: path.write_bytes(b"")],
    ids=["random-bytes", "truncated", "no-drafts-table", "empty"],
)
def test_restore_refuses_what_is_no_beslut_database(tmp_path: Path, make: object) -> None:
    db_path = tmp_path / "db" / "beslut.db"
    db_path.parent.mkdir()
    for n in range(30):
        _database(db_path, f"Utkast {n}")
    with Store.open(db_path) as store:
        good = make_backup(store)
    bad = tmp_path / "bad.db"
    assert callable(make)
    make(bad, good)
    before, listing = _digest(db_path), _listing(db_path.parent)
    with pytest.raises(BackupInvalidError) as info:
        restore_backup(db_path, bad)
    assert "Ingenting har ändrats" in info.value.user_message
    assert isinstance(info.value, StoreCorruptError)
    assert _digest(db_path) == before
    assert _listing(db_path.parent) == listing


def test_restore_refuses_a_backup_from_a_newer_beslut(db_path: Path, tmp_path: Path) -> None:
    _database(db_path, "Nu")
    newer = tmp_path / "nyare.db"
    _database(newer, "Sen")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(StoreNewerVersionError):
        restore_backup(db_path, newer)
    assert _digest(db_path) == before
    assert not backup_dir(db_path).exists()


def test_restore_refuses_a_missing_file_and_the_database_itself(db_path: Path) -> None:
    _database(db_path, "Nu")
    with pytest.raises(BackupInvalidError) as info:
        restore_backup(db_path, db_path.with_name("finns-inte.db"))
    assert info.value.user_message.endswith("finns inte.")
    with pytest.raises(BackupInvalidError):
        restore_backup(db_path, db_path)


def test_restore_over_a_damaged_file_keeps_its_bytes(db_path: Path) -> None:
    _database(db_path, "Simskola")
    with Store.open(db_path) as store:
        good = make_backup(store)
    damaged = os.urandom(5000)
    db_path.write_bytes(damaged)
    Path(f"{db_path}-wal").write_bytes(b"loggen till den skadade filen")
    with pytest.raises(StoreCorruptError):
        Store.open(db_path)
    assert newest_backup(db_path) == list_backups(db_path)[0]
    kept = restore_backup(db_path, good)
    assert kept is not None and kept.name.endswith("-skadad.db")
    assert kept.read_bytes() == damaged
    assert Path(f"{kept}-wal").read_bytes() == b"loggen till den skadade filen"
    assert _titles(db_path, immutable=False) == ["Simskola"]
    backups = list_backups(db_path)
    assert [b.damaged for b in backups] == [True, False]
    assert newest_backup(db_path) is not None and newest_backup(db_path) == backups[1]
    with Store.open(db_path) as store:  # a damaged copy is never pruned
        for _ in range(8):
            make_backup(store)
    assert kept.exists()


def test_restore_where_there_is_no_database_yet(tmp_path: Path, db_path: Path) -> None:
    _database(db_path, "Simskola")
    with Store.open(db_path) as store:
        backup = make_backup(store)
    elsewhere = tmp_path / "ny" / "beslut.db"
    assert restore_backup(elsewhere, backup) is None
    assert _titles(elsewhere, immutable=False) == ["Simskola"]


def test_a_failed_restore_leaves_the_databases_log_where_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the restored file cannot be moved into place (Windows, a file held open), the
    -wal that holds the database's last commits is put back, not lost."""
    _database(db_path, "Före")
    with Store.open(db_path) as store:
        backup = make_backup(store)
    wal = Path(f"{db_path}-wal")
    wal.write_bytes(b"the last commits")
    real_replace = os.replace

    def refuse_the_database(src: object, dst: object) -> None:
        if Path(str(dst)) == db_path:
            raise PermissionError(13, "Access is denied", str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", refuse_the_database)
    with pytest.raises(BackupError):
        restore_backup(db_path, backup)
    assert wal.read_bytes() == b"the last commits"
