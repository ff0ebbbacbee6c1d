"""Word revisions (tracked changes): w:ins and w:del with their id, author and time.

A ``Tracked`` asks the export to mark what changed since an older text of the draft;
``Revisions`` writes the marks of one document, each with an id of its own. Deleted text
is written as w:delText, which is what makes Word and LibreOffice show it struck through
and drop it when the change is accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from beslut.diff import Op
from beslut.model.draft import Draft

DEFAULT_AUTHOR = "beslut"  # when the settings name no handläggare


@dataclass(frozen=True, slots=True)
class Tracked:
    """Mark the changes from ``old`` to the exported text as made by ``author`` at
    ``date`` (aware or UTC)."""

    old: Draft
    author: str
    date: dt.datetime


class Revisions:
    """Hands out the revision marks of one document, numbered from ``first_id``."""

    def __init__(self, author: str, date: dt.datetime, first_id: int = 1) -> None:
        when = date.astimezone(dt.UTC) if date.tzinfo else date
        stamp = when.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
        self._attrs = f" w:author={quoteattr(author or DEFAULT_AUTHOR)} w:date={quoteattr(stamp)}"
        self._next = first_id

    def _open(self, op: Op) -> str:
        number = self._next
        self._next += 1
        tag = "ins" if op is Op.INSERT else "del"
        return f'<w:{tag} w:id="{number}"{self._attrs}'

    def mark(self, op: Op | None) -> str:
        """An empty w:ins or w:del, for a paragraph mark (in its w:rPr) or a table row
        (in its w:trPr); nothing for an unchanged one."""
        if op is None or op is Op.EQUAL:
            return ""
        return self._open(op) + "/>"

    def paragraph_mark(self, op: Op | None) -> str:
        """The w:rPr of a paragraph mark inserted or deleted, for the end of a w:pPr."""
        mark = self.mark(op)
        return f"<w:rPr>{mark}</w:rPr>" if mark else ""

    def wrap(self, op: Op, runs: str) -> str:
        """``runs`` (w:r elements) inserted or deleted; unchanged ones as they are."""
        if op is Op.EQUAL or not runs:
            return runs
        if op is Op.DELETE:
            runs = deleted_text(runs)
        tag = "ins" if op is Op.INSERT else "del"
        return f"{self._open(op)}>{runs}</w:{tag}>"

    def inserted(self, runs: str) -> str:
        return self.wrap(Op.INSERT, runs)

    def deleted(self, runs: str) -> str:
        return self.wrap(Op.DELETE, runs)


def deleted_text(runs: str) -> str:
    """Runs with their w:t as w:delText (text is escaped, so "<w:t " is always markup)."""
    return runs.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
