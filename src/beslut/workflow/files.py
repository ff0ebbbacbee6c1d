"""Draft files (the JSON draft format, ``.beslut`` or ``.json``): reading one, and opening
one as a new draft in the store (no Qt).

The app opens a file given on its command line (a double-click on a ``.beslut`` file) and
the command line imports them; both read them here, so a file means the same to both.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError, DraftFormatError
from beslut.i18n import _

_CHUNK = 1024 * 1024

if TYPE_CHECKING:
    from typing import Any

    from beslut.model.draft import Draft
    from beslut.store import Store


def read_draft_file(path: Path, database: Path | None = None) -> tuple[Draft, dict[str, bytes]]:
    """The draft in the file at ``path`` and its bilaga files (sha256 -> bytes).

    Raises as read_draft_file_root does."""
    draft, files, _root = read_draft_file_root(path, database)
    return draft, files


def read_draft_file_root(
    path: Path, database: Path | None = None
) -> tuple[Draft, dict[str, bytes], dict[str, Any]]:
    """The draft in the file at ``path``, its bilaga files (sha256 -> bytes) and the
    file's top-level JSON object (a review copy's mark, workflow/review_copy.py).

    Raises BeslutError, naming the file, when it does not exist or cannot be read (or
    is one of the files of ``database``), and DraftFormatError when it is not a draft
    file beslut can read.
    """
    from beslut.model.jsonio import loads_with_root
    from beslut.model.jsonlimits import MAX_FILE_BYTES
    from beslut.store.ownfiles import refuse_database_file

    refuse_database_file(path, database)
    try:
        data = _read_at_most(path, MAX_FILE_BYTES)
    except DraftFormatError as exc:
        raise type(exc)(f"{path}: {exc.user_message}", exc.detail) from exc
    except FileNotFoundError as exc:
        message = _("Filen {path} finns inte.").format(path=path)
        raise BeslutError(message, f"{path}: {exc}") from exc
    except IsADirectoryError as exc:
        message = _("{path} är en mapp, inte en utkastfil.").format(path=path)
        raise BeslutError(message, f"{path}: {exc}") from exc
    except OSError as exc:
        if path.is_dir():  # Windows says "permission denied" for a folder
            message = _("{path} är en mapp, inte en utkastfil.").format(path=path)
            raise BeslutError(message, f"{path}: {exc}") from exc
        message = _("Filen {path} kan inte läsas: {why}.")
        raise BeslutError(message.format(path=path, why=exc.strerror), f"{path}: {exc}") from exc
    try:
        draft, files, root = loads_with_root(data)
    except DraftFormatError as exc:
        raise type(exc)(f"{path}: {exc.user_message}", exc.detail) from exc
    from beslut.model.limits import within_limits

    return within_limits(draft), files, root  # a paragraph too long for the editor is split


def _read_at_most(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; a file larger than ``limit`` is refused before it is read
    (or as soon as more is read, for a file that grows or a device without a size)."""
    from beslut.model.jsonlimits import check_size

    with path.open("rb") as stream:
        expected = os.fstat(stream.fileno()).st_size
        check_size(expected)
        data = bytearray(stream.read(expected + 1))  # read(n) would set aside n bytes first
        while len(data) <= limit:  # more than the size said: read on, in pieces
            more = stream.read(_CHUNK)
            if not more:
                break
            data += more
    check_size(len(data))
    return bytes(data)


def open_draft_file(store: Store, path: Path) -> int:
    """Store the draft in the file at ``path`` as a new draft, with the bilaga files it
    carries; returns the new draft's id.

    The file is read and checked whole first: a file that cannot be read or is not a
    draft file raises BeslutError (in Swedish, naming the file) and stores nothing.
    """
    from beslut.workflow.review_copy import remember

    draft, files, root = read_draft_file_root(path, store.path)
    draft_id = store.create_draft(draft, files)
    remember(store, draft_id, root, path)  # a review copy says so when it is open
    return draft_id
