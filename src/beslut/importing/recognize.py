"""From a document as read to a draft: the facts, the title, Förslag till beslut, the
signatories, each part under its heading, the bilagor (no Qt).

Which blocks are part headings and which part each names is partnames.py's; what a
block looks like (a decision point, an underskrift, a bilaga title) is looks.py's, by
the measures in thresholds.py. A heading the type does not know becomes an own part
where it stands when the file marks it as a part's heading (Word's Heading 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from beslut.doctypes.loader import DocType
from beslut.importing.facts import Facts, fragments, read_facts
from beslut.importing.looks import (
    NAME,
    attachment_like,
    decision_like,
    signature_like,
    subtitle_like,
    title_like,
)
from beslut.importing.partnames import (
    ATTACHMENT_NAMES,
    DECISION_NAMES,
    Heading,
    Names,
    PartMatcher,
    guess_doctype,
    heading_names,
    known_names,
    normalise,
    own_key,
    part_names,
    split_named,
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

__all__ = [
    "ATTACHMENT_NAMES",
    "DECISION_NAMES",
    "Found",
    "PartMatcher",
    "continued",
    "guess_doctype",
    "heading_names",
    "known_names",
    "normalise",
    "part_names",
    "recognise",
]

OTHER_TEXT = "Övrig text"  # a part for text before any part heading
_PREFIX = re.compile(r"(?i)^(bilaga\s*\d+\s*[:.–-]?\s*|\d+\s*[.)]\s*)")


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


def recognise(
    document: Document, doctype: DocType, known: frozenset[str] = frozenset()
) -> tuple[Draft, Found]:
    """The draft ``document`` holds, read as a TU of ``doctype``; a heading among
    ``known`` that ``doctype`` has no part for becomes an own part in its place."""
    return _Walk(document, doctype, known).draft()


class State(Enum):
    """Where the walk over the blocks is."""

    PART = "part"  # in a part (or, before any, in Övrig text)
    DECISIONS = "decisions"  # under Förslag till beslut
    SIGNATURES = "signatures"  # after the decision points
    ATTACHMENTS = "attachments"  # under Bilagor


class _Walk:
    """One pass over the blocks: a state machine whose state the last part heading set,
    and which leaves a special part (decisions, underskrifter, bilagor) for the part it
    came from as soon as a block does not look like what that part holds."""

    def __init__(self, document: Document, doctype: DocType, known: frozenset[str]) -> None:
        self.document, self.doctype = document, doctype
        self.from_text = document.from_text
        first = Names(doctype, known, document.blocks)
        self.blocks = split_named(document.blocks, first)
        self.names = Names(doctype, known, self.blocks)
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
            self.pending = None
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
        key = spec.key if spec is not None else own_key(heading, taken)
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
