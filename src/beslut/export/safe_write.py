"""Writing a file so that a failure never leaves half a file or destroys the old version.

The data goes to a temporary file in the target's folder, is flushed to disk and then
moved over the target with ``os.replace``, which is atomic on the same volume on both
Windows and POSIX. Operating-system errors become ``WriteError`` subclasses with
messages the user can act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from beslut.cancel import check as check_cancelled
from beslut.export.errors import (
    DiskFullError,
    FolderNotWritableError,
    TargetLockedError,
    WriteError,
)
from beslut.i18n import _
from beslut.tempfiles import EXPORT_PREFIX, EXPORT_SUFFIX, clean_export_folder, owned_prefix

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
TEMP_PREFIX = EXPORT_PREFIX
TEMP_SUFFIX = EXPORT_SUFFIX


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files a killed export left in ``folder`` (tempfiles.py)."""
    return clean_export_folder(folder)


def write_bytes(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` safely."""
    return write_with(target, lambda handle: handle.write(data))


def copy_file(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` safely."""

    def copy(handle: BinaryIO) -> None:
        with source.open("rb") as src:
            shutil.copyfileobj(src, handle)

    return write_with(target, copy)


def write_with(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Let ``write`` fill a temporary file, then move it over ``target`` in one step."""
    target = Path(target)
    temp = _create_temp(target)
    try:
        with temp.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        check_cancelled()  # the target is untouched until this point
        _set_mode(temp, target)
        _replace(temp, target)
    except OSError as exc:
        raise _write_error(exc, target) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def _create_temp(target: Path) -> Path:
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(
            prefix=owned_prefix(TEMP_PREFIX), suffix=TEMP_SUFFIX, dir=folder
        )
    except FileNotFoundError as exc:
        message = _("Mappen {folder} finns inte. Välj en mapp som finns.")
        raise FolderNotWritableError(message.format(folder=folder), str(exc)) from exc
    except OSError as exc:
        if exc.errno in _NO_SPACE:
            raise _write_error(exc, target) from exc
        message = _(
            "Du kan inte spara i mappen {folder}. Mappen är skrivskyddad eller så saknar du "
            "behörighet. Välj en annan mapp."
        )
        raise FolderNotWritableError(message.format(folder=folder), str(exc)) from exc
    os.close(fd)
    return Path(name)


def _set_mode(temp: Path, target: Path) -> None:
    """Keep the old file's permissions; a new file gets the usual rw-r--r--."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o644
    os.chmod(temp, mode)


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except IsADirectoryError as exc:
        raise _folder_in_the_way(target, exc) from exc
    except PermissionError as exc:
        if target.is_dir():  # Windows says PermissionError for a folder in the way
            raise _folder_in_the_way(target, exc) from exc
        message = _(
            "Filen {name} kan inte ersättas. Den är troligen öppen i Word eller ett "
            "annat program, eller skrivskyddad. Stäng filen och försök igen, eller spara "
            "under ett annat namn."
        )
        raise TargetLockedError(message.format(name=target.name), str(exc)) from exc


def _folder_in_the_way(target: Path, exc: OSError) -> WriteError:
    message = _("Det finns redan en mapp som heter {name}. Välj ett annat filnamn.")
    return WriteError(message.format(name=target.name), str(exc))


def _write_error(exc: OSError, target: Path) -> WriteError:
    if exc.errno in _NO_SPACE:
        message = _(
            "Disken är full, så {name} kunde inte sparas. Den tidigare versionen av "
            "filen är orörd. Frigör utrymme eller spara på en annan plats."
        )
        return DiskFullError(message.format(name=target.name), str(exc))
    if exc.errno in _READ_ONLY:
        message = _("Du kan inte spara i mappen {folder}. Välj en annan mapp.")
        return FolderNotWritableError(message.format(folder=target.parent), str(exc))
    message = _("Filen {name} kunde inte sparas: {why}.")
    return WriteError(message.format(name=target.name, why=exc.strerror or exc), str(exc))
