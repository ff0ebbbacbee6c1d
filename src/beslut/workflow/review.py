"""The review round trip, offline (no Qt): the draft goes to a colleague as one .beslut
file (the JSON draft format with its bilaga files), and the file that comes back
replaces the draft's content, which is first kept as a version.

The app's "Skicka för granskning" / "Ta emot granskad version" and the command line's
``export-json ID -o X.beslut`` / ``import-json X.beslut --replace ID`` do the same here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.diff import PartDiff, compare
from beslut.errors import BeslutError
from beslut.i18n import N_, _
from beslut.workflow.files import read_draft_file

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.store import Store

REVIEW_SUFFIX = ".beslut"
SENT = N_("Skickad för granskning ({name})")
BEFORE = N_("Före granskad version ({name})")
RECEIVED = N_("Granskad version ({name})")


class ReviewMismatch(BeslutError):
    """The file that came back holds another draft (another Dnr or title): the user is
    asked before it replaces anything; ``question`` says what differs."""

    def __init__(self, question: str, detail: str) -> None:
        super().__init__(question, detail)
        self.question = question


@dataclass(frozen=True, slots=True)
class Received:
    """A review taken in: the version kept of the text before, and what changed."""

    kept: int
    revision: int
    changes: tuple[PartDiff, ...]


def send_for_review(store: Store, draft_id: int, target: Path, *, mark: bool = True) -> Path:
    """Write the draft with its bilaga files to ``target`` (``.beslut`` added when the
    name has no suffix) and keep the sent text as a version; the file written. With
    ``mark`` the file says it is a review copy (workflow/review_copy.py)."""
    from beslut.export.safe_write import write_bytes
    from beslut.model.jsonio import dumps
    from beslut.store.ownfiles import refuse_database_file

    if not target.suffix:
        target = target.with_suffix(REVIEW_SUFFIX)
    refuse_database_file(target, store.path)
    from beslut.workflow import review_copy

    draft = store.load_draft(draft_id)
    extra = review_copy.mark(draft) if mark else None
    write_bytes(target, dumps(draft, store.files_for(draft), extra).encode("utf-8"))
    store.add_revision(draft_id, _(SENT).format(name=target.name), draft=draft)
    return target


def mismatch(current: Draft, received: Draft) -> str | None:
    """What makes ``received`` look like another draft than ``current``, as a question
    for the user; None when Dnr and title agree."""
    differs = []
    if current.meta.dnr.strip() != received.meta.dnr.strip():
        differs.append(
            _("Dnr ”{theirs}” i stället för ”{ours}”").format(
                theirs=received.meta.dnr or "–", ours=current.meta.dnr or "–"
            )
        )
    if current.meta.title.strip() != received.meta.title.strip():
        differs.append(
            _("ärendemeningen ”{theirs}” i stället för ”{ours}”").format(
                theirs=received.meta.title or "–", ours=current.meta.title or "–"
            )
        )
    if not differs:
        return None
    return _(
        "Filen verkar gälla ett annat ärende: {what}. Vill du ändå ersätta utkastets text "
        "med den? Den nuvarande texten sparas först som en version."
    ).format(what="; ".join(differs))


def receive_review(store: Store, draft_id: int, path: Path, *, force: bool = False) -> Received:
    """Replace draft ``draft_id``'s content with the draft in ``path``, keeping the content
    it had as a version. A file for another draft raises ReviewMismatch unless ``force``;
    a file that cannot be read raises BeslutError; either way nothing changes."""
    received, files = read_draft_file(path, store.path)
    current = store.load_draft(draft_id)
    question = mismatch(current, received)
    if question is not None and not force:
        raise ReviewMismatch(question, f"{path} holds another draft than {draft_id}")
    kept = store.add_revision(draft_id, _(BEFORE).format(name=path.name))
    store.save_draft(draft_id, received, files)
    revision = store.add_revision(draft_id, _(RECEIVED).format(name=path.name))
    return Received(kept, revision, compare(current, received))
