"""The backups as the user handles them, from the app or the command line (no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.i18n import _
from beslut.store import errors
from beslut.store.backups import BackupInfo, backup_dir, list_backups, make_backup
from beslut.store.paths import check_path
from beslut.store.restore import restore_backup

if TYPE_CHECKING:
    from beslut.store.store import Store


def backups(db_path: Path | str) -> list[BackupInfo]:
    """The backups of the database ``db_path``, newest first (damaged copies marked)."""
    return list_backups(db_path)


def backup_now(store: Store) -> Path:
    """Back up the open ``store`` now (older backups are pruned); the new backup."""
    return make_backup(store)


def find_backup(db_path: Path | str, name: str) -> Path:
    """The backup ``name``: a path, or a bare file name as the list shows it."""
    source = Path(name).expanduser()
    if not source.exists() and source.name == name:
        source = backup_dir(db_path) / source
    return source


def restore(
    db_path: Path | str, backup: Path | str, on_wait: Callable[[], None] | None = None
) -> Path | None:
    """Put ``backup`` back as the database ``db_path``; the kept copy of the old database.

    The database must be closed (the caller holds beslut's lock on it); a restore waits
    a while for other processes that write it (``on_wait`` is called once when it has
    to). A damaged copy kept by an earlier restore is refused: it is kept to be looked
    at, not to be used.
    """
    check_path(Path(db_path))  # SQLite would wait forever on a FIFO, say
    backup = Path(backup)
    if any(b.damaged and b.path.name == backup.name for b in list_backups(db_path)):
        message = _(
            "{name} är en skadad databas som sparades som den var. Den kan inte återställas; "
            "välj en annan säkerhetskopia."
        ).format(name=backup.name)
        raise errors.BackupInvalidError(message, f"{backup}: a damaged copy")
    return restore_backup(db_path, backup, on_wait=on_wait)


def size_text(size: int) -> str:
    """A file size as a Swedish reader expects it: 850 byte, 12 kB, 1,4 MB."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
