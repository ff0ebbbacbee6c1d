"""The names of a TU's parts as headings: which part a heading names, which headings
start Förslag till beslut and the bilagor, which blocks of a document are its part
headings, and which document type a document's headings match best (no Qt).

Part headings are matched to the document type's parts by the names each part has in
its TOML (``names``, beside ``heading``), so "Förvaltningens bedömning" can be
Förvaltningens synpunkter.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Sequence
from enum import Enum

from beslut.doctypes.loader import DocType, SectionSpec
from beslut.importing.looks import split_named_line
from beslut.importing.read import Document, Read, Role
from beslut.model.draft import BlockKind

ATTACHMENT_NAMES = ("bilagor", "bilaga", "bilagor till ärendet")
DECISION_NAMES = ("förslag till beslut", "förvaltningens förslag till beslut")


def normalise(heading: str) -> str:
    """A heading as compared: lower case, single spaces, without a trailing colon."""
    text = unicodedata.normalize("NFC", heading).strip().rstrip(":").strip()
    return " ".join(text.lower().split())


def part_names(spec: SectionSpec) -> tuple[str, ...]:
    """The names a part's heading may have: its heading and its ``names``."""
    return (spec.heading, *spec.names)


class PartMatcher:
    """Which part of a document type a heading names, by the parts' names ("*" in a name
    matches any words)."""

    def __init__(self, doctype: DocType) -> None:
        self.exact: dict[str, SectionSpec] = {}
        self.patterns: list[tuple[str, SectionSpec]] = []
        for spec in doctype.sections:
            for name in part_names(spec):
                if "*" in name:
                    self.patterns.append((normalise(name), spec))
                else:
                    self.exact.setdefault(normalise(name), spec)

    def __call__(self, heading: str) -> SectionSpec | None:
        name = normalise(heading)
        found = self.exact.get(name)
        if found is None:
            found = next((s for p, s in self.patterns if fnmatch.fnmatchcase(name, p)), None)
        return found


def guess_doctype(document: Document, doctypes: Sequence[DocType]) -> DocType:
    """The type whose part names the document's headings match best (the first listed
    wins a tie, beslutsärende by default)."""
    headings = [r.text for r in document.blocks if _is_heading(r) or _alone(r)]

    def score(doctype: DocType) -> int:
        match = PartMatcher(doctype)
        return len({spec.key for h in headings if (spec := match(h)) is not None})

    return max(doctypes, key=score)


def _alone(read: Read) -> bool:
    """A short paragraph alone on its line: a part's name in a file without headings."""
    return read.block.kind is BlockKind.PARAGRAPH and len(read.text) <= 60


def heading_names(doctype: DocType) -> tuple[str, ...]:
    """The names of ``doctype``'s headings that are no part's: Förslag till beslut's
    and the bilagor's."""
    return (*decision_names(doctype), *ATTACHMENT_NAMES)


def decision_names(doctype: DocType) -> tuple[str, ...]:
    return (doctype.decision_heading, *doctype.decision_names, *DECISION_NAMES)


def known_names(doctypes: Sequence[DocType]) -> frozenset[str]:
    """Every part name of every document type (patterns aside), normalised: a heading
    with one of them is a part's heading in any TU, whatever type it is read as."""
    return frozenset(
        normalise(name)
        for doctype in doctypes
        for spec in doctype.sections
        for name in part_names(spec)
        if "*" not in name
    )


def _is_heading(read: Read) -> bool:
    return read.role is Role.PART_HEADING or read.block.kind is BlockKind.HEADING


class Heading(Enum):
    """What a block starts, if anything."""

    NONE = "none"
    PART = "part"
    DECISIONS = "decisions"
    ATTACHMENTS = "attachments"


class Names:
    """Which headings name what, and which blocks are part headings in this document:
    where the file marks its part headings (Word's Heading 1, used for more than a
    title, or with a part's name), only those are; in a file that marks none, a line
    that is a part's name alone (bold or not) is one."""

    def __init__(self, doctype: DocType, known: frozenset[str], blocks: Sequence[Read]) -> None:
        self.match = PartMatcher(doctype)
        self.known = known
        self.decisions = {normalise(name) for name in decision_names(doctype)}
        self.attachments = set(ATTACHMENT_NAMES)
        marked = [r for r in blocks if r.role is Role.PART_HEADING]
        self.marked = len(marked) > 1 or any(self.is_name(r.text) for r in marked)

    def is_name(self, text: str) -> bool:
        name = normalise(text)
        return (
            name in self.decisions
            or name in self.attachments
            or name in self.known
            or self.match(text) is not None
        )

    def heading(self, read: Read) -> Heading:
        """What ``read`` starts when it is a part heading here."""
        kind = read.block.kind
        if read.role is Role.DECISION:
            return Heading.DECISIONS
        if read.role is not Role.PART_HEADING and (
            self.marked
            or kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH)
            or not self.is_name(read.text)
        ):
            return Heading.NONE
        name = normalise(read.text)
        if name in self.decisions:
            return Heading.DECISIONS
        if name in self.attachments:
            return Heading.ATTACHMENTS
        return Heading.PART


def split_named(blocks: Sequence[Read], names: Names) -> list[Read]:
    """Blocks with a part's name before their text split in two, in a file whose part
    headings are not marked (where they are, a paragraph is text)."""
    if names.marked:
        return list(blocks)
    return [piece for read in blocks for piece in split_named_line(read, names.is_name)]


def own_key(heading: str, taken: set[str]) -> str:
    """A key for an own part: the heading in lower-case ASCII, unlike the keys
    ``taken`` (the draft's parts so far and the document type's)."""
    folded = unicodedata.normalize("NFKD", heading.lower()).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", folded).strip("_") or "avsnitt"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key
