"""The kallelse and the protokollsutdrag from stored drafts, for the app and the command
line alike (no Qt): the drafts' own document types, the organisation's template folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.namnd.texts import Kallelse, Utdrag, kallelse, utdrag
from beslut.workflow.templates import resolve_doctype, template_source

if TYPE_CHECKING:
    from beslut.settings import Settings
    from beslut.store import Store


def kallelse_of(store: Store, ids: Sequence[int], settings: Settings) -> Kallelse:
    """The kallelse of the stored drafts ``ids``, in that order."""
    drafts = [store.load_draft(i) for i in ids]
    return kallelse([(d, resolve_doctype(d.meta.doctype, settings).doctype) for d in drafts])


def utdrag_of(store: Store, draft_id: int, settings: Settings) -> Utdrag:
    """The protokollsutdrag skeleton of the stored draft ``draft_id``."""
    draft = store.load_draft(draft_id)
    return utdrag(draft, resolve_doctype(draft.meta.doctype, settings).doctype)


def write_document(
    doc: Kallelse | Utdrag, target: Path, settings: Settings, database: Path | None = None
) -> Path:
    """``doc`` as .docx (in the organisation's styles) or, for a .txt target, as text;
    never over one of the files of ``database``."""
    from beslut.export.document import default_template
    from beslut.export.safe_write import write_bytes
    from beslut.namnd import docx, render
    from beslut.store.ownfiles import refuse_database_file

    refuse_database_file(target, database)

    if target.suffix.lower() == ".txt":
        text = render.kallelse_text(doc) if isinstance(doc, Kallelse) else render.utdrag_text(doc)
        return write_bytes(target, text.encode("utf-8"))
    source = template_source(settings)
    city = source.template or default_template()
    template, is_city = docx.namnd_template(source.folder, city)
    if isinstance(doc, Kallelse):
        paragraphs = docx.kallelse_paragraphs(doc)
    else:
        paragraphs = docx.utdrag_paragraphs(doc)
    return docx.write(paragraphs, target, template, is_city)
