"""Receiving a reviewed file as proposed changes, and taking a decision back (no Qt).

The kind of file picks how it is read, here and nowhere else: the app's "Ta emot
granskad version…" comes here for every file. A decision taken back puts the draft and
the pending review as they were before it (the app's Ctrl+Z in the changes panel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.workflow.review import REVIEW_SUFFIX

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.review import Change
    from beslut.store import Store
    from beslut.store.reviews import StoredReview

DOCX_SUFFIX = ".docx"
SUFFIXES = (REVIEW_SUFFIX, DOCX_SUFFIX)  # what "Ta emot granskad version…" offers

Receiver = Callable[..., "list[Change]"]


def _beslut(store: Store, draft_id: int, path: Path, *, force: bool) -> list[Change]:
    from beslut.workflow.changes import receive_for_review

    return receive_for_review(store, draft_id, path, force=force)


def _docx(store: Store, draft_id: int, path: Path, *, force: bool) -> list[Change]:
    from beslut.workflow.changes import receive_docx_for_review

    return receive_docx_for_review(store, draft_id, path, force=force)


_RECEIVERS: dict[str, Receiver] = {REVIEW_SUFFIX: _beslut, DOCX_SUFFIX: _docx}


def receive_file(store: Store, draft_id: int, path: Path, *, force: bool = False) -> list[Change]:
    """Keep the reviewed file ``path`` as draft ``draft_id``'s pending review and return
    its changes (the draft untouched). A file of another draft raises ReviewMismatch
    unless ``force``; a kind of file beslut cannot receive raises BeslutError."""
    receiver = _RECEIVERS.get(path.suffix.lower())
    if receiver is None:
        message = _("{name} är ingen granskad version: välj en .beslut- eller .docx-fil.")
        raise BeslutError(message.format(name=path.name), f"cannot receive {path}")
    return receiver(store, draft_id, path, force=force)


@dataclass(frozen=True, slots=True)
class Before:
    """The draft and its pending review before a decision (None: no review)."""

    draft: Draft
    review: StoredReview | None


def before(store: Store, draft_id: int) -> Before:
    """What a decision on draft ``draft_id`` may be taken back to."""
    return Before(store.load_draft(draft_id), store.get_review(draft_id))


def put_back(store: Store, draft_id: int, state: Before) -> None:
    """Draft ``draft_id`` and its pending review as in ``state`` (a version kept when
    the last change was decided stays among the versions)."""
    store.save_draft(draft_id, state.draft)
    review = state.review
    if review is None:
        store.clear_review(draft_id)
    else:
        store.put_review(draft_id, review.received, review.reviewer, review.spans)
