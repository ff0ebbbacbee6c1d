"""Writing files safely: a temporary file in the target folder, then a rename into place."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _


class FileWriteError(BeslutError):
    """A file could not be written; the previous version, if any, is untouched."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a failure never leaves a half-written file."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise write_error(path, exc) from exc


def write_error(path: Path, exc: OSError) -> FileWriteError:
    """A message for the user on why ``path`` could not be written."""
    detail = f"{path}: {exc}"
    if exc.errno == errno.ENOSPC:
        text = _("Disken är full, så {name} kunde inte sparas. Frigör utrymme och försök igen.")
    elif exc.errno == errno.ENOENT:
        text = _("Mappen {folder} finns inte. Välj en annan plats.")
    elif isinstance(exc, PermissionError) and path.exists():
        text = _(
            "{name} kunde inte skrivas över. Filen är kanske öppen i Word eller ett annat "
            "program: stäng den och försök igen. Den tidigare filen är oförändrad."
        )
    elif isinstance(exc, PermissionError):
        text = _("Du har inte behörighet att spara i mappen {folder}. Välj en annan plats.")
    else:
        text = _("{name} kunde inte sparas: {why}.")
    message = text.format(name=path.name, folder=path.parent, why=exc.strerror or exc)
    return FileWriteError(message, detail)
