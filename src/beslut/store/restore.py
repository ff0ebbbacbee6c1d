"""Putting a backup back in place of the database, keeping the current file first (no Qt).

The backup is checked (a sound database from beslut, not from a newer version), the
current database is kept as a backup (a damaged one byte for byte as ``...-skadad.db``),
and the copy of the backup is moved into place in one step, after the database's -wal,
-shm and -journal have been moved aside (and back again, should the move fail). A
restore takes the database's writers lock alone first (store/writers.py), so it never
replaces the file under a process that is writing it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from beslut.i18n import _
from beslut.store import backups, errors
from beslut.store.ownfiles import SIDE_SUFFIXES
from beslut.store.versions import SCHEMA_VERSION

RESTORE_WAIT = 10.0  # seconds a restore waits for the writers before it gives up


def restore_backup(
    db_path: Path | str,
    backup: Path | str,
    *,
    wait: float = RESTORE_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> Path | None:
    """Replace the database ``db_path`` with the backup ``backup``.

    Takes the database's writers lock exclusively first (store/writers.py): it waits up
    to ``wait`` seconds for every process that has the database open to write (``on_wait``
    is called once when it has to wait), and refuses with BackupError when one still
    has it then, a running app for one; a Store of this process counts too. The backup
    is checked first (a sound database from beslut, not from a newer version); when it
    is not, BackupInvalidError is raised and nothing changes. Then the current database
    is kept as a backup (a file that is no sound database is kept byte for byte as
    ``...-skadad.db``), its -wal/-shm/-journal files are removed and the copy of the
    backup is moved into place in one step. Returns the kept copy of the old database,
    or None when there was no database file.
    """
    db_path, backup = Path(db_path).absolute(), Path(backup).absolute()
    if not backup.is_file():
        message = _("Säkerhetskopian {path} finns inte.").format(path=backup)
        raise errors.BackupInvalidError(message, f"{backup}: no such file")
    if db_path.exists() and os.path.samefile(backup, db_path):
        message = _("{path} är själva databasen, inte en säkerhetskopia.").format(path=backup)
        raise errors.BackupInvalidError(message, f"{backup} is the database itself")
    from beslut.store.writers import WritersLock

    writers = WritersLock(db_path)
    if not writers.acquire(exclusive=True, timeout=wait, on_wait=on_wait):
        message = _(
            "Databasen {path} används av beslut (ett fönster eller ett kommando som skriver). "
            "Stäng beslut och försök igen."
        )
        raise errors.BackupError(message.format(path=db_path), "writers lock is held")
    try:
        return _restore(db_path, backup)
    finally:
        writers.release()


def _restore(db_path: Path, backup: Path) -> Path | None:
    temp = backups.temp_copy(backup, db_path.parent)
    try:
        problem = backups.problem(temp, immutable=True)
        if problem is not None:
            message = _(
                "Filen {path} är inte en säkerhetskopia av en databas från beslut, eller så "
                "är den skadad. Ingenting har ändrats."
            ).format(path=backup)
            raise errors.BackupInvalidError(message, f"{backup}: {problem}")
        version = _user_version(temp)
        if version > SCHEMA_VERSION:
            raise errors.newer_version(backup, f"user_version {version} > {SCHEMA_VERSION}")
        kept = _keep_current(db_path)
        backups.copy_mode(db_path, temp)
        # A stale log would be applied to the restored file: the side files go, but only
        # once the restored file is in place (until then they belong to the old one).
        aside = _set_aside_side_files(db_path)
        try:
            _replace_when_let_go(temp, db_path)
        except OSError:
            for original, moved in aside:
                with contextlib.suppress(OSError):
                    os.replace(moved, original)
            raise
        for _original, moved in aside:
            with contextlib.suppress(OSError):
                moved.unlink()
    except OSError as exc:
        raise _restore_error(exc, db_path) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return kept


def _keep_current(db_path: Path) -> Path | None:
    """Keep the database about to be replaced as a backup; a damaged one byte for byte."""
    if not db_path.exists():
        return None
    if backups.problem(db_path, immutable=False) is None:

        def fill(conn: sqlite3.Connection) -> None:
            source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                source.backup(conn)
            finally:
                source.close()

        return backups.write_copy(db_path, fill)
    folder = backups.backup_dir(db_path)
    target = backups.free_name(folder, db_path, damaged=True)
    # A -wal or hot -journal file may hold what the damaged file lacks: keep them with it.
    for suffix in ("", "-wal", "-journal"):
        source = Path(f"{db_path}{suffix}")
        if source.is_file() and (not suffix or source.stat().st_size > 0):
            temp = backups.temp_copy(source, folder)
            try:
                backups.fsync(temp)
                backups.copy_mode(db_path, temp)
                os.replace(temp, f"{target}{suffix}")
            except OSError as exc:
                temp.unlink(missing_ok=True)
                raise backups.write_error(folder, exc) from exc
    return target


def _set_aside_side_files(db_path: Path) -> list[tuple[Path, Path]]:
    """Rename the database's -wal, -shm and -journal to temporary names beside it;
    (original, temporary) for each, to put back if the restore fails."""
    moved = []
    for suffix in SIDE_SUFFIXES[1:]:  # the files beside the database
        original = Path(f"{db_path}{suffix}")
        if not original.exists():
            continue
        temporary = original.with_name(f"{backups.TEMP_PREFIX}{original.name}{backups.TEMP_SUFFIX}")
        os.replace(original, temporary)
        moved.append((original, temporary))
    return moved


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return version


def _restore_error(exc: OSError, db_path: Path) -> errors.BackupError:
    if exc.errno in backups.NO_SPACE:
        message = _("Disken är full, så säkerhetskopian kunde inte återställas till {path}.")
        return errors.BackupError(message.format(path=db_path), str(exc))
    message = _(
        "Säkerhetskopian kunde inte återställas till {path}: {why}. Stäng beslut i alla "
        "fönster och kontrollera behörigheten till mappen."
    )
    return errors.BackupError(message.format(path=db_path, why=exc.strerror or exc), str(exc))


def _replace_when_let_go(source: Path, target: Path, seconds: float = 2.0) -> None:
    """os.replace, tried again for a moment while Windows says the file is in use: a
    writer that has just closed it (or a virus scanner looking at it) lets go of its
    handle a little later, and until then the file cannot be replaced."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            os.replace(source, target)
        except PermissionError:
            if sys.platform != "win32" or time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        else:
            return
