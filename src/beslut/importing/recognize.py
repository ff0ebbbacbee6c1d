"""From a document as read to a draft: the facts, the title, Förslag till beslut, the
signatories, each part under its heading, the bilagor (no Qt).

Part headings are matched to the document type's parts by the names each part has in
its TOML (``names``, beside ``heading``), so "Förvaltningens bedömning" can be
Förvaltningens synpunkter. A heading the type does not know becomes an own part where it
stands when the file marks it as a part's heading (Word's Heading 1); in plain text it
is a sub-heading of the part it is in. The document type is the one whose names the
headings match best.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from beslut.doctypes.loader import DocType, SectionSpec
from beslut.importing.facts import Facts, fragments, read_facts
from beslut.importing.read import Document, Read, Role
from beslut.importing.text import ends_sentence
from beslut.model.draft import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    Metadata,
    Person,
    Section,
    Signatory,
)

ATTACHMENT_NAMES = ("bilagor", "bilaga", "bilagor till ärendet")
DECISION_NAMES = ("förslag till beslut", "förvaltningens förslag till beslut")
OTHER_TEXT = "Övrig text"  # a part for text before any part heading
_PREFIX = re.compile(r"(?i)^(bilaga\s*\d+\s*[:.–-]?\s*|\d+\s*[.)]\s*)")
_NAME = re.compile(r"^[A-ZÅÄÖÉ][\w'’-]+(?:\s+[A-ZÅÄÖÉ][\w'’-]+){1,3}$")


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


@dataclass
class Found:
    """What recognition found, for the preview and the command line."""

    doctype: str = ""
    parts: list[tuple[str, str, int]] = field(default_factory=list)  # heading, key, blocks
    facts: list[str] = field(default_factory=list)
    decisions: int = 0
    attachments: int = 0
    signatories: int = 0
    plain: int = 0  # blocks that went to "Övrig text"


def guess_doctype(document: Document, doctypes: Sequence[DocType]) -> DocType:
    """The type whose part names the document's headings match best (the first listed
    wins a tie, beslutsärende by default)."""
    headings = [r.text for r in document.blocks if _is_heading(r)]

    def score(doctype: DocType) -> int:
        match = PartMatcher(doctype)
        return len({spec.key for h in headings if (spec := match(h)) is not None})

    return max(doctypes, key=score)


def heading_names(doctype: DocType) -> tuple[str, ...]:
    """The names of ``doctype``'s headings that are no part's: Förslag till beslut's
    and the bilagor's."""
    return (*_decision_names(doctype), *ATTACHMENT_NAMES)


def _decision_names(doctype: DocType) -> tuple[str, ...]:
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


def recognise(
    document: Document, doctype: DocType, known: frozenset[str] = frozenset()
) -> tuple[Draft, Found]:
    """The draft ``document`` holds, read as a TU of ``doctype``; a heading among
    ``known`` that ``doctype`` has no part for becomes an own part in its place."""
    return _Walk(document, doctype, known).draft()


def _is_heading(read: Read) -> bool:
    return read.role is Role.PART_HEADING or read.block.kind is BlockKind.HEADING


