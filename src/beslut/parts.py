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
    """All the draft's text sections in print order. A part the document type knows is
    printed in the type's order; a part it does not know (an own part, "Ekonomiska
    konsekvenser" say) keeps its place in the draft's order: the known parts fill the
    places known parts hold in the draft, in the type's order, around the own parts."""
    rank = {spec.key: i for i, spec in enumerate(doctype.sections)}
    known = iter(sorted((s for s in draft.sections if s.key in rank), key=lambda s: rank[s.key]))
    return [next(known) if s.key in rank else s for s in draft.sections]


def section_heading(section: Section, doctype: DocType) -> str:
    """The heading a section is printed under: its own, else the document type's for a
    part it knows, else its key."""
    if section.heading:
        return section.heading
    spec = doctype.section(section.key)
    return spec.heading if spec is not None else section.key


def decisions_filled(decisions: Iterable[str]) -> bool:
    """True when Förslag till beslut has at least one point with text."""
    return any(text.strip() for text in decisions)
