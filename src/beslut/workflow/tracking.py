"""Tracked changes for an export (no Qt): what a stored draft's text was at a version,
who changed it (the handläggare in the settings) and when (the draft's last save)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from beslut import clock
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.workflow.versions import version_of

if TYPE_CHECKING:
    from pathlib import Path

    from beslut.export.revisions import Tracked
    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.store import Store


def marked_since(
    store: Store, draft_id: int, revision: int, settings: Settings, draft: Draft | None = None
) -> Tracked:
    """Mark what changed in draft ``draft_id`` (or the newer ``draft`` the caller holds)
    since version ``revision``: by the handläggare named in the settings, else the one
    in the draft, at the time the draft was last saved."""
    from beslut.export.revisions import Tracked

    old = version_of(store, draft_id, revision)
    text = store.load_draft(draft_id) if draft is None else draft
    author = settings.name.strip() or text.meta.handlaggare.name
    return Tracked(old, author, _saved_at(store.summary(draft_id).modified))


def _saved_at(stamp: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return clock.now()
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def require_word(target: Path) -> None:
    """Tracked changes exist only in a Word file: a .txt target is refused."""
    if target.suffix.lower() == ".txt":
        message = _("Ändringar kan bara markeras i en Word-fil (.docx), inte i {name}.")
        raise BeslutError(message.format(name=target.name), f"tracked changes to {target}")
