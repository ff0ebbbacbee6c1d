"""Making drafts from drafts: a duplicate reuses the stored bilaga files (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from beslut.store import Store


def duplicate_draft(store: Store, draft_id: int) -> int:
    """Store a copy of draft ``draft_id`` ("Kopia av ...", status utkast); returns its id.

    The bilaga files are stored by their content, so the copy points at the same files:
    none is read or hashed again.
    """
    from beslut.model.draft import copy_of

    return store.create_draft(copy_of(store.load_draft(draft_id)))
