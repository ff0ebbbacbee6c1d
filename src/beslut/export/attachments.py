"""The bilaga files: fetched by content hash, checked, and copied next to the document."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath

from beslut.errors import NotFoundError
from beslut.export.errors import AttachmentFileError, WriteError
from beslut.export.filenames import attachment_filename, attachment_name_warning
from beslut.export.safe_write import write_bytes
from beslut.i18n import _
from beslut.model.draft import Draft

# Where file contents come from: a mapping sha256 -> bytes, or a function (the store's).
FileSource = Mapping[str, bytes] | Callable[[str], bytes]
_MAX_NUMBER = 1000  # "Bilaga 1 – Rapport (999).pdf" is the last numbered name tried


def attachment_files(draft: Draft, files: FileSource) -> list[tuple[str, bytes]]:
    """(file name, contents) of every bilaga that has a file, in bilaga order.

    Everything is fetched and checked before anything is written, so a missing file
    stops the export before it has touched the disk.
    """
    out = []
    for number, attachment in enumerate(draft.attachments, start=1):
        if attachment.file is None:
            continue
        data = _fetch(files, attachment.file.sha256, number, attachment.title)
        out.append((attachment_filename(number, attachment), data))
    return out


def attachment_warnings(draft: Draft) -> list[str]:
    """What to tell about bilagor whose names had to be made safe (filenames.py)."""
    warnings = (
        attachment_name_warning(number, attachment)
        for number, attachment in enumerate(draft.attachments, start=1)
        if attachment.file is not None
    )
    return [warning for warning in warnings if warning]


def existing_names(draft: Draft, folder: Path) -> list[str]:
    """The names of the bilaga files that already exist in ``folder`` (for the question)."""
    names = (
        attachment_filename(number, attachment)
        for number, attachment in enumerate(draft.attachments, start=1)
        if attachment.file is not None
    )
    return [name for name in names if _exists(folder / name)]


def write_attachments(
    items: list[tuple[str, bytes]],
    folder: Path,
    *,
    overwrite: bool = False,
    reserved: Iterable[str] = (),
    notices: list[str] | None = None,
) -> list[Path]:
    """Write the bilaga files into ``folder``; returns their paths.

    A file that already exists is replaced only with ``overwrite``; otherwise the bilaga
    gets a free numbered name ("Bilaga 1 – Rapport (2).pdf") and a notice is added to
    ``notices``. The names in ``reserved`` (the document just written) are never replaced.
    """
    taken = {_key(name) for name in reserved}
    written = []
    for name, data in items:
        target = folder / name
        if _key(name) in taken or (not overwrite and _exists(target)):
            target = _free_name(folder, name, taken)
            if notices is not None:
                message = _("{name} fanns redan, så bilagan sparades som {new}.")
                notices.append(message.format(name=name, new=target.name))
        taken.add(_key(target.name))
        written.append(write_bytes(target, data))
    return written


def _free_name(folder: Path, name: str, taken: set[str]) -> Path:
    stem, suffix = _split(name)
    for number in range(2, _MAX_NUMBER):
        candidate = folder / f"{stem} ({number}){suffix}"
        if _key(candidate.name) not in taken and not _exists(candidate):
            return candidate
    message = _("Det finns för många filer som heter {name} i mappen {folder}.")
    raise WriteError(message.format(name=name, folder=folder), f"{folder / name}: no free name")


def _split(name: str) -> tuple[str, str]:
    path = PurePath(name)
    return (path.stem, path.suffix) if path.suffix else (name, "")


def _key(name: str) -> str:
    """Names that Windows and macOS take for the same file compare equal."""
    return unicodedata.normalize("NFC", name).casefold()


def _exists(path: Path) -> bool:
    return os.path.lexists(path)


def _fetch(files: FileSource, sha256: str, number: int, title: str) -> bytes:
    try:
        data = files(sha256) if callable(files) else files[sha256]
    except (LookupError, OSError, NotFoundError) as exc:
        message = _("Filen till bilaga {number} (”{title}”) saknas, så bilagorna kan inte sparas.")
        raise AttachmentFileError(
            message.format(number=number, title=title), f"{sha256}: {exc!r}"
        ) from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        message = _(
            "Filen till bilaga {number} (”{title}”) är skadad: innehållet stämmer inte med "
            "den fil som lades till."
        )
        raise AttachmentFileError(message.format(number=number, title=title), sha256)
    return data
