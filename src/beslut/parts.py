"""The parts of a tjänsteutlåtande as everyone names and orders them (no Qt).

One definition for the editor, the export, the granskning and the command line: the
keys of the parts that are not text sections, each part's label, the order of the text
sections, and when Förslag till beslut counts as filled.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from beslut.i18n import _

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.model.draft import Draft, Section

# Parts that are not text sections (a text section's part is its key).
META = "meta"
DECISIONS = "decisions"
ATTACHMENTS = "attachments"
SIGNATURES = "signatures"
DOCUMENT = "document"  # the draft as a whole

DEFAULT_DECISION_HEADING = "Förslag till beslut"  # document text: Swedish in any UI language


def part_label(part: str, draft: Draft | None = None, doctype: DocType | None = None) -> str:
    """The name of ``part`` as the user reads it: "Uppgifter", "Bakgrund", ...

    A text section is named by the draft's own heading, else the document type's, else
    its key; Förslag till beslut by the document type's heading for it.
    """
    if part == META:
        return _("Uppgifter")
    if part == DECISIONS:
        return doctype.decision_heading if doctype is not None else _("Förslag till beslut")
    if part == ATTACHMENTS:
        return _("Bilagor")
    if part == SIGNATURES:
        return _("Underskrifter")
    if part == DOCUMENT:
        return _("Hela dokumentet")
    section = draft.section(part) if draft is not None else None
    if section is not None and section.heading:
        return section.heading
    spec = doctype.section(part) if doctype is not None else None
    return spec.heading if spec is not None else part


def ordered_sections(draft: Draft, doctype: DocType) -> list[Section]:
    """All the draft's text sections in order: the document type's parts first, in its
    order, then the sections the type does not know, in the draft's order (so no text
    is ever left out)."""
    known = {spec.key for spec in doctype.sections}
    first = [s for spec in doctype.sections if (s := draft.section(spec.key)) is not None]
    return first + [s for s in draft.sections if s.key not in known]


def section_heading(section: Section, doctype: DocType) -> str:
    """The heading a section is printed under: the type's for a part it knows, else the
    section's own (its key when it has none)."""
    spec = doctype.section(section.key)
    if spec is not None:
        return spec.heading
    return section.heading or section.key


def decisions_filled(decisions: Iterable[str]) -> bool:
    """True when Förslag till beslut has at least one point with text."""
    return any(text.strip() for text in decisions)
