"""Making drafts for the user (no Qt): a new draft of a document type with the user's
details, a duplicate that reuses the stored bilaga files, the title of a conflict copy."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from beslut import clock

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.store import Store


def duplicate_draft(store: Store, draft_id: int) -> int:
    """Store a copy of draft ``draft_id`` ("Kopia av ...", status utkast); returns its id.

    The bilaga files are stored by their content, so the copy points at the same files:
    none is read or hashed again.
    """
    from beslut.model.draft import copy_of

    return store.create_draft(copy_of(store.load_draft(draft_id)))


def new_draft(doctype: DocType, settings: Settings, today: dt.date | None = None) -> Draft:
    """An empty draft of ``doctype`` with the user's own details filled in.

    Dated ``today`` (the current date when None), with the document type's sections in
    its order, their headings set and their text empty.
    """
    from beslut.model.draft import Draft, Metadata, Person, Section  # with the first draft

    return Draft(
        meta=Metadata(
            doctype=doctype.key,
            date=today or clock.today(),
            forvaltning=settings.forvaltning,
            avdelning=settings.avdelning,
            handlaggare=Person(settings.name, settings.telefon, settings.epost),
        ),
        sections=tuple(Section(s.key, s.heading) for s in doctype.sections),
    )


def conflict_title(title: str) -> str:
    """The title of the copy that keeps a user's text when another window changed the
    draft underneath (document text: Swedish whatever language the user reads)."""
    return f"{title} (din version)" if title else "Din version"
