"""Writing a file so that a failure never leaves half a file or destroys the old version.

The data goes to a temporary file in the target's folder, is flushed to disk and then
moved over the target with ``os.replace``, which is atomic on the same volume on both
Windows and POSIX. Operating-system errors become ``WriteError`` subclasses with Swedish
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

from beslut.export.errors import (
    DiskFullError,
    FolderNotWritableError,
    TargetLockedError,
    WriteError,
)

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
TEMP_PREFIX = ".beslut-"
TEMP_SUFFIX = ".tmp"


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
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except FileNotFoundError as exc:
        raise FolderNotWritableError(
            f"Mappen {folder} finns inte. Välj en mapp som finns.", str(exc)
        ) from exc
    except OSError as exc:
        if exc.errno in _NO_SPACE:
            raise _write_error(exc, target) from exc
        raise FolderNotWritableError(
            f"Du kan inte spara i mappen {folder}. Mappen är skrivskyddad eller så saknar du "
            "behörighet. Välj en annan mapp.",
            str(exc),
        ) from exc
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
        raise WriteError(
            f"Det finns redan en mapp som heter {target.name}. Välj ett annat filnamn.", str(exc)
        ) from exc
    except PermissionError as exc:
        raise TargetLockedError(
            f"Filen {target.name} kan inte ersättas. Den är troligen öppen i Word eller ett "
            "annat program, eller skrivskyddad. Stäng filen och försök igen, eller spara "
            "under ett annat namn.",
            str(exc),
        ) from exc


def _write_error(exc: OSError, target: Path) -> WriteError:
    if exc.errno in _NO_SPACE:
        return DiskFullError(
            f"Disken är full, så {target.name} kunde inte sparas. Den tidigare versionen av "
            "filen är orörd. Frigör utrymme eller spara på en annan plats.",
            str(exc),
        )
    if exc.errno in _READ_ONLY:
        return FolderNotWritableError(
            f"Du kan inte spara i mappen {target.parent}. Välj en annan mapp.", str(exc)
        )
    return WriteError(f"Filen {target.name} kunde inte sparas: {exc.strerror or exc}.", str(exc))
