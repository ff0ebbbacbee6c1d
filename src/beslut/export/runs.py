"""Runs of text as WordprocessingML: bold and italic, hyperlinks and footnote references.

The only direct formatting a run gets is bold and italic; a link is a w:hyperlink with
the template's "Hyperlink" character style, a footnote a w:footnoteReference in the
"footnote reference" style. Where the links and notes go (relationships, the footnotes
part) is decided by the LinkSource and NoteSource the caller hands in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from beslut.export.ooxml import R_NS
from beslut.model.draft import Run
from beslut.model.jsonio import LINK_SCHEMES

_PIECES = re.compile(r"(\n|\t)")
_BREAKS = {"\n": "<w:br/>", "\t": "<w:tab/>"}
# The longest text in one w:t: libxml2 refuses a text node of 10 MB (a longer one is
# written as several w:t in the same run, which Word reads as one text).
_MAX_T = 1_000_000
_R = f'xmlns:r="{R_NS}"'


class LinkSource(Protocol):
    """Hands out the relationship id (r:id) of an external hyperlink target."""

    def link_id(self, url: str) -> str:
        """The r:id of a relationship to ``url`` (TargetMode External)."""
        ...


class NoteSource(Protocol):
    """Takes footnote texts and hands out their ids (w:id of w:footnote)."""

    def add_note(self, text: str, inline: Inline) -> int:
        """Keep a footnote with ``text`` and return its id."""
        ...


@dataclass(frozen=True, slots=True)
class Inline:
    """What runs need besides their text: where links and notes go, and their styles.

    Without a LinkSource a link is written as plain text; without a NoteSource a note
    is left out (the body of a table cell or a footnote itself has no notes of its own).
    """

    links: LinkSource | None = None
    notes: NoteSource | None = None
    hyperlink_style: str | None = None
    note_reference_style: str | None = None


PLAIN = Inline()


def is_safe_link(url: str) -> bool:
    """True for the only links a TU may hold: https, http and mailto."""
    return url.lower().startswith(LINK_SCHEMES) and len(url) > len("mailto:")


def runs_xml(
    runs: Sequence[Run], inline: Inline = PLAIN, wrap: Callable[[str], str] | None = None
) -> str:
    """The runs of a paragraph; consecutive runs to the same address share one hyperlink,
    and a footnote reference follows the run that carries the note (after its link).

    ``wrap`` puts each stretch of runs into an element of its own (a tracked change,
    revisions.py); inside a hyperlink, since w:ins and w:del hold runs, not links.
    """
    put = wrap or _as_it_is
    out: list[str] = []
    for link, group in _link_groups(runs, inline):
        if not link:
            out.append(put("".join(_run(run, None) + _note(run, inline) for run in group)))
            continue
        inner = "".join(_run(run, inline.hyperlink_style) for run in group)
        if inner:
            assert inline.links is not None
            rel = quoteattr(inline.links.link_id(link))
            out.append(f'<w:hyperlink {_R} r:id={rel} w:history="1">{put(inner)}</w:hyperlink>')
        out.append(put(_note(group[-1], inline)))
    return "".join(out)


def _as_it_is(xml: str) -> str:
    return xml


def _link_groups(runs: Sequence[Run], inline: Inline) -> Iterator[tuple[str, list[Run]]]:
    """(address or "", runs): a group ends where the address changes or after a note."""
    group: list[Run] = []
    current = ""
    for run in runs:
        link = run.link if inline.links is not None and is_safe_link(run.link) else ""
        if group and (link != current or (current and group[-1].note)):
            yield current, group
            group = []
        group.append(run)
        current = link
    if group:
        yield current, group


def _run(run: Run, style: str | None) -> str:
    return run_xml(run.text, bold=run.bold, italic=run.italic, style=style)


def _note(run: Run, inline: Inline) -> str:
    if not run.note.strip() or inline.notes is None:
        return ""
    return note_reference_xml(inline.notes.add_note(run.note, inline), inline.note_reference_style)


def note_reference_xml(note_id: int, style: str | None) -> str:
    """The superscript mark in the text that points at footnote ``note_id``."""
    return f'<w:r>{_rpr(style)}<w:footnoteReference w:id="{note_id}"/></w:r>'


def run_xml(
    text: str, *, bold: bool = False, italic: bool = False, style: str | None = None
) -> str:
    """One run; its only direct formatting is bold and italic (and a character style)."""
    if not text:
        return ""
    body = "".join(
        _BREAKS.get(piece)
        or "".join(
            f'<w:t xml:space="preserve">{escape(piece[k : k + _MAX_T])}</w:t>'
            for k in range(0, len(piece), _MAX_T)
        )
        for piece in _PIECES.split(text)
        if piece
    )
    return f"<w:r>{_rpr(style, bold=bold, italic=italic)}{body}</w:r>"


def _rpr(style: str | None, *, bold: bool = False, italic: bool = False) -> str:
    marks = f"<w:rStyle w:val={quoteattr(style)}/>" if style else ""
    marks += ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    return f"<w:rPr>{marks}</w:rPr>" if marks else ""
