"""The bilaga files: fetched by content hash, checked, and copied next to the document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path

from beslut.errors import NotFoundError
from beslut.export.errors import AttachmentFileError
from beslut.export.filenames import attachment_filename
from beslut.export.safe_write import write_bytes
from beslut.i18n import _
from beslut.model.draft import Draft

# Where file contents come from: a mapping sha256 -> bytes, or a function (the store's).
FileSource = Mapping[str, bytes] | Callable[[str], bytes]


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


def write_attachments(items: list[tuple[str, bytes]], folder: Path) -> list[Path]:
    """Write the bilaga files into ``folder``; returns their paths."""
    return [write_bytes(folder / name, data) for name, data in items]


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
