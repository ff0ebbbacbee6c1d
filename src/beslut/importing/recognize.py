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
from enum import Enum

from beslut.doctypes.loader import DocType, SectionSpec
from beslut.importing.facts import Facts, fragments, read_facts
from beslut.importing.looks import (
    NAME,
    attachment_like,
    decision_like,
    signature_like,
    split_named_line,
    subtitle_like,
    title_like,
)
from beslut.importing.read import Document, Read, Role
from beslut.importing.thresholds import LIMITS
from beslut.model.draft import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    Metadata,
    Person,
    Run,
    Section,
    Signatory,
)

ATTACHMENT_NAMES = ("bilagor", "bilaga", "bilagor till ärendet")
DECISION_NAMES = ("förslag till beslut", "förvaltningens förslag till beslut")
OTHER_TEXT = "Övrig text"  # a part for text before any part heading
_PREFIX = re.compile(r"(?i)^(bilaga\s*\d+\s*[:.–-]?\s*|\d+\s*[.)]\s*)")


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
    notices: list[str] = field(default_factory=list)  # what the reader could not read


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


class Heading(Enum):
    """What a block starts, if anything."""

    NONE = "none"
    PART = "part"
    DECISIONS = "decisions"
    ATTACHMENTS = "attachments"


class State(Enum):
    """Where the walk over the blocks is."""

    PART = "part"  # in a part (or, before any, in Övrig text)
    DECISIONS = "decisions"  # under Förslag till beslut
    SIGNATURES = "signatures"  # after the decision points
    ATTACHMENTS = "attachments"  # under Bilagor


class _Names:
    """Which headings name what, and which blocks are part headings in this document:
    where the file marks its part headings (Word's Heading 1, used for more than a
    title, or with a part's name), only those are; in a file that marks none, a line
    that is a part's name alone (bold or not) is one."""

    def __init__(self, doctype: DocType, known: frozenset[str], blocks: Sequence[Read]) -> None:
        self.match = PartMatcher(doctype)
        self.known = known
        self.decisions = {normalise(name) for name in _decision_names(doctype)}
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


def _split_named(blocks: Sequence[Read], names: _Names) -> list[Read]:
    """Blocks with a part's name before their text split in two, in a file whose part
    headings are not marked (where they are, a paragraph is text)."""
    if names.marked:
        return list(blocks)
    return [piece for read in blocks for piece in split_named_line(read, names.is_name)]


