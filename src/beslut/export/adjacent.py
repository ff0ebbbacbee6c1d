"""Paragraphs with tracked changes, written so that LibreOffice keeps them apart.

LibreOffice joins an insertion at the edge of a paragraph with an inserted paragraph next
to it (same author, same minute) into one change, and rejecting that change then also
removes the paragraph break between them: "ett två tre" + " fyra" inserted, followed by
an inserted paragraph, came back as one paragraph with the one after it. Word keeps the
two apart. So where a paragraph changed word by word ends with an insertion and an
inserted paragraph follows, it is written as its old text deleted and its new text
inserted instead, which both programs accept and reject alike. (An insertion at the start
of a paragraph after an inserted one is kept apart by LibreOffice: tested, not needed.)
"""

from __future__ import annotations

from enum import Enum

from beslut.diff import Op
from beslut.export.marked import Marked, all_marked, marked_runs_xml
from beslut.export.revisions import Revisions
from beslut.export.runs import Inline


class _Kind(Enum):
    OTHER = 0
    INSERTED = 1  # a whole paragraph inserted
    MERGED = 2  # changed word by word


class Paragraphs:
    """Appends the paragraphs of a document with tracked changes to ``out``."""

    def __init__(self, out: list[str], revisions: Revisions) -> None:
        self._out = out
        self._revisions = revisions
        self._last = _Kind.OTHER
        self._pending: tuple[int, str, Marked, Inline] | None = None  # the last merged one

    def add(
        self, ppr: str, runs: str, mark: Op | None, marked: Marked | None, inline: Inline
    ) -> None:
        """One paragraph: ``ppr`` without its paragraph mark, ``runs`` as XML, ``marked``
        the runs with their changes when it changed word by word."""
        changed = (
            marked is not None and mark is None and any(op is not Op.EQUAL for op in marked[1])
        )
        if mark is Op.INSERT and self._last is _Kind.MERGED and self._pending is not None:
            index, old_ppr, old_marked, old_inline = self._pending
            if old_marked[1][-1] is Op.INSERT:
                self._out[index] = self._split(old_ppr, old_marked, old_inline)
        if changed and marked is not None:
            self._pending = (len(self._out), ppr, marked, inline)
            self._last = _Kind.MERGED
        else:
            self._pending = None
            self._last = _Kind.INSERTED if mark is Op.INSERT else _Kind.OTHER
        self._out.append(self._paragraph(ppr, mark, runs))

    def other(self) -> None:
        """Something that is not a paragraph (a table) was written."""
        self._last, self._pending = _Kind.OTHER, None

    def _split(self, ppr: str, marked: Marked, inline: Inline) -> str:
        runs, ops = marked
        old = [run for run, op in zip(runs, ops, strict=True) if op is not Op.INSERT]
        new = [run for run, op in zip(runs, ops, strict=True) if op is not Op.DELETE]
        revisions = self._revisions
        deleted = marked_runs_xml(all_marked(old, Op.DELETE), revisions, inline)
        inserted = marked_runs_xml(all_marked(new, Op.INSERT), revisions, inline)
        return self._paragraph(ppr, Op.DELETE, deleted) + self._paragraph(ppr, Op.INSERT, inserted)

    def _paragraph(self, ppr: str, mark: Op | None, runs: str) -> str:
        ppr += self._revisions.paragraph_mark(mark)  # w:rPr comes last in w:pPr
        return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>"
