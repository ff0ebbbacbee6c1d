"""A draft's versions for the app and the command line alike (no Qt): listing them with
what made each, keeping one, comparing two, and going back to one, which first keeps the
current text as a version."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from beslut.diff import PartDiff, compare
from beslut.errors import NotFoundError
from beslut.i18n import N_, _

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.store import Store
    from beslut.store.store import RevisionInfo


class Made(StrEnum):
    """What made a version (read from the labels beslut writes)."""

    SAVED = "spara"
    EXPORT = "export"
    RESTORE = "återställning"
    REVIEW = "granskning"


_MADE_LABELS = {
    Made.SAVED: N_("Spara version"),
    Made.EXPORT: N_("Export"),
    Made.RESTORE: N_("Återställning"),
    Made.REVIEW: N_("Granskning"),
}
# The label beslut writes when it keeps the text before a restore.
BEFORE_RESTORE = N_("Före återställning av version {revision}")


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a draft."""

    id: int
    created: str
    label: str
    made: Made

    @property
    def made_label(self) -> str:
        return _(_MADE_LABELS[self.made])


def made_by(label: str) -> Made:
    """What made a version with ``label``: the app's and the command line's labels say
    it in either language."""
    lowered = label.lower()
    if lowered.startswith(("exporterad till", "exported to")):
        return Made.EXPORT
    if lowered.startswith(("före återställning", "before restor")):
        return Made.RESTORE
    review = ("granskad", "före granskad", "skickad för granskning", "reviewed", "before the rev")
    if lowered.startswith((*review, "sent for review")):
        return Made.REVIEW
    return Made.SAVED


def list_versions(store: Store, draft_id: int) -> list[Version]:
    """The draft's versions, newest first."""
    store.load_draft(draft_id)  # a missing draft is said as such, not as "no versions"
    return [_version(info) for info in store.list_revisions(draft_id)]


def _version(info: RevisionInfo) -> Version:
    return Version(info.id, info.created, info.label, made_by(info.label))


def save_version(store: Store, draft_id: int, label: str = "") -> int:
    """Keep the draft's current text as a version; its id."""
    return store.add_revision(draft_id, label.strip() or _("Sparad version"))


def version_of(store: Store, draft_id: int, revision: int) -> Draft:
    """The text of version ``revision`` of draft ``draft_id`` (another draft's version is
    said to be missing)."""
    if revision not in {info.id for info in store.list_revisions(draft_id)}:
        message = _("Utkastet {draft} har ingen version {revision}.")
        raise NotFoundError(
            message.format(draft=draft_id, revision=revision),
            f"revision {revision} of draft {draft_id}",
        )
    return store.load_revision(revision)


def compare_versions(
    store: Store, draft_id: int, old: int | None = None, new: int | None = None
) -> tuple[PartDiff, ...]:
    """Version ``old`` against version ``new``; without ``old`` the newest version, without
    ``new`` the current text."""
    if old is None:
        versions = store.list_revisions(draft_id)
        if not versions:
            message = _("Utkastet {draft} har inga versioner att jämföra med.")
            raise NotFoundError(message.format(draft=draft_id), f"no revisions of {draft_id}")
        old = versions[0].id
    before = version_of(store, draft_id, old)
    after = store.load_draft(draft_id) if new is None else version_of(store, draft_id, new)
    return compare(before, after)


def restore_version(store: Store, draft_id: int, revision: int) -> int:
    """Make version ``revision`` the draft's text again, after keeping the current text
    as a version; the id of that kept version."""
    old = version_of(store, draft_id, revision)
    kept = store.add_revision(draft_id, _(BEFORE_RESTORE).format(revision=revision))
    store.save_draft(draft_id, old)
    return kept
