"""Received reviews waiting to be worked in change by change, one per draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from beslut.errors import NotFoundError
from beslut.i18n import _
from beslut.store.connection import guarded, now
from beslut.store.words import PersonalWords

if TYPE_CHECKING:
    from beslut.model.draft import Draft


@dataclass(frozen=True, slots=True)
class StoredReview:
    """A pending review as stored: the received draft, its reviewer, the authored
    spans as JSON text (beslut.review reads them) and when it came."""

    received: Draft
    reviewer: str
    spans: str
    created: str


class PendingReviews(PersonalWords):
    """The pending review of each draft (at most one)."""

    @guarded
    def put_review(self, draft_id: int, received: Draft, reviewer: str, spans: str) -> None:
        """Keep ``received`` as draft ``draft_id``'s pending review (replacing any)."""
        from beslut.model.jsonio import body_json

        body = body_json(received)
        with self._atomic():
            if self._conn.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone():
                self._conn.execute(
                    "INSERT OR REPLACE INTO reviews (draft_id, body, reviewer, spans, created) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (draft_id, body, reviewer, spans, now()),
                )
                return
        message = _("Utkastet {id} finns inte.").format(id=draft_id)
        raise NotFoundError(message, f"draft {draft_id} not found")

    @guarded
    def get_review(self, draft_id: int) -> StoredReview | None:
        """Draft ``draft_id``'s pending review, or None."""
        import json

        from beslut.model.jsonio import draft_from_dict

        row = self._conn.execute(
            "SELECT body, reviewer, spans, created FROM reviews WHERE draft_id = ?", (draft_id,)
        ).fetchone()
        if row is None:
            return None
        return StoredReview(draft_from_dict(json.loads(row[0])), row[1], row[2], row[3])

    @guarded
    def update_review(self, draft_id: int, received: Draft, spans: str) -> None:
        """The pending review's received draft and spans after changes were rejected."""
        from beslut.model.jsonio import body_json

        body = body_json(received)
        with self._atomic():
            self._conn.execute(
                "UPDATE reviews SET body = ?, spans = ? WHERE draft_id = ?",
                (body, spans, draft_id),
            )

    @guarded
    def clear_review(self, draft_id: int) -> None:
        """Forget draft ``draft_id``'s pending review (done, or thrown away)."""
        with self._atomic():
            self._conn.execute("DELETE FROM reviews WHERE draft_id = ?", (draft_id,))
