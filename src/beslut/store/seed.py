"""What a new database starts with: the example draft, so a newcomer sees the tool's use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from beslut import clock

if TYPE_CHECKING:
    from beslut.store.store import Store


def seed_example(store: Store, today: dt.date | None = None) -> int:
    """Store the example tjänsteutlåtande, dated ``today`` (the clock's date when None),
    with its bilaga files; returns its id."""
    from beslut.model.example import example_draft

    draft, files = example_draft(today or clock.today())
    return store.create_draft(draft, files)
