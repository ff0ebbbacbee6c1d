"""A received review worked in change by change (no Qt): receiving keeps it pending
beside the draft, and each accepted or rejected change moves the draft or the pending
version until none is left; then a version is kept with the reviewer's name."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.checks.findings import Location
from beslut.errors import BeslutError
from beslut.i18n import N_, _
from beslut.review import AuthoredSpan, Change, Kind, propose, shift_spans
from beslut.review import decide as decide_changes
from beslut.workflow.files import read_draft_file
from beslut.workflow.review import ReviewMismatch, mismatch

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.store import Store

REVIEWED = N_("Granskad av {name}")


@dataclass(frozen=True, slots=True)
class Decided:
    """What a decision did: how many changes it decided, how many are left, and the
    version kept when none is (else None)."""

    decided: int
    left: int
    revision: int | None


def receive_for_review(
    store: Store,
    draft_id: int,
    path: Path,
    *,
    reviewer: str = "",
    spans: Sequence[AuthoredSpan] = (),
    force: bool = False,
) -> list[Change]:
    """Keep the draft in ``path`` as draft ``draft_id``'s pending review (the draft
    itself untouched) and return its changes. ``reviewer`` defaults to the file's name.
    A file for another draft raises ReviewMismatch unless ``force``."""
    received, files = read_draft_file(path, store.path)
    current = store.load_draft(draft_id)
    question = mismatch(current, received)
    if question is not None and not force:
        raise ReviewMismatch(question, f"{path} holds another draft than {draft_id}")
    for data in files.values():
        store.put_file(path.name, data)  # the bilagor an accepted change may bring
    name = reviewer.strip() or path.stem
    store.put_review(draft_id, received, name, _spans_out(spans))
    return propose(current, received, name, spans)


def receive_docx_for_review(
    store: Store,
    draft_id: int,
    path: Path,
    *,
    reviewer: str | None = None,
    force: bool = False,
) -> list[Change]:
    """Keep the text of the reviewed .docx at ``path`` (its tracked changes accepted) as
    draft ``draft_id``'s pending review and return its changes: a tracked change by its
    w:author, an edit made without tracking by ``reviewer`` (default: who saved the file
    last, else the file's name). The file's comments are added to the draft's comments
    at once (its text stays untouched). A file for another draft raises ReviewMismatch
    unless ``force``; a file that cannot be read raises ImportRefused."""
    from dataclasses import replace

    from beslut.importing import recognise_read
    from beslut.importing.docx_review import read_reviewed_docx
    from beslut.review.wordmarks import anchored_comments, authored_spans, place
    from beslut.settings import load_settings
    from beslut.store.ownfiles import refuse_database_file
    from beslut.workflow.templates import available_doctypes

    refuse_database_file(path, store.path)
    current, counter = store.load_draft_and_change(draft_id)
    read = read_reviewed_docx(path)
    types = available_doctypes(load_settings(store)).types
    received = recognise_read(path, read.document, types, current.meta.doctype).draft
    received = _as_current(received, current)
    question = mismatch(current, received)
    if question is not None and not force:
        raise ReviewMismatch(question, f"{path} holds another draft than {draft_id}")
    places = place(received, read.paragraphs)
    spans = authored_spans(read.paragraphs, places)
    added = anchored_comments(current, received, read.paragraphs, places, read.comments)
    if added:
        with_comments = replace(current, comments=current.comments + added)
        store.save_draft(draft_id, with_comments, expected_change=counter)
    name = (reviewer or "").strip() or read.last_modified_by or path.stem
    store.put_review(draft_id, received, name, _spans_out(spans))
    return propose(current, received, name, spans)


def _as_current(received: Draft, current: Draft) -> Draft:
    """The draft read from Word with what Word does not hold taken from ``current``:
    the bilaga files (by title), the status. Its comments are added to ``current``
    apart; it keeps none, as rejecting a change moves the received draft's comments on
    its text, which ``current``'s are not on."""
    from dataclasses import replace

    files = {a.title: a.file for a in current.attachments}
    attachments = tuple(
        replace(a, file=files.get(a.title)) if a.file is None else a for a in received.attachments
    )
    meta = replace(received.meta, status=current.meta.status)
    return replace(received, meta=meta, attachments=attachments, comments=())


def changes(store: Store, draft_id: int) -> list[Change]:
    """The pending review's changes, numbered in document order (none without one)."""
    review = store.get_review(draft_id)
    if review is None:
        return []
    spans = _spans_in(review.spans)
    return propose(store.load_draft(draft_id), review.received, review.reviewer, spans)


def describe_change(change: Change, current: Draft, received: Draft) -> str:
    """Where ``change`` is, in words: "Bakgrund, stycke 2"; a move from its place in
    ``current`` to its place in ``received``: "Bakgrund, stycke 2 → stycke 5"."""
    from beslut.checks.report import describe_location
    from beslut.parts import DECISIONS

    if change.kind is Kind.INSERT_PART:  # a new part is only in the received draft
        return describe_location(change.location, received)
    where = describe_location(change.location, current)
    if change.kind is not Kind.MOVE_BLOCK or change.new_index is None:
        return where
    n = change.new_index + 1
    to = _("punkt {n}") if change.location.part == DECISIONS else _("stycke {n}")
    return f"{where} → {to.format(n=n)}"


def decide(store: Store, draft_id: int, numbers: Sequence[int] | None, *, accept: bool) -> Decided:
    """Accept or reject changes ``numbers`` (None: all) of the pending review. Accepting
    saves the draft; rejecting moves the pending version back. When no change is left a
    version is kept, named with the reviewer, and the pending review is cleared."""
    review = store.get_review(draft_id)
    if review is None:
        message = _("Utkastet {id} har ingen granskning som väntar.").format(id=draft_id)
        raise BeslutError(message, f"no pending review for {draft_id}")
    current, counter = store.load_draft_and_change(draft_id)
    spans = _spans_in(review.spans)
    found = propose(current, review.received, review.reviewer, spans)
    chosen = found if numbers is None else [_numbered(found, n, draft_id) for n in numbers]
    chosen = list({c.number: c for c in chosen}.values())
    received: Draft = review.received
    if accept:
        current = decide_changes(current, received, chosen, accept=True)
        store.save_draft(draft_id, current, expected_change=counter)
    else:
        received = decide_changes(current, received, chosen, accept=False)
        spans = shift_spans(spans, chosen)
        store.update_review(draft_id, received, _spans_out(spans))
    left = len(propose(current, received))
    revision = None
    if not left:
        revision = store.add_revision(draft_id, _(REVIEWED).format(name=review.reviewer))
        store.clear_review(draft_id)
    return Decided(len(chosen), left, revision)


def _numbered(found: list[Change], number: int, draft_id: int) -> Change:
    if 1 <= number <= len(found):
        return found[number - 1]
    if not found:
        message = _("Utkastet {id} har inga ändringar kvar att besluta om.")
    else:
        message = _("Det finns ingen ändring {number}: utkastet {id} har ändringarna 1–{count}.")
    text = message.format(id=draft_id, number=number, count=len(found))
    raise BeslutError(text, f"no change {number} in {draft_id}")


def _spans_out(spans: Sequence[AuthoredSpan]) -> str:
    return json.dumps(
        [
            [
                s.location.part,
                s.location.index,
                s.location.field,
                s.location.start,
                s.location.end,
                s.author,
            ]
            for s in spans
        ],
        ensure_ascii=False,
    )


def _spans_in(text: str) -> list[AuthoredSpan]:
    out = []
    for part, index, field, start, end, author in json.loads(text or "[]"):
        out.append(AuthoredSpan(Location(part, index, field, start, end), author))
    return out