class _Walk:
    """One pass over the blocks, in the state the last heading set."""

    def __init__(self, document: Document, doctype: DocType, known: frozenset[str]) -> None:
        self.document, self.doctype, self.known = document, doctype, known
        self.match = PartMatcher(doctype)
        self.decision_names = {normalise(name) for name in _decision_names(doctype)}
        self.found = Found(doctype=doctype.key)
        self.sections: list[tuple[str, str, list[Block]]] = []
        self.decisions: list[str] = []
        self.signatories: list[Signatory] = []
        self.attachments: list[Attachment] = list(document.attachments)
        self.title = self.subtitle = ""

    def draft(self) -> tuple[Draft, Found]:
        blocks = self.document.blocks
        first = next((i for i, r in enumerate(blocks) if self._heading_kind(r)), len(blocks))
        front = [r for r in blocks[:first] if r.block.kind is not BlockKind.TABLE]
        laid_out = [  # a PDF's first page lays its facts out in columns: a table here
            "".join(run.text for run in cell)
            for r in blocks[:first]
            if r.block.kind is BlockKind.TABLE
            for row in r.block.rows
            for cell in row
        ]
        facts = read_facts([*self.document.header_lines, *laid_out, *(r.text for r in front)])
        self._front(front, facts)
        self._body(blocks[first:], facts)
        meta = Metadata(
            title=self.title,
            subtitle=self.subtitle,
            doctype=self.doctype.key,
            namnd=facts.namnd,
            meeting_date=facts.meeting_date,
            dnr=facts.dnr,
            date=facts.date,
            forvaltning=facts.forvaltning,
            avdelning=facts.avdelning,
            handlaggare=Person(facts.handlaggare, facts.telefon, facts.epost),
        )
        self.found.facts = facts.found()
        numbered = continued if self.document.from_text else tuple
        sections = tuple(Section(k, heading, numbered(b)) for k, heading, b in self.sections)
        self.found.parts = [(h, k, len(b)) for k, h, b in self.sections]
        self.found.decisions, self.found.attachments = len(self.decisions), len(self.attachments)
        self.found.signatories = len(self.signatories)
        draft = Draft(
            meta,
            tuple(self.decisions),
            sections,
            tuple(self.attachments),
            tuple(self.signatories),
        )
        return draft, self.found

    def _heading_kind(self, read: Read) -> str:
        """ "decisions", "attachments", "part" or "" for a block that is no part heading."""
        if not _is_heading(read) and read.role is not Role.DECISION:
            return ""
        name = normalise(read.text)
        if read.role is Role.DECISION:
            return "decisions"
        if name in self.decision_names:
            return "decisions"
        if name in ATTACHMENT_NAMES:
            return "attachments"
        if (
            read.role is Role.PART_HEADING
            or self.match(read.text) is not None
            or name in self.known
        ):
            return "part"
        return ""

    def _front(self, front: list[Read], facts: Facts) -> None:
        """The title and subtitle: the first text before the first part that is no fact."""
        rest = [r for r in front if r.text.strip() and r.text.strip() not in facts.lines]
        titled = [r for r in rest if r.role is Role.TITLE]
        if titled:
            self.title = titled[0].text
            subtitles = [r for r in rest if r.role is Role.SUBTITLE]
            self.subtitle = subtitles[0].text if subtitles else ""
            rest = [r for r in rest if r.role not in (Role.TITLE, Role.SUBTITLE, Role.FACT)]
        else:
            rest = [r for r in rest if r.role is not Role.FACT and not _fact_like(r, facts)]
            if rest:
                self.title = rest.pop(0).text
            if rest and len(rest[0].text) <= 100 and not ends_sentence(rest[0].text):
                self.subtitle = rest.pop(0).text
        if rest:
            self._add_plain(rest)

    def _body(self, blocks: Sequence[Read], facts: Facts) -> None:
        mode, current = "", None
        for read in blocks:
            if self.document.from_text and _repeats_facts(read, facts):
                continue  # a page's header or footer that a copy of the text took along
            kind = self._heading_kind(read)
            if kind == "decisions" and read.role is not Role.DECISION:
                mode = "decisions"
                continue
            if kind == "attachments":
                mode = "attachments"
                continue
            if kind == "part":
                mode, current = "part", self._start_part(read.text)
                continue
            if read.role is Role.DECISION or (mode == "decisions" and not self.signatories):
                if read.role in (Role.SIGNATURE, Role.SIGNATURE_TITLE) or (
                    self.decisions and _signature_like(read)
                ):
                    self._signature(read)
                elif read.text.strip():
                    self.decisions.append(read.text.strip())
                continue
            if read.role in (Role.SIGNATURE, Role.SIGNATURE_TITLE) or (
                mode == "decisions" and _signature_like(read)
            ):
                self._signature(read)
                continue
            if read.role is Role.ATTACHMENT or mode == "attachments":
                title = _PREFIX.sub("", read.text.strip())
                if title:
                    self.attachments.append(Attachment(title))
                continue
            if current is None:
                self._add_plain([read])
                continue
            block = read.block
            if block.kind is BlockKind.HEADING and block.level == 0:
                block = Block(BlockKind.HEADING, block.runs, level=1)
            current.append(block)

    def _start_part(self, heading: str) -> list[Block]:
        spec = self.match(heading)
        taken = {key for key, _h, _b in self.sections} | {s.key for s in self.doctype.sections}
        key = spec.key if spec is not None else _own_key(heading, taken)
        blocks: list[Block] = []
        self.sections.append((key, heading.strip(), blocks))
        return blocks

    def _add_plain(self, reads: list[Read]) -> None:
        if not self.sections or self.sections[-1][0] != "ovrig_text":
            self.sections.append(("ovrig_text", OTHER_TEXT, []))
        self.sections[-1][2].extend(r.block for r in reads)
        self.found.plain += len(reads)

    def _signature(self, read: Read) -> None:
        text = read.text.strip()
        is_title = read.role is Role.SIGNATURE_TITLE or (
            read.role is not Role.SIGNATURE and not _NAME.match(text)
        )
        if is_title and self.signatories and not self.signatories[-1].title:
            self.signatories[-1] = Signatory(self.signatories[-1].name, text)
        else:
            self.signatories.append(Signatory(text))


def continued(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """A part's blocks whose numbered items carry their printed number as ``start``, with
    an item that continues the part's numbering (across what stands between, as the
    model has it) made a continuation: only a restart keeps its number."""
    out, number = [], 0
    for block in blocks:
        if block.kind is BlockKind.NUMBERED and block.level == 0:
            start = block.start if block.start is not None else number + 1
            if start == number + 1:
                block = replace(block, start=None)
            number = start
        out.append(block)
    return tuple(out)


def _repeats_facts(read: Read, facts: Facts) -> bool:
    """True when ``read`` is a paragraph that says only what the first page's facts
    said."""
    if read.block.kind is not BlockKind.PARAGRAPH:
        return False
    pieces = fragments(read.text.split("\n"))
    return bool(pieces) and all(piece in facts.lines for piece in pieces)


def _fact_like(read: Read, facts: Facts) -> bool:
    return any(piece in facts.lines for piece in fragments(read.text.split("\n")))


def _signature_like(read: Read) -> bool:
    """A short line after the decision points: a name, or a title under a name."""
    text = read.text.strip()
    return (
        read.block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
        and 0 < len(text) <= 60
        and not ends_sentence(text)
    )


def _own_key(heading: str, taken: set[str]) -> str:
    """A key for an own part: the heading in lower-case ASCII, unlike the keys
    ``taken`` (the draft's parts so far and the document type's)."""
    folded = unicodedata.normalize("NFKD", heading.lower()).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", folded).strip("_") or "avsnitt"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key
