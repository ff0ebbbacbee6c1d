"""What the store hands out besides drafts: list entries, save results, revisions, and
the full-text query a person's search becomes (no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """What the list of drafts shows about one draft."""

    id: int
    title: str
    namnd: str
    dnr: str
    status: str
    doctype: str
    created: str
    modified: str
    deleted: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "id": self.id,
            "title": self.title,
            "namnd": self.namnd,
            "dnr": self.dnr,
            "status": self.status,
            "doctype": self.doctype,
            "created": self.created,
            "modified": self.modified,
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save stored: when, and the draft's change counter after it."""

    stamp: str
    change: int


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """A stored snapshot of a draft."""

    id: int
    draft_id: int
    created: str
    label: str


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: each word quoted, as a prefix.

    Only word characters reach FTS5, so no input can be a syntax error; None when the
    input has no words at all.
    """
    words = _WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words) if words else None


def fts_phrase(text: str) -> str | None:
    """The words of ``text`` as one safe FTS5 phrase: together and in order (a part's
    key, "ekonomiska_konsekvenser", as the index has it). None when it has no words."""
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None
