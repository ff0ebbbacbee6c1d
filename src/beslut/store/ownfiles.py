"""The database's own files are never a bilaga, an import, an export target or a draft
file (no Qt).

Reading one of them in the process that has the database open would drop SQLite's
locks on POSIX (store/loose.py), and writing one would destroy the database. A path is
the database's when it names the database file or its -wal, -shm or -journal, by name or
as the same file through another name (a link); the check only looks at names and
``stat``, it never opens anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _

SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class OwnFileError(BeslutError):
    """A path names one of the database's own files."""


def database_files(db_path: Path | str) -> list[Path]:
    """The database file and the files SQLite keeps beside it."""
    return [Path(f"{db_path}{suffix}") for suffix in SIDE_SUFFIXES]


def is_database_file(path: Path | str, db_path: Path | str) -> bool:
    """Whether ``path`` is one of the files of the database ``db_path``."""
    target = Path(path).absolute()
    # SQLite names the side files after the file a symbolic link points to.
    names = {Path(db_path).absolute(), Path(os.path.realpath(db_path))}
    for own in (side for name in names for side in database_files(name)):
        if os.path.normcase(str(target)) == os.path.normcase(str(own)):
            return True
        try:
            if os.path.samestat(os.stat(target), os.stat(own)):
                return True
        except OSError:
            continue
    return False


def refuse_database_file(path: Path | str, db_path: Path | str | None) -> None:
    """Raise OwnFileError when ``path`` is one of the database's files."""
    if db_path is None or not is_database_file(path, db_path):
        return
    message = _(
        "{name} är en av filerna i beslut:s egen databas och kan inte bifogas, importeras, "
        "öppnas eller skrivas över. Välj en annan fil."
    ).format(name=Path(path).name)
    raise OwnFileError(message, f"{path} is a file of the database {db_path}")
