"""The text of the TU as WordprocessingML: proposal, signatures, sections and bilagor.

Every paragraph gets a style of the template and nothing else, except bold and italic
runs, the list (and list level) an item belongs to, and keep-with-next where a line
leads into a list or holds the Bilagor list together. Tables, runs with links and
notes are written by tables.py and runs.py. The XML is built as one string and parsed
once by the caller, which is several times faster than building it node by node.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol
from xml.sax.saxutils import quoteattr

from beslut import parts
from beslut.doctypes.loader import DocType
from beslut.export.runs import PLAIN, Inline, run_xml, runs_xml
from beslut.export.tables import DEFAULT_TEXT_WIDTH, table_xml
from beslut.model.draft import LIST_KINDS, Block, BlockKind, Draft, Section
from beslut.parts import section_heading

# The document is Swedish whatever language the user reads, so this is never translated.
ATTACHMENTS_HEADING = "Bilagor"


class Role(StrEnum):
    """What a paragraph is; the template decides how each looks (see styles.py)."""

    HEADING = "heading"
    SUBHEADING = "subheading"
    SUBSUBHEADING = "subsubheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    BULLET_2 = "bullet_2"
    BULLET_3 = "bullet_3"
    NUMBERED = "numbered"
    NUMBERED_2 = "numbered_2"
    NUMBERED_3 = "numbered_3"
    DECISION = "decision"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"
    SIGNATURE_TITLE = "signature_title"


class ListSource(Protocol):
    """Hands out list ids (w:numId): a new list each time it is asked."""

    def new_list(self, role: Role, start: int | None = None, level: int = 0) -> int | None:
        """The numId for a new list of ``role`` that starts at ``start`` (1) on ``level``,
        or None for no numbering."""
        ...


@dataclass(frozen=True, slots=True)
class Extras:
    """What the body needs besides paragraph styles: links and notes, the table style,
    the width of the text (twips) that a table fills."""

    inline: Inline = PLAIN
    table_style: str | None = None
    text_width: int = DEFAULT_TEXT_WIDTH


HEADING_ROLES = (Role.SUBHEADING, Role.SUBHEADING, Role.SUBSUBHEADING)  # by heading level
BULLET_ROLES = (Role.BULLET, Role.BULLET_2, Role.BULLET_3)  # by list level
NUMBERED_ROLES = (Role.NUMBERED, Role.NUMBERED_2, Role.NUMBERED_3)
_LEADS_INTO = LIST_KINDS | {BlockKind.TABLE}  # a line ending in ":" keeps with these


def content_xml(
    draft: Draft,
    doctype: DocType,
    styles: Mapping[Role, str | None],
    lists: ListSource,
    extras: Extras | None = None,
) -> str:
    """All paragraphs and tables of the TU's text, in order, as XML without a root element."""
    writer = _Writer(styles, lists, extras or Extras())
    writer.decisions(doctype.decision_heading, draft.decisions)
    writer.signatures(draft)
    for heading, section in ordered_sections(draft, doctype):
        writer.section(heading, section)
    writer.attachments(a.title for a in draft.attachments)
    return "".join(writer.out)


def ordered_sections(draft: Draft, doctype: DocType) -> list[tuple[str, Section]]:
    """The sections with text, each under the heading it is printed with, in the order of
    beslut.parts (the document type's parts in its order, own parts where they are)."""
    return [
        (section_heading(section, doctype), section)
        for section in parts.ordered_sections(draft, doctype)
        if not section.is_empty
    ]


class _Writer:
    """Collects paragraph XML for one document."""

    def __init__(
        self, styles: Mapping[Role, str | None], lists: ListSource, extras: Extras
    ) -> None:
        self.out: list[str] = []
        self._lists = lists
        self._extras = extras
        self._inline = extras.inline
        self._style = {role: _style_ppr(styles.get(role)) for role in Role}

    def decisions(self, heading: str, decisions: Iterable[str]) -> None:
        points = [text for text in decisions if text.strip()]
        if points:
            self.paragraph(Role.HEADING, run_xml(heading))
            num_id = self._lists.new_list(Role.DECISION)
            for text in points:
                self.paragraph(Role.DECISION, run_xml(text), num_id)

    def signatures(self, draft: Draft) -> None:
        for person in draft.signatories:
            if person.name:
                self.paragraph(Role.SIGNATURE, run_xml(person.name))
            if person.title:
                role = Role.SIGNATURE_TITLE if person.name else Role.SIGNATURE
                self.paragraph(role, run_xml(person.title))

    def section(self, heading: str, section: Section) -> None:
        """A part: its heading, then its blocks; its numbered items form one list that
        continues across the blocks between them, until an item restarts it."""
        self.paragraph(Role.HEADING, run_xml(heading))
        blocks = [block for block in section.blocks if block.text.strip()]
        numbered: int | None = None
        bullets: int | None = None
        for index, block in enumerate(blocks):
            kind = block.kind
            if kind is BlockKind.TABLE:
                extras = self._extras
                self.out.append(
                    table_xml(block, self._inline, extras.table_style, extras.text_width)
                )
                continue
            runs = runs_xml(block.runs, self._inline)
            if kind is BlockKind.HEADING:
                self.paragraph(HEADING_ROLES[block.level], runs)
            elif kind is BlockKind.BULLET:
                if bullets is None:
                    bullets = self._lists.new_list(Role.BULLET)
                self.paragraph(BULLET_ROLES[block.level], runs, bullets, block.level)
            elif kind is BlockKind.NUMBERED:
                if numbered is None or block.start is not None:
                    numbered = self._lists.new_list(Role.NUMBERED, block.start, block.level)
                self.paragraph(NUMBERED_ROLES[block.level], runs, numbered, block.level)
            else:
                self.paragraph(Role.PARAGRAPH, runs, keep_next=_leads_into(blocks, index))

    def attachments(self, titles: Iterable[str]) -> None:
        """The Bilagor list, kept on one page with its heading (keep-with-next)."""
        items = [title for title in titles if title.strip()]
        if items:
            self.paragraph(Role.HEADING, run_xml(ATTACHMENTS_HEADING), keep_next=True)
            num_id = self._lists.new_list(Role.ATTACHMENT)
            for number, title in enumerate(items, start=1):
                keep = number < len(items)
                self.paragraph(Role.ATTACHMENT, run_xml(title), num_id, keep_next=keep)

    def paragraph(
        self,
        role: Role,
        runs: str,
        num_id: int | None = None,
        level: int = 0,
        *,
        keep_next: bool = False,
    ) -> None:
        if not runs:
            return  # never an empty paragraph
        ppr = self._style[role] + ("<w:keepNext/>" if keep_next else "")
        if num_id is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        self.out.append(f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>")


def _style_ppr(style_id: str | None) -> str:
    return f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""


def _leads_into(blocks: Sequence[Block], index: int) -> bool:
    """True when the paragraph at ``index`` ends with ":" and a list or table follows."""
    follows = blocks[index + 1].kind if index + 1 < len(blocks) else None
    return follows in _LEADS_INTO and blocks[index].text.rstrip().endswith(":")