class _Walk:
    """One pass over the blocks: a state machine whose state the last part heading set,
    and which leaves a special part (decisions, underskrifter, bilagor) for the part it
    came from as soon as a block does not look like what that part holds."""

    def __init__(self, document: Document, doctype: DocType, known: frozenset[str]) -> None:
        self.document, self.doctype = document, doctype
        self.from_text = document.from_text
        first = _Names(doctype, known, document.blocks)
        self.blocks = _split_named(document.blocks, first)
        self.names = _Names(doctype, known, self.blocks)
        self.found = Found(doctype=doctype.key, notices=list(document.notices))
        self.sections: list[tuple[str, str, list[Block]]] = []
        self.decisions: list[str] = []
        self.signatories: list[Signatory] = []
        self.attachments: list[Attachment] = list(document.attachments)
        self.title = self.subtitle = ""
        self.state = State.PART
        self.current: list[Block] | None = None  # the part text goes to
        self.pending: Read | None = None  # a special part's heading, until it holds something
        self.paragraph_decisions = 0

    def draft(self) -> tuple[Draft, Found]:
        blocks = self.blocks
        first = next(
            (i for i, r in enumerate(blocks) if self.names.heading(r) is not Heading.NONE),
            len(blocks),
        )
        front = blocks[:first]
        tables = [r for r in front if r.block.kind is BlockKind.TABLE]
        laid_out = [  # a PDF's first page lays its facts out in columns: a table here
            "".join(run.text for run in cell)
            for r in tables
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
        numbered = continued if self.from_text else tuple
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

    def _front(self, front: list[Read], facts: Facts) -> None:
        """The title and subtitle, when the first text before the first part that is no
        fact looks like one; every other block (tables and lists too) to Övrig text,
        but a table of the first page's facts."""
        rest = [
            r
            for r in front
            if r.text.strip()
            and r.text.strip() not in facts.lines
            and r.role is not Role.FACT
            and not _facts_table(r, facts)
        ]
        titled = [r for r in rest if r.role is Role.TITLE]
        if titled:
            self.title = titled[0].text
            subtitles = [r for r in rest if r.role is Role.SUBTITLE]
            self.subtitle = subtitles[0].text if subtitles else ""
            rest = [r for r in rest if r.role not in (Role.TITLE, Role.SUBTITLE)]
        else:
            rest = [r for r in rest if not _fact_like(r, facts)]
            if rest and title_like(rest[0]):
                self.title = rest.pop(0).text.strip()
                if rest and subtitle_like(rest[0]):
                    self.subtitle = rest.pop(0).text.strip()
        for read in rest:
            self._to_part(read)

    def _body(self, blocks: Sequence[Read], facts: Facts) -> None:
        for read in blocks:
            if self.from_text and _repeats_facts(read, facts):
                continue  # a page's header or footer that a copy of the text took along
            self._step(read)
        self._leave_special()

    def _step(self, read: Read) -> None:
        heading = self.names.heading(read)
        if heading is Heading.DECISIONS and read.role is not Role.DECISION:
            self._leave_special()
            if self.decisions:  # a second Förslag till beslut: a sub-heading of its part
                self._to_part(_as_sub_heading(read))
            else:
                self.state, self.pending = State.DECISIONS, read
            return
        if heading is Heading.ATTACHMENTS:
            self._leave_special()
            self.state, self.pending = State.ATTACHMENTS, read
            return
        if heading is Heading.PART:
            self._leave_special()
            self.current = self._start_part(read.text)
            return
        if self._by_role(read):
            return
        if self.state is State.DECISIONS:
            if self._take_decision(read):
                return
            self.state = State.SIGNATURES
        if self.state is State.SIGNATURES:
            if self._take_signature(read):
                return
            self._leave_special()
        if self.state is State.ATTACHMENTS:
            if self._take_attachment(read):
                return
            self._leave_special()
        self._to_part(read)

    def _by_role(self, read: Read) -> bool:
        """A block the file itself gives a role (beslut's own styles): taken as that."""
        role = read.role
        if role is Role.DECISION:
            if read.text.strip():
                self.decisions.append(read.text.strip())
            self.state, self.pending = State.DECISIONS, None
            return True
        if role in (Role.SIGNATURE, Role.SIGNATURE_TITLE):
            self._signature(read, title=role is Role.SIGNATURE_TITLE)
            self.pending = None
            return True
        if role is Role.ATTACHMENT:
            self._attachment(read)
            self.pending = None
            return True
        return False

    def _take_decision(self, read: Read) -> bool:
        if len(self.decisions) >= LIMITS.decision_max_points:
            return False
        if self.decisions and self._signature_like(read):
            return False  # the underskrifter begin
        if not decision_like(read, self.paragraph_decisions):
            return False
        if read.block.kind is BlockKind.PARAGRAPH:
            self.paragraph_decisions += 1
        self.decisions.append(read.text.strip())
        self.pending = None
        return True

    def _take_signature(self, read: Read) -> bool:
        if not self.decisions or len(self.signatories) >= LIMITS.signature_max_lines:
            return False
        if not self._signature_like(read):
            return False
        text = read.text.strip()
        self._signature(read, title=not NAME.match(text))
        return True

    def _signature_like(self, read: Read) -> bool:
        after_name = bool(self.signatories) and not self.signatories[-1].title
        return signature_like(read, after_name=after_name, from_text=self.from_text)

    def _take_attachment(self, read: Read) -> bool:
        taken = len(self.attachments) - len(self.document.attachments)
        if taken >= LIMITS.attachment_max_items:
            return False
        if not attachment_like(read, from_text=self.from_text):
            return False
        self._attachment(read)
        self.pending = None
        return True

    def _leave_special(self) -> None:
        """Back to the part the text was in; a special heading that took nothing is kept
        there as a sub-heading, so no word of it is lost."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self._to_part(_as_sub_heading(pending))
        self.state = State.PART

    def _to_part(self, read: Read) -> None:
        if self.current is None:
            self._add_plain([read])
            return
        block = read.block
        if block.kind is BlockKind.HEADING and block.level == 0:
            block = Block(BlockKind.HEADING, block.runs, level=1)
        self.current.append(block)

    def _start_part(self, heading: str) -> list[Block]:
        spec = self.names.match(heading)
        taken = {key for key, _h, _b in self.sections} | {s.key for s in self.doctype.sections}
        key = spec.key if spec is not None else _own_key(heading, taken)
        blocks: list[Block] = []
        self.sections.append((key, heading.strip(), blocks))
        return blocks

    def _add_plain(self, reads: list[Read]) -> None:
        if not self.sections or self.sections[-1][0] != "ovrig_text":
            self.sections.append(("ovrig_text", OTHER_TEXT, []))
        self.sections[-1][2].extend(_part_block(r.block) for r in reads)
        self.found.plain += len(reads)

    def _signature(self, read: Read, *, title: bool) -> None:
        text = read.text.strip()
        if title and self.signatories and not self.signatories[-1].title:
            self.signatories[-1] = Signatory(self.signatories[-1].name, text)
        else:
            self.signatories.append(Signatory(text))

    def _attachment(self, read: Read) -> None:
        title = _PREFIX.sub("", read.text.strip())
        if title:
            self.attachments.append(Attachment(title))


def _part_block(block: Block) -> Block:
    if block.kind is BlockKind.HEADING and block.level == 0:
        return Block(BlockKind.HEADING, block.runs, level=1)
    return block


def _as_sub_heading(read: Read) -> Read:
    """A heading that starts no part, as a sub-heading in the part it stands in."""
    runs = read.block.runs or (Run(read.text),)
    return Read(Block(BlockKind.HEADING, runs, level=1))


def _facts_table(read: Read, facts: Facts) -> bool:
    """A table of the first page's facts (read into the draft's facts already)."""
    if read.block.kind is not BlockKind.TABLE:
        return False
    cells = ["".join(run.text for run in cell).strip() for row in read.block.rows for cell in row]
    cells = [c for c in cells if c]
    if not cells:
        return True
    in_facts = sum(1 for c in cells if all(p in facts.lines for p in fragments(c.split("\n"))))
    return in_facts >= LIMITS.facts_table_share * len(cells)


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


def _own_key(heading: str, taken: set[str]) -> str:
    """A key for an own part: the heading in lower-case ASCII, unlike the keys
    ``taken`` (the draft's parts so far and the document type's)."""
    folded = unicodedata.normalize("NFKD", heading.lower()).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", folded).strip("_") or "avsnitt"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key
