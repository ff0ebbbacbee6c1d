"""What a reader makes of a document before recognition: blocks of the model, each with
the role the file itself gives it when it gives one (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from beslut.model.draft import Attachment, Block


class Role(StrEnum):
    """What a block is in the TU, when the file says so (beslut's own styles do)."""

    TEXT = ""  # running text, a list item, a table: recognition decides
    PART_HEADING = "part_heading"  # a part's heading (Word's Heading 1)
    TITLE = "title"
    SUBTITLE = "subtitle"
    DECISION = "decision"
    SIGNATURE = "signature"
    SIGNATURE_TITLE = "signature_title"
    ATTACHMENT = "attachment"
    FACT = "fact"  # a line of the first page's facts (Dnr, datum, handläggare, ...)


@dataclass(frozen=True, slots=True)
class Read:
    """One block as read, with its role."""

    block: Block
    role: Role = Role.TEXT

    @property
    def text(self) -> str:
        return self.block.text


@dataclass
class Document:
    """A whole document as read: its blocks in reading order, the text of its page
    headers (where the Dnr and date may stand), and what the reader noticed."""

    blocks: list[Read] = field(default_factory=list)
    header_lines: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # Read from text or a PDF's text, not from Word's structure: numbered items carry
    # the number they print as ``start`` (in its part, recognition makes an item that
    # continues the numbering a continuation), and a page's header or footer may stand
    # in the text (recognition leaves out what only repeats the first page's facts).
    from_text: bool = False
