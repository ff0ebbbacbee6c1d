"""A review copy knows what it is (no Qt): the .beslut file "Skicka för granskning"
writes carries a mark naming whose draft it is; a draft opened from such a file keeps
the mark (and where the file was) in the store's settings, so the app can say so and
"Skicka tillbaka" can write the reviewed file beside the one that came, in one click."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.store import Store

MARK = "review_copy"  # the top-level field of a .beslut file sent for review
_KEY = "review_copy.{id}"  # the store's setting for a draft opened from one
RETURNED = "{stem} granskad{n}.beslut"


@dataclass(frozen=True, slots=True)
class ReviewCopy:
    """A draft opened from a review file: whose it is and where the file was."""

    owner: str
    folder: str
    file: str


def mark(draft: Draft) -> dict[str, Any]:
    """The fields a file sent for review carries beside the draft."""
    return {MARK: {"owner": draft.meta.handlaggare.name}}


def remember(store: Store, draft_id: int, root: dict[str, Any], path: Path) -> None:
    """Keep the mark of the file at ``path`` (its JSON ``root``) for draft ``draft_id``
    (nothing when the file is no review copy)."""
    found = root.get(MARK)
    if not isinstance(found, dict):
        return
    owner = found.get("owner")
    value = {
        "owner": owner if isinstance(owner, str) else "",
        "folder": str(path.parent),
        "file": path.name,
    }
    store.set_setting(_KEY.format(id=draft_id), value)


def review_copy(store: Store, draft_id: int) -> ReviewCopy | None:
    """What draft ``draft_id`` is a review copy of, or None."""
    value = store.get_setting(_KEY.format(id=draft_id))
    if not isinstance(value, dict):
        return None
    return ReviewCopy(
        str(value.get("owner", "")), str(value.get("folder", "")), str(value.get("file", ""))
    )


def return_path(copy: ReviewCopy) -> Path:
    """Where the reviewed file goes: beside the file that came, "NAMN granskad.beslut"
    (numbered when that name is taken)."""
    folder, stem = Path(copy.folder), Path(copy.file).stem
    for n in range(1, 1000):
        target = folder / RETURNED.format(stem=stem, n="" if n == 1 else f" {n}")
        if not target.exists():
            return target
    return folder / RETURNED.format(stem=stem, n=" 1000")


def send_back(store: Store, draft_id: int) -> Path:
    """Write review copy ``draft_id`` as the file to send back (no review mark: it goes
    to its owner, who receives it with "Ta emot granskad version"); the file written.
    A draft that is no review copy, or a folder that cannot be written, raises
    BeslutError."""
    from beslut.errors import BeslutError
    from beslut.i18n import _
    from beslut.workflow.review import send_for_review

    copy = review_copy(store, draft_id)
    if copy is None:
        message = _("Utkastet {id} är ingen granskningskopia.").format(id=draft_id)
        raise BeslutError(message, f"draft {draft_id} is no review copy")
    return send_for_review(store, draft_id, return_path(copy), mark=False)
