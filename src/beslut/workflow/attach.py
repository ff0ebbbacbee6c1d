"""Adding bilaga files to a draft: checked first, then stored in pieces (no Qt).

An empty file is refused with a message; a file larger than the limit in the settings
(25 MB unless changed) is asked about first; nothing is ever read whole into memory.
The app asks on the GUI thread and stores on its worker; the rules are the same for
every caller.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import _

if TYPE_CHECKING:
    from beslut.model.draft import Attachment
    from beslut.store import Store

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileCheck:
    """One file the user chose: its size, and why it cannot be added (None: it can)."""

    path: Path
    size: int
    problem: BeslutError | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class Added:
    """The bilagor made from files, and the files that could not be stored."""

    attachments: tuple[Attachment, ...]
    problems: tuple[BeslutError, ...] = ()


def check_files(paths: Iterable[Path]) -> list[FileCheck]:
    """Look at each file before anything is stored: readable, a file, not empty."""
    checks = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError as exc:
            checks.append(FileCheck(path, 0, _unreadable(path, exc)))
            continue
        if not path.is_file():
            message = _("{name} är ingen fil och kan inte bifogas.").format(name=path.name)
            checks.append(FileCheck(path, 0, BeslutError(message, f"{path}: not a file")))
        elif info.st_size == 0:
            message = _("Filen {name} är tom (0 byte) och bifogas inte.").format(name=path.name)
            checks.append(FileCheck(path, 0, BeslutError(message, f"{path}: empty")))
        else:
            checks.append(FileCheck(path, info.st_size))
    return checks


def too_large(checks: Iterable[FileCheck], limit_mb: int) -> list[FileCheck]:
    """The files that can be added but are over the size limit (asked about first)."""
    return [c for c in checks if c.ok and c.size > limit_mb * MB]


def large_files_question(large: list[FileCheck], limit_mb: int) -> str:
    """What to ask before adding files over the limit."""
    names = ", ".join(f"{c.path.name} ({c.size / MB:.0f} MB)" for c in large)
    return _(
        "Dessa filer är större än {limit} MB: {names}. Stora bilagor gör databasen och "
        "utskicket till nämnden tunga. Vill du bifoga dem ändå?"
    ).format(limit=limit_mb, names=names)


def store_files(store: Store, checks: Iterable[FileCheck]) -> Added:
    """Store the files that passed their checks (in pieces) and make a bilaga of each,
    titled by the file's name without its extension."""
    from beslut.model.draft import Attachment

    checks = list(checks)
    added: list[Attachment] = []
    problems: list[BeslutError] = [c.problem for c in checks if c.problem is not None]
    for check in checks:
        if not check.ok:
            continue
        try:
            ref = store.put_file_from(check.path)
        except OSError as exc:
            problems.append(_unreadable(check.path, exc))
        except BeslutError as exc:
            problems.append(exc)
        else:
            added.append(Attachment(check.path.stem, ref))
    return Added(tuple(added), tuple(problems))


def _unreadable(path: Path, exc: OSError) -> BeslutError:
    message = _("Filen {name} kunde inte läsas: {why}.").format(
        name=path.name, why=exc.strerror or exc
    )
    return BeslutError(message, f"{path}: {exc!r}")
