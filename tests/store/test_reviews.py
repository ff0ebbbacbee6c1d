"""Tests for pending reviews in the store: kept per draft, read back from a fresh Store."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.errors import NotFoundError
from beslut.model import Draft, Metadata
from beslut.store import Store


def test_a_pending_review_is_kept_replaced_and_cleared(db_path: Path) -> None:
    with Store.open(db_path) as store:
        draft_id = store.create_draft(Draft(Metadata(title="Simskola")))
        assert store.get_review(draft_id) is None
        store.put_review(draft_id, Draft(Metadata(title="Simskola 1")), "Åsa", "[]")
        store.put_review(draft_id, Draft(Metadata(title="Simskola 2")), "Bo", '[["x"]]')
    with Store.open(db_path) as store:
        review = store.get_review(draft_id)
        assert review is not None
        assert (review.received.meta.title, review.reviewer, review.spans) == (
            "Simskola 2",
            "Bo",
            '[["x"]]',
        )
        store.update_review(draft_id, Draft(Metadata(title="Simskola 3")), "[]")
    with Store.open(db_path) as store:
        review = store.get_review(draft_id)
        assert review is not None and review.received.meta.title == "Simskola 3"
        store.clear_review(draft_id)
    with Store.open(db_path) as store:
        assert store.get_review(draft_id) is None
        assert store.load_draft(draft_id).meta.title == "Simskola"
        with pytest.raises(NotFoundError):
            store.put_review(99, Draft(), "Åsa", "[]")
