"""Importing existing tjänsteutlåtanden (Word, PDF, text) as drafts, for the app and the
command line alike (no Qt): all files are read and recognised first, so a bad one means
that none is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import N_, _, ngettext
from beslut.importing import Imported, ImportRefused, import_document
from beslut.parts import part_label
from beslut.workflow.templates import available_doctypes

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.settings import Settings
    from beslut.store import Store

IMPORTABLE = (".docx", ".pdf", ".txt")  # what the open dialog and a drop accept


@dataclass(frozen=True)
class ReadFiles:
    """Every file read, or why each that failed did."""

    imported: tuple[Imported, ...]
    problems: tuple[str, ...]
    doctypes: tuple[DocType, ...]
    cancelled: bool = False  # stopped between files: what was read is not all


def read_files(
    paths: Sequence[Path],
    settings: Settings,
    doctype: str | None = None,
    *,
    database: Path | None = None,
    cancelled: Callable[[], bool] | None = None,
    reading: Callable[[int, Path], None] | None = None,
) -> ReadFiles:
    """Read and recognise ``paths`` with the organisation's document types; nothing is
    stored. ``doctype`` (a key) overrides the guess for every file; the files of
    ``database`` are refused unread.

    ``cancelled`` is asked before each file (a file being read is not interrupted): when
    true, reading stops and the result says so. ``reading(index, path)`` is told before
    each file is read (both are called on the thread that reads)."""
    from beslut.store.ownfiles import refuse_database_file

    types = available_doctypes(settings).types
    imported: list[Imported] = []
    problems: list[str] = []
    for index, path in enumerate(paths):
        if cancelled is not None and cancelled():
            return ReadFiles(tuple(imported), tuple(problems), types, cancelled=True)
        if reading is not None:
            reading(index, path)
        try:
            refuse_database_file(path, database)
            imported.append(import_document(path, types, doctype))
        except ImportRefused as exc:
            problems.append(exc.user_message)
        except BeslutError as exc:
            problems.append(f"{path.name}: {exc.user_message}")
    return ReadFiles(tuple(imported), tuple(problems), types)


def store_imported(store: Store, imported: Sequence[Imported]) -> list[int]:
    """Store each recognised draft as a new draft, all or none; their ids, in order."""
    return store.create_drafts((item.draft, None) for item in imported)


def summary(item: Imported, doctypes: Sequence[DocType], *, with_doctype: bool = True) -> list[str]:
    """What recognition found in one file, line by line, for the preview and the
    command line (Swedish: the command line always speaks Swedish); the document type
    first unless ``with_doctype`` is False (the app's preview shows it as a choice)."""
    found, draft = item.found, item.draft
    doctype = next((d for d in doctypes if d.key == found.doctype), None)
    named = doctype.name if doctype else found.doctype
    lines = [_("Dokumenttyp: {name}").format(name=named)] if with_doctype else []
    lines += [
        _("Ärendemening: {title}").format(title=draft.meta.title or "–"),
        _("Uppgifter: {facts}").format(
            facts=", ".join(_(_FACT_NAMES[f]) for f in found.facts) or "–"
        ),
        ngettext("{n} beslutspunkt", "{n} beslutspunkter", found.decisions).format(
            n=found.decisions
        ),
        ngettext("{n} underskrift", "{n} underskrifter", found.signatories).format(
            n=found.signatories
        ),
    ]
    for heading, key, count in found.parts:
        label = (
            part_label(key, None, doctype)
            if doctype and doctype.section(key)
            else _("eget avsnitt")
        )
        lines.append(
            ngettext(
                "”{heading}” → {part}: {n} stycke", "”{heading}” → {part}: {n} stycken", count
            ).format(heading=heading, part=label, n=count)
        )
    lines.append(
        ngettext("{n} bilaga", "{n} bilagor", found.attachments).format(n=found.attachments)
    )
    if found.plain:
        lines.append(
            ngettext(
                "{n} stycke kunde inte placeras och ligger under ”Övrig text”.",
                "{n} stycken kunde inte placeras och ligger under ”Övrig text”.",
                found.plain,
            ).format(n=found.plain)
        )
    lines.extend(found.notices)  # what the reader could not read, said by the reader
    return lines


_FACT_NAMES = {
    "dnr": N_("Dnr"),
    "date": N_("datum"),
    "namnd": N_("nämnd"),
    "meeting_date": N_("sammanträde"),
    "forvaltning": N_("förvaltning"),
    "avdelning": N_("avdelning"),
    "handlaggare": N_("handläggare"),
    "telefon": N_("telefon"),
    "epost": N_("e-post"),
}
