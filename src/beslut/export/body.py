"""The text of the TU as WordprocessingML: proposal, signatures, sections and bilagor.

Every paragraph gets a style of the template and nothing else, except bold and italic
runs and the list a numbered paragraph belongs to. The XML is built as one string and
parsed once by the caller, which is several times faster than building it node by node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from beslut import parts
from beslut.doctypes.loader import DocType
from beslut.model.draft import Block, BlockKind, Draft, Run, Section
from beslut.parts import section_heading

# The document is Swedish whatever language the user reads, so this is never translated.
ATTACHMENTS_HEADING = "Bilagor"


class Role(StrEnum):
    """What a paragraph is; the template decides how each looks (see styles.py)."""

    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"
    DECISION = "decision"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"
    SIGNATURE_TITLE = "signature_title"


class ListSource(Protocol):
    """Hands out list ids (w:numId): a numbered list that starts at 1 each time it is asked."""

    def new_list(self, role: Role) -> int | None:
        """The numId for a new list of ``role``, or None for no numbering."""
        ...


BLOCK_ROLES = {
    BlockKind.PARAGRAPH: Role.PARAGRAPH,
    BlockKind.HEADING: Role.SUBHEADING,
    BlockKind.BULLET: Role.BULLET,
    BlockKind.NUMBERED: Role.NUMBERED,
}

_PIECES = re.compile(r"(\n|\t)")
_BREAKS = {"\n": "<w:br/>", "\t": "<w:tab/>"}


def content_xml(
    draft: Draft, doctype: DocType, styles: Mapping[Role, str | None], lists: ListSource
) -> str:
    """All paragraphs of the TU's text, in order, as XML without a root element."""
    writer = _Writer(styles, lists)
    writer.decisions(doctype.decision_heading, draft.decisions)
    writer.signatures(draft)
    for heading, section in ordered_sections(draft, doctype):
        writer.section(heading, section)
    writer.attachments(a.title for a in draft.attachments)
    return "".join(writer.out)


def ordered_sections(draft: Draft, doctype: DocType) -> list[tuple[str, Section]]:
    """The sections with text, each under the heading it is printed with, in the order of
    beslut.parts (the document type's parts first, then the others: no text left out)."""
    return [
        (section_heading(section, doctype), section)
        for section in parts.ordered_sections(draft, doctype)
        if not section.is_empty
    ]


class _Writer:
    """Collects paragraph XML for one document."""

    def __init__(self, styles: Mapping[Role, str | None], lists: ListSource) -> None:
        self.out: list[str] = []
        self._lists = lists
        self._ppr = {role: _style_ppr(styles.get(role)) for role in Role}

    def decisions(self, heading: str, decisions: Iterable[str]) -> None:
        points = [text for text in decisions if text.strip()]
        if points:
            self.paragraph(Role.HEADING, _run_xml(heading))
            self.numbered(Role.DECISION, (_run_xml(text) for text in points))

    def signatures(self, draft: Draft) -> None:
        for person in draft.signatories:
            if person.name:
                self.paragraph(Role.SIGNATURE, _run_xml(person.name))
            if person.title:
                role = Role.SIGNATURE_TITLE if person.name else Role.SIGNATURE
                self.paragraph(role, _run_xml(person.title))

    def section(self, heading: str, section: Section) -> None:
        self.paragraph(Role.HEADING, _run_xml(heading))
        for role, group in _groups(block for block in section.blocks if block.text.strip()):
            runs = (_runs_xml(block.runs) for block in group)
            if role is Role.NUMBERED:
                self.numbered(role, runs)
            else:
                num_id = self._lists.new_list(role) if role is Role.BULLET else None
                for xml in runs:
                    self.paragraph(role, xml, num_id)

    def attachments(self, titles: Iterable[str]) -> None:
        items = [title for title in titles if title.strip()]
        if items:
            self.paragraph(Role.HEADING, _run_xml(ATTACHMENTS_HEADING))
            self.numbered(Role.ATTACHMENT, (_run_xml(title) for title in items))

    def numbered(self, role: Role, items: Iterable[str]) -> None:
        """One list that starts at 1 and continues no other list."""
        num_id = self._lists.new_list(role)
        for xml in items:
            self.paragraph(role, xml, num_id)

    def paragraph(self, role: Role, runs: str, num_id: int | None = None) -> None:
        if not runs:
            return  # never an empty paragraph
        style = self._ppr[role]
        if num_id is None:
            ppr = f"<w:pPr>{style}</w:pPr>" if style else ""
        else:
            numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
            ppr = f"<w:pPr>{style}{numbering}</w:pPr>"
        self.out.append(f"<w:p>{ppr}{runs}</w:p>")


def _style_ppr(style_id: str | None) -> str:
    return f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""


def _groups(blocks: Iterable[Block]) -> Iterator[tuple[Role, list[Block]]]:
    """Consecutive blocks of the same role; a run of numbered items is one list."""
    group: list[Block] = []
    role: Role | None = None
    for block in blocks:
        block_role = BLOCK_ROLES[block.kind]
        if group and block_role is not role:
            assert role is not None
            yield role, group
            group = []
        group.append(block)
        role = block_role
    if group and role is not None:
        yield role, group


def _runs_xml(runs: Iterable[Run]) -> str:
    return "".join(_run_xml(run.text, bold=run.bold, italic=run.italic) for run in runs)


def _run_xml(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """One run; its only direct formatting is bold and italic."""
    if not text:
        return ""
    marks = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{marks}</w:rPr>" if marks else ""
    body = "".join(
        _BREAKS.get(piece) or f'<w:t xml:space="preserve">{escape(piece)}</w:t>'
        for piece in _PIECES.split(text)
        if piece
    )
    return f"<w:r>{rpr}{body}</w:r>"
