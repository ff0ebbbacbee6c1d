"""Import: an existing tjänsteutlåtande in Word (.docx), PDF or text becomes a draft with
its parts (no Qt).

``import_document`` reads a file (refusing what must not be read: see safety.py),
recognises its parts (recognize.py) and returns the draft with what was found, for the
app's preview and the command line; nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from beslut.doctypes.loader import DocType
from beslut.i18n import _
from beslut.importing.read import Document
from beslut.importing.recognize import (
    Found,
    guess_doctype,
    heading_names,
    known_names,
    normalise,
    recognise,
)
from beslut.importing.safety import ImportRefused, Kind, open_docx, read_checked
from beslut.model.draft import Draft
from beslut.model.limits import split_notice, within_limits

__all__ = [
    "ImportRefused",
    "Imported",
    "import_document",
    "read_document",
    "recognise_again",
    "recognise_read",
]


@dataclass(frozen=True)
class Imported:
    """A file made into a draft: the draft, what recognition found in it, and the
    document as read (to recognise it again as another type without reading it again)."""

    path: Path
    draft: Draft
    found: Found
    document: Document = field(compare=False, repr=False)


def read_document(path: Path, known: Callable[[str], bool] | None = None) -> Document:
    """The file's blocks as read, or ImportRefused (also for a file whose content trips
    the readers in a way nobody foresaw: it is refused, never a crash). In text and PDF a
    line for which ``known`` is true (a part's name) is a heading wherever it stands."""
    kind, data = read_checked(path)
    try:
        return _read(path, kind, data, known)
    except ImportRefused:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        from beslut.importing.safety import refuse

        why = _("innehållet kan inte läsas (filen är skadad eller av ett slag beslut inte läser).")
        raise refuse(path, why, repr(exc)) from exc


def _read(path: Path, kind: Kind, data: bytes, known: Callable[[str], bool] | None) -> Document:
    if kind is Kind.DOCX:
        from beslut.importing.docx import DocxReader

        with open_docx(path, data) as archive:
            return DocxReader(path, archive).document()
    if kind is Kind.PDF:
        from beslut.importing.pdf import read_pdf

        return read_pdf(path, data, known)
    from beslut.importing.facts import is_fact_line
    from beslut.importing.textdecode import decode_text
    from beslut.importing.textnotes import text_blocks

    blocks = text_blocks(decode_text(path, data), is_fact_line, known)
    return Document(blocks, from_text=True)


def import_document(
    path: Path, doctypes: Sequence[DocType], doctype: str | None = None
) -> Imported:
    """The draft in the file at ``path``, read as the document type ``doctype`` (by its
    key), else as the type its headings match best."""
    names = known_names(doctypes)
    headings = names | {normalise(name) for d in doctypes for name in heading_names(d)}
    document = read_document(path, lambda line: normalise(line) in headings)
    return _recognised(path, document, doctypes, doctype, names)


def recognise_read(
    path: Path, document: Document, doctypes: Sequence[DocType], doctype: str | None
) -> Imported:
    """A document already read (a reviewed .docx: docx_review.py) recognised as
    ``doctype`` (by its key), else as the type its headings match best."""
    return _recognised(path, document, doctypes, doctype, known_names(doctypes))


def recognise_again(item: Imported, doctypes: Sequence[DocType], doctype: str) -> Imported:
    """``item`` recognised as the document type ``doctype`` (by its key) from the
    document as read: the file is not read again."""
    return _recognised(item.path, item.document, doctypes, doctype, known_names(doctypes))


def _recognised(
    path: Path,
    document: Document,
    doctypes: Sequence[DocType],
    doctype: str | None,
    names: frozenset[str],
) -> Imported:
    chosen = next((d for d in doctypes if d.key == doctype), None)
    if chosen is None:
        chosen = guess_doctype(document, doctypes)
    draft, found = recognise(document, chosen, names)
    limited = within_limits(draft)  # a paragraph too long for the editor is split
    if limited is not draft:
        found.notices.append(split_notice())
    return Imported(path, limited, found, document)
