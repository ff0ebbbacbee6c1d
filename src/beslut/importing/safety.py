"""What a file to import really is, and refusing what beslut must not read (no Qt).

Every refusal is a clear Swedish message, given before any parsing that could take long
or much memory: an empty file, an old binary Word file (.doc), a password-protected
Word file, a file that is not what its name says, a zip whose parts unpack to more than
a limit (a zip bomb), XML with a document type declaration (entity expansion).
"""

from __future__ import annotations

import zipfile
from enum import StrEnum
from io import BytesIO
from pathlib import Path

from beslut.errors import BeslutError
from beslut.i18n import _

MAX_FILE = 50 * 1024 * 1024  # bytes: a TU is far smaller; a larger file is refused
MAX_UNPACKED = 100 * 1024 * 1024  # bytes the parts of a .docx may unpack to, in all
MAX_PART = 40 * 1024 * 1024  # bytes one part may unpack to
MAX_PARTS = 2000
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc and of encrypted .docx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class Kind(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TEXT = "txt"


class ImportRefused(BeslutError):
    """A file that cannot or must not be imported; the message says why, in Swedish."""


def refuse(path: Path, why: str, detail: str) -> ImportRefused:
    message = _("{name} kan inte importeras: {why}")
    return ImportRefused(message.format(name=path.name, why=why), f"{path}: {detail}")


def read_checked(path: Path) -> tuple[Kind, bytes]:
    """The file's kind and its bytes, or ImportRefused saying why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise refuse(path, _("filen är större än 50 MB."), f"{size} bytes")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise refuse(path, _("filen finns inte."), str(exc)) from exc
    except IsADirectoryError as exc:
        raise refuse(path, _("det är en mapp, inte en fil."), str(exc)) from exc
    except OSError as exc:
        why = _("filen kan inte läsas ({why}).").format(why=exc.strerror)
        raise refuse(path, why, str(exc)) from exc
    return kind_of(path, data), data


def kind_of(path: Path, data: bytes) -> Kind:
    """What ``data`` is, checked against the name's extension."""
    suffix = path.suffix.lower()
    if not data.strip():
        raise refuse(path, _("filen är tom."), "empty")
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            why = _("Word-filen är lösenordsskyddad. Ta bort lösenordet i Word och försök igen.")
            raise refuse(path, why, "encrypted OOXML")
        why = _("det är en äldre Word-fil (.doc). Öppna den i Word och spara som .docx.")
        raise refuse(path, why, "OLE2 (.doc)")
    if suffix == ".doc":
        raise refuse(path, _("beslut läser .docx, inte .doc. Spara som .docx i Word."), ".doc")
    found = (
        Kind.DOCX
        if data.startswith(b"PK\x03\x04")
        else Kind.PDF
        if data.lstrip()[:5] == b"%PDF-"
        else Kind.TEXT
    )
    expected = {".docx": Kind.DOCX, ".pdf": Kind.PDF, ".txt": Kind.TEXT}.get(suffix)
    if expected is None:
        why = _("beslut importerar .docx, .pdf och .txt.")
        raise refuse(path, why, f"suffix {suffix!r}")
    if found is not expected:
        names = {Kind.DOCX: "Word-fil (.docx)", Kind.PDF: "PDF-fil", Kind.TEXT: "textfil"}
        why = _("filen är inte en {kind} trots sitt namn.").format(kind=names[expected])
        raise refuse(path, why, f"content is {found}, name says {expected}")
    if found is Kind.TEXT:
        from beslut.importing.textdecode import decode_text

        decode_text(path, data)  # refuses binary data and unknown encodings now
    return found


def open_docx(path: Path, data: bytes) -> zipfile.ZipFile:
    """The .docx as a zip, after the checks against zip bombs."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise refuse(path, _("Word-filen är skadad."), repr(exc)) from exc
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_PARTS or total > MAX_UNPACKED:
        why = _("Word-filen packas upp till orimligt mycket data och läses inte.")
        raise refuse(path, why, f"{len(infos)} parts, {total} bytes unpacked")
    from beslut.importing.docx_parts import main_part  # it reads parts with read_part

    if main_part(path, archive) is None:  # most often word/document.xml
        raise refuse(path, _("filen är inte en Word-fil (.docx)."), "no main document part")
    return archive


def read_part(path: Path, archive: zipfile.ZipFile, name: str) -> bytes | None:
    """A part of the .docx, at most MAX_PART bytes however its header lies; None when the
    part is not there. XML with a document type declaration is refused."""
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_PART + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse(path, _("Word-filen är skadad."), f"{name}: {exc!r}") from exc
    if len(data) > MAX_PART:
        why = _("Word-filen packas upp till orimligt mycket data och läses inte.")
        raise refuse(path, why, f"{name} unpacks to more than {MAX_PART} bytes")
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        why = _("Word-filen innehåller XML-konstruktioner som beslut inte läser.")
        raise refuse(path, why, f"{name}: DTD or entity declaration")
    return data
