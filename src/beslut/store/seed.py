"""What a new database starts with: the example draft, so a newcomer sees the tool's use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from beslut.store.store import Store


def seed_example(store: Store) -> int:
    """Store the example tjänsteutlåtande with its bilaga files; returns its id."""
    from beslut.model.example import example_draft

    draft, files = example_draft()
    return store.create_draft(draft, files)
