"""Tests for beslut.cli.backup: beslut backup list / restore, and the way back from damage."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.model import Draft, Metadata
from beslut.store import Store
from beslut.store.backups import backup_dir, list_backups, make_backup
from beslut.workflow.backups import size_text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _backed_up(db_path: Path, title: str = "Simskola") -> Path:
    with Store.open(db_path) as store:
        store.create_draft(Draft(Metadata(title=title)))
        return make_backup(store)


def test_list_says_when_there_are_none(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "list")
    assert code == 0
    assert out == f"Det finns inga säkerhetskopior i {backup_dir(db_path)}.\n"


def test_list_is_newest_first(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _backed_up(db_path)
    second = _backed_up(db_path, "Badhus")
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Säkerhetskopior i {backup_dir(db_path)}, den nyaste först:"
    assert [line.split()[-1] for line in lines[1:]] == [second.name, first.name]
    assert " kB " in lines[1]
    newest = list_backups(db_path)[0].created.astimezone()
    assert lines[1].split()[:2] == [f"{newest:%Y-%m-%d}", f"{newest:%H:%M:%S}"]


def test_restore_by_name_prints_what_it_kept(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backed_up(db_path, "Före")
    with Store.open(db_path) as store:
        store.save_draft(1, Draft(Metadata(title="Efter")))
    code, out, err = run(capsys, "--db", str(db_path), "backup", "restore", backup.name)
    assert code == 0, err
    kept = list_backups(db_path)[0].path
    assert out.splitlines() == [
        f"Databasen {db_path} är återställd från {backup}.",
        f"Den tidigare databasen är sparad som {kept}.",
    ]
    with Store.open(db_path) as store:
        assert store.load_draft(1).meta.title == "Före"
        assert store.draft_change(1) == 0


def test_restore_by_path(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = _backed_up(db_path)
    code, _, err = run(capsys, "--db", str(db_path), "backup", "restore", str(backup))
    assert code == 0, err


def test_restore_of_a_bad_file_is_bad_input(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _backed_up(db_path)
    bad = tmp_path / "inte-en-databas.db"
    bad.write_bytes(b"Detta ar ett Word-dokument." * 100)
    code, out, err = run(capsys, "--db", str(db_path), "backup", "restore", str(bad))
    assert (code, out) == (1, "")
    assert err.startswith(f"beslut: Filen {bad} är inte en säkerhetskopia")
    assert "backup restore" not in err  # no advice to restore: the database is fine
    code, _, err = run(capsys, "--db", str(db_path), "backup", "restore", "finns-inte.db")
    assert code == 1
    assert "finns inte" in err


def test_backup_needs_a_subcommand(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), "backup"])
    assert info.value.code == 2
    assert "följande argument krävs" in capsys.readouterr().err


@pytest.mark.parametrize("damage", ["random", "truncated"])
def test_a_damaged_database_names_the_newest_backup_and_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    db_path = tmp_path / "mapp med mellanslag" / "beslut.db"
    _backed_up(db_path, "Äldre")
    with Store.open(db_path) as store:
        for n in range(30):
            store.create_draft(Draft(Metadata(title=f"Utkast {n}"), decisions=("x" * 2000,)))
    newest = _backed_up(db_path, "Nyast")
    data = db_path.read_bytes()
    db_path.write_bytes(os.urandom(8192) if damage == "random" else data[: len(data) // 2])
    code, out, err = run(capsys, "--db", str(db_path), "list")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert "är inte en databas från beslut, eller så är den skadad" in lines[0]
    assert lines[1].startswith("beslut: Den senaste säkerhetskopian är från ")
    assert lines[1].endswith(f": {newest}")
    assert lines[2] == "Stäng beslut och återställ den med:"
    command = shlex.split(lines[3])
    assert command == ["beslut", "--db", str(db_path), "backup", "restore", str(newest)]
    code, _, err = run(capsys, *command[1:])  # the command as printed works
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db_path), "list")
    assert code == 0
    assert "Nyast" in out


def test_a_damaged_database_without_backups_just_says_so(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_bytes(os.urandom(4096))
    code, _, err = run(capsys, "--db", str(db_path), "list")
    assert code == 1
    assert len(err.splitlines()) == 1
    assert "skadad" in err


def test_sizes_read_as_swedish() -> None:
    assert [size_text(n) for n in (850, 12_345, 1_400_000)] == ["850 byte", "12 kB", "1,4 MB"]


def test_restore_refuses_while_beslut_has_the_database_open(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    from beslut.store.lock import InstanceLock, lock_database

    backup = _backed_up(db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    app = InstanceLock()  # what the running app holds
    assert lock_database(app, db_path)
    try:
        code, _, err = run(capsys, "--db", str(db_path), "backup", "restore", str(backup))
    finally:
        app.release()
    assert code == 1 and "öppen i beslut" in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    code, _, _ = run(capsys, "--db", str(db_path), "backup", "restore", str(backup))
    assert code == 0  # closed: the restore goes through


def test_create_makes_a_backup_now(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _backed_up(db_path)
    before = list_backups(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "backup", "create")
    assert code == 0, err
    after = list_backups(db_path)
    assert len(after) == len(before) + 1
    assert str(after[0].path) in out


def test_a_damaged_copy_is_not_restored(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _backed_up(db_path)
    damaged = backup_dir(db_path) / f"{db_path.stem}-20261130-100000-skadad.db"
    damaged.write_bytes(b"skadad " * 500)
    before = db_path.read_bytes()
    code, _out, err = run(capsys, "--db", str(db_path), "backup", "restore", damaged.name)
    assert code == 1
    assert "kan inte återställas" in err
    assert db_path.read_bytes() == before
