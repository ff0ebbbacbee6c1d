"""Footnotes and endnotes of a .docx (no Qt): the model has one kind of note, so an
endnote becomes a footnote at its reference."""

from __future__ import annotations

from beslut.export.ooxml import Element, w
from beslut.importing.docx_parts import plain

_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")
# The reference in the text -> the kind of note it refers to.
REFERENCES = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}


def read_notes(root: Element | None, kind: str) -> dict[str, str]:
    """Each note's text by its id; ``kind`` is "footnote" or "endnote"."""
    if root is None:
        return {}
    notes = {}
    for note in root.iter(w(kind)):
        if note.get(w("type")) in _NOT_NOTES:
            continue
        text = "\n".join(plain(p) for p in note.iter(w("p"))).strip()
        notes[note.get(w("id"), "")] = text
    return notes


def join_notes(first: str, second: str) -> str:
    """Two notes at one place in the text (the model holds one a run): one after the
    other, a blank line between."""
    return f"{first}\n\n{second}" if first and second else first or second
