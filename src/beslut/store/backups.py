"""Automatic backups of the database in a folder beside it (no Qt; restore.py puts one back).

A backup is a consistent copy made through SQLite's backup API (so it works while the
store is open, in WAL mode too), checked with ``PRAGMA quick_check``, written under a
temporary name in the backup folder and moved into place with ``os.replace``: a
half-written or damaged copy never counts as a backup. Names carry the time in UTC,
``beslut-20261201-094512.db`` (``-2``, ``-3`` ... when that name is taken); which of them
are kept is retention's rule (the newest of each of the last days, a few of today). A
damaged database that a restore replaces is kept byte for byte as
``beslut-...-skadad.db``; such files are listed but never pruned or offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut import clock
from beslut.i18n import _
from beslut.store import errors, retention
from beslut.tempfiles import BACKUP_PREFIX, BACKUP_SUFFIX, owned_prefix

if TYPE_CHECKING:
    from beslut.store.store import Store

log = logging.getLogger(__name__)

FOLDER = "backups"
DAMAGED = "skadad"
_STAMP = "%Y%m%d-%H%M%S"
TEMP_PREFIX = BACKUP_PREFIX
TEMP_SUFFIX = BACKUP_SUFFIX
_STALE_TEMP_SECONDS = 24 * 3600
NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_ACCESS = {errno.EROFS, errno.EACCES, errno.EPERM}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup of a database."""

    path: Path
    created: dt.datetime  # aware: the time in the name (UTC), else the file's mtime
    size: int
    damaged: bool = False  # a damaged database kept as it was: not pruned, not offered


def backup_dir(db_path: Path | str) -> Path:
    """The folder that holds the backups of the database ``db_path``: ``backups`` beside it."""
    return Path(db_path).absolute().parent / FOLDER


def make_backup(store: Store) -> Path:
    """Back up the open ``store`` now, then prune the older backups (retention's rule).

    Returns the new backup's path. Raises a StoreError (BackupError when the folder
    cannot be written, StoreCorruptError when the database turns out damaged; the
    earlier backups are then left as they are).
    """
    target = write_copy(store.path, store.backup_into)
    prune(store.path)
    return target


def daily_backup(store: Store) -> Path | None:
    """Back up ``store`` unless a backup was made today (local date); the new path or None."""
    today = clock.today()
    for backup in list_backups(store.path):
        if not backup.damaged and backup.created.astimezone().date() == today:
            return None
    return make_backup(store)


def list_backups(db_path: Path | str) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    return [info for _key, info in _scan(Path(db_path))]


def newest_backup(db_path: Path | str) -> BackupInfo | None:
    """The newest backup that can be restored over ``db_path`` (say, a damaged one), or None.

    Never raises: it is asked while another failure is being reported.
    """
    try:
        backups = list_backups(db_path)
    except errors.StoreError as exc:
        log.warning("cannot list the backups of %s: %s", db_path, exc)
        return None
    return next((b for b in backups if not b.damaged), None)


def prune(db_path: Path | str) -> list[Path]:
    """Delete the backups retention does not keep (and stale temporary files); the deleted.

    Today is the local date of beslut's clock. Damaged copies are never deleted.
    """
    db_path = Path(db_path)
    removed = []
    backups = list_backups(db_path)
    keep = retention.to_keep(backups, clock.today())
    for info in [b for b in backups if b.path not in keep]:
        try:
            info.path.unlink()
        except OSError as exc:
            log.warning("cannot delete the old backup %s: %s", info.path, exc)
        else:
            removed.append(info.path)
    with contextlib.suppress(OSError):
        for temp in backup_dir(db_path).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            if clock.now().timestamp() - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
                temp.unlink()
    return removed


# --- writing a backup -------------------------------------------------------------------


def write_copy(db_path: Path, fill: Callable[[sqlite3.Connection], None]) -> Path:
    """Let ``fill`` copy the database into a new SQLite file; move it in as a backup."""
    folder = backup_dir(db_path)
    temp = new_temp(folder)
    try:
        conn = sqlite3.connect(temp)
        try:
            fill(conn)
            conn.execute("PRAGMA journal_mode = DELETE")  # self-contained: no -wal beside it
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
        if check != "ok":
            raise _damaged_database(db_path, f"quick_check of the copy: {check}")
        fsync(temp)
        copy_mode(db_path, temp)  # as readable as the database itself, no more
        target = free_name(folder, db_path, damaged=False)
        os.replace(temp, target)
    except OSError as exc:
        raise write_error(folder, exc) from exc
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, db_path, folder) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    log.info("backed up %s to %s", db_path, target)
    return target


