"""Import: an existing tjänsteutlåtande in Word (.docx), PDF or text becomes a draft with
its parts (no Qt).

``import_document`` reads a file (refusing what must not be read: see safety.py),
recognises its parts (recognize.py) and returns the draft with what was found, for the
app's preview and the command line; nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from beslut.doctypes.loader import DocType
from beslut.i18n import _
from beslut.importing.read import Document
from beslut.importing.recognize import Found, guess_doctype, known_names, recognise
from beslut.importing.safety import ImportRefused, Kind, decode_text, open_docx, read_checked
from beslut.model.draft import Draft

__all__ = ["ImportRefused", "Imported", "import_document", "read_document"]


@dataclass(frozen=True)
class Imported:
    """A file made into a draft: the draft, and what recognition found in it."""

    path: Path
    draft: Draft
    found: Found


def read_document(path: Path) -> Document:
    """The file's blocks as read, or ImportRefused (also for a file whose content trips
    the readers in a way nobody foresaw: it is refused, never a crash)."""
    kind, data = read_checked(path)
    try:
        return _read(path, kind, data)
    except ImportRefused:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        from beslut.importing.safety import refuse

        why = _("innehållet kan inte läsas (filen är skadad eller av ett slag beslut inte läser).")
        raise refuse(path, why, repr(exc)) from exc


def _read(path: Path, kind: Kind, data: bytes) -> Document:
    if kind is Kind.DOCX:
        from beslut.importing.docx import DocxReader

        with open_docx(path, data) as archive:
            return DocxReader(path, archive).document()
    if kind is Kind.PDF:
        from beslut.importing.pdf import read_pdf

        return read_pdf(path, data)
    from beslut.importing.facts import is_fact_line
    from beslut.importing.textnotes import text_blocks

    blocks = text_blocks(decode_text(path, data), is_fact_line)
    return Document(blocks, printed_numbers=True)


def import_document(
    path: Path, doctypes: Sequence[DocType], doctype: str | None = None
) -> Imported:
    """The draft in the file at ``path``, read as the document type ``doctype`` (by its
    key), else as the type its headings match best."""
    document = read_document(path)
    chosen = next((d for d in doctypes if d.key == doctype), None)
    if chosen is None:
        chosen = guess_doctype(document, doctypes)
    draft, found = recognise(document, chosen, known_names(doctypes))
    return Imported(path, draft, found)
