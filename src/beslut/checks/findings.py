"""What a check reports: findings with a severity, a message, a location and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from beslut.i18n import N_, _

# Parts of a draft that are not sections, defined once in beslut.parts and named here for
# the checks; every other ``Location.part`` is a section key.
from beslut.parts import ATTACHMENTS as ATTACHMENTS
from beslut.parts import DECISIONS as DECISIONS
from beslut.parts import DOCUMENT as DOCUMENT
from beslut.parts import META as META

# Fields a location can point at instead of a block's text.
HEADING = "heading"
TITLE = "title"
SUBTITLE = "subtitle"
# Inside a block: a table cell ("cell:R:C") and a footnote ("note:J", J the run it
# follows; "cell:R:C:note:J" in a cell). See text_field / parse_text_field.
CELL = "cell"
NOTE = "note"


def text_field(cell: tuple[int, int] | None = None, note: int | None = None) -> str:
    """The ``Location.field`` of a table cell's text or of a footnote's text."""
    parts = [] if cell is None else [CELL, str(cell[0]), str(cell[1])]
    if note is not None:
        parts += [NOTE, str(note)]
    return ":".join(parts)


def parse_text_field(value: str) -> tuple[tuple[int, int] | None, int | None] | None:
    """(cell, note) of a field text_field made; None for any other field."""
    parts = value.split(":")
    cell: tuple[int, int] | None = None
    if len(parts) >= 3 and parts[0] == CELL and parts[1].isdigit() and parts[2].isdigit():
        cell, parts = (int(parts[1]), int(parts[2])), parts[3:]
    if not parts:
        return (cell, None) if cell is not None else None
    if len(parts) == 2 and parts[0] == NOTE and parts[1].isdigit():
        return cell, int(parts[1])
    return None


class Severity(StrEnum):
    """How serious a finding is; ``fel`` stops the command line with exit code 1."""

    FEL = "fel"
    VARNING = "varning"
    TIPS = "tips"

    @property
    def rank(self) -> int:
        """0 for the most serious, for sorting."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The label shown to the user, in the current language."""
        return _(_LABELS[self])


_RANKS = {Severity.FEL: 0, Severity.VARNING: 1, Severity.TIPS: 2}
_LABELS = {Severity.FEL: N_("Fel"), Severity.VARNING: N_("Varning"), Severity.TIPS: N_("Tips")}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: a part of the draft, a block in it and a character range.

    ``part`` is a section key or one of DECISIONS, META, ATTACHMENTS, DOCUMENT.
    ``index`` is the block index in a section, the decision point index (0-based) or
    the bilaga index; None for the part as a whole. ``field`` names a one-line value
    instead of a block's text: HEADING (a section heading), TITLE, SUBTITLE, "dnr",
    "meeting_date", ... ``start``/``end`` are a character range in that text.
    """

    part: str
    index: int | None = None
    field: str = ""
    start: int | None = None
    end: int | None = None

    def span(self, start: int, end: int) -> Location:
        """The same place narrowed to characters ``start``..``end``."""
        return Location(self.part, self.index, self.field, start, end)


@dataclass(frozen=True, slots=True)
class Fix:
    """A one-click correction: replace ``original`` at the finding's range by ``replacement``."""

    replacement: str
    original: str
    label: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found."""

    rule: str
    severity: Severity
    message: str
    location: Location
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()  # what to write instead (spelling), best first

    def sort_key(self) -> tuple[int, int, int]:
        """Order within one part: the part as a whole first, then by block and position."""
        loc = self.location
        index = -1 if loc.index is None else loc.index
        start = -1 if loc.start is None else loc.start
        return (index, start, self.severity.rank)