def new_temp(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        prefix = owned_prefix(TEMP_PREFIX)  # tempfiles.py: the next start knows its owner
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise write_error(folder, exc) from exc
    os.close(fd)
    return Path(name)


def temp_copy(source: Path, folder: Path) -> Path:
    """A byte copy of ``source`` under a temporary name in ``folder``."""
    temp = new_temp(folder)
    try:
        shutil.copyfile(source, temp)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.filename != str(source):
            raise write_error(folder, exc) from exc
        message = _("Filen {path} kan inte läsas: {why}.")
        raise errors.BackupError(message.format(path=source, why=exc.strerror), str(exc)) from exc
    return temp


def free_name(folder: Path, db_path: Path, *, damaged: bool) -> Path:
    """A new name for this second, numbered past the highest taken: it sorts last."""
    stamp = clock.now().strftime(_STAMP)
    tail = f"-{DAMAGED}.db" if damaged else ".db"
    taken = re.compile(rf"{re.escape(db_path.stem)}-{stamp}(?:-(\d+))?(?:-{DAMAGED})?\.db")
    try:
        names = os.listdir(folder)
    except OSError:
        names = []
    used = [int(match[1] or 1) for name in names if (match := taken.fullmatch(name))]
    counter = max(used, default=0) + 1
    number = f"-{counter}" if counter > 1 else ""
    return folder / f"{db_path.stem}-{stamp}{number}{tail}"


def fsync(path: Path) -> None:
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def copy_mode(original: Path, new: Path) -> None:
    """Keep the old file's permissions; a new file gets the usual rw-r--r--."""
    try:
        mode = stat.S_IMODE(original.stat().st_mode)
    except OSError:
        mode = 0o644
    os.chmod(new, mode)


# --- reading backups ----------------------------------------------------------------------


def _scan(db_path: Path) -> list[tuple[tuple[dt.datetime, int], BackupInfo]]:
    folder = backup_dir(db_path)
    pattern = re.compile(
        rf"{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?(-{DAMAGED})?\.db"
    )
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        message = _("Mappen med säkerhetskopior, {folder}, kan inte läsas: {why}.")
        raise errors.BackupError(message.format(folder=folder, why=exc.strerror), str(exc)) from exc
    found = []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        try:
            created = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
        except ValueError:  # a name that only looks like ours
            created = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)
        key = (created, int(match[2] or 1))
        found.append((key, BackupInfo(Path(entry.path), created, info.st_size, bool(match[3]))))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


def problem(path: Path, *, immutable: bool) -> str | None:
    """Why ``path`` is no sound beslut database (for the log), or None when it is one.

    ``immutable`` reads the file alone, creating nothing beside it; without it a -wal
    file beside it is read too.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            drafts = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drafts'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"{exc} ({getattr(exc, 'sqlite_errorname', '?')})"
    if check != "ok":
        return f"integrity_check: {check}"
    return None if drafts else "no drafts table"


# --- errors ---------------------------------------------------------------------------------


def write_error(
    folder: Path, exc: OSError | None = None, *, code: int | None = None, why: str = ""
) -> errors.BackupError:
    """Why nothing could be written to the backup folder (from ``exc`` or code and why)."""
    if exc is not None:
        code, why = exc.errno, exc.strerror or str(exc)
    detail = f"{folder}: {exc if exc is not None else why}"
    if code in NO_SPACE:
        message = _(
            "Disken är full, så ingen säkerhetskopia kunde sparas i {folder}. Databasen är "
            "oförändrad."
        )
        return errors.BackupError(message.format(folder=folder), detail)
    if code in _NO_ACCESS:
        message = _(
            "Säkerhetskopian kan inte sparas i mappen {folder}: mappen är skrivskyddad eller "
            "så saknar du behörighet."
        )
        return errors.BackupError(message.format(folder=folder), detail)
    message = _("Säkerhetskopian kunde inte sparas i mappen {folder}: {why}.")
    return errors.BackupError(message.format(folder=folder, why=why), detail)


def _sqlite_error(exc: sqlite3.Error, db_path: Path, folder: Path) -> errors.StoreError:
    """A failure of the backup API: reading the database, or writing the copy."""
    typed = errors.translate(exc, db_path)
    if isinstance(typed, errors.StoreCorruptError):
        return _damaged_database(db_path, str(exc))
    if isinstance(typed, errors.StoreLockedError):
        return typed
    full = isinstance(typed, errors.StoreFullError)
    why = f"{exc} ({getattr(exc, 'sqlite_errorname', '?')})"
    return write_error(folder, code=errno.ENOSPC if full else None, why=why)


def _damaged_database(db_path: Path, detail: str) -> errors.StoreCorruptError:
    message = _(
        "Databasen {path} verkar vara skadad, så ingen ny säkerhetskopia gjordes. De "
        "tidigare säkerhetskopiorna finns kvar."
    )
    return errors.StoreCorruptError(message.format(path=db_path), f"{db_path}: {detail}")
