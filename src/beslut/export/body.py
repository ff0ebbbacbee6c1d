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
from typing import TYPE_CHECKING, Protocol
from xml.sax.saxutils import quoteattr

from beslut import parts
from beslut.checks.findings import HEADING, text_field
from beslut.diff import Op
from beslut.doctypes.loader import DocType
from beslut.export.adjacent import Paragraphs
from beslut.export.marked import Marked, marked_runs_xml
from beslut.export.revisions import Revisions
from beslut.export.runs import PLAIN, Inline, run_xml, runs_xml
from beslut.export.tables import DEFAULT_TEXT_WIDTH, table_xml
from beslut.model.draft import LIST_KINDS, Block, BlockKind, Draft, Run, Section
from beslut.parts import DECISIONS, section_heading
from beslut.wordstyles import Kind

if TYPE_CHECKING:
    from beslut.export.comments import CommentMarks

# The document is Swedish whatever language the user reads, so this is never translated.
ATTACHMENTS_HEADING = "Bilagor"
SPACE_AFTER_TABLE = 120  # twips: 6 pt, the body's space between paragraphs


Role = Kind  # what a paragraph is; the template decides how each looks (styles.py)


class ListSource(Protocol):
    """Hands out list ids (w:numId): a new list each time it is asked."""

    def new_list(self, role: Role, start: int | None = None, level: int = 0) -> int | None:
        """The numId for a new list of ``role`` that starts at ``start`` (1) on ``level``,
        or None for no numbering."""
        ...


@dataclass(frozen=True, slots=True)
class Extras:
    """What the body needs besides paragraph styles: links and notes, the table style,
    the width of the text (twips) that a table fills, the comments to mark (comments.py)."""

    inline: Inline = PLAIN
    table_style: str | None = None
    text_width: int = DEFAULT_TEXT_WIDTH
    comments: CommentMarks | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """How a block changed since an older text (tracked.py): its paragraph mark inserted
    or deleted (None: kept) and what happened to each run (empty: all kept); a table's
    rows and each cell's runs the same way."""

    paragraph: Op | None = None
    runs: tuple[Op, ...] = ()
    rows: tuple[Op | None, ...] = ()
    cells: tuple[tuple[tuple[Op, ...], ...], ...] = ()


Text = str | Marked  # a line of text: as it is, or with its changes
Item = tuple[Text, Op | None]  # a line and what happened to its paragraph mark

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
    writer = Writer(styles, lists, extras or Extras())
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


class Writer:
    """Collects paragraph XML for one document; with ``revisions`` it can write blocks
    and lines marked as inserted or deleted."""

    def __init__(
        self,
        styles: Mapping[Role, str | None],
        lists: ListSource,
        extras: Extras,
        revisions: Revisions | None = None,
    ) -> None:
        self.out: list[str] = []
        self._lists = lists
        self._revisions = revisions
        self._tracked = Paragraphs(self.out, revisions) if revisions is not None else None
        self._extras = extras
        self._inline = extras.inline
        self._style = {role: _style_ppr(styles.get(role)) for role in Role}

    def decisions(self, heading: str, decisions: Iterable[str]) -> None:
        points = [(index, text) for index, text in enumerate(decisions) if text.strip()]
        marks = self._extras.comments
        if not points:
            return
        if marks is None:
            self.decision_list((heading, None), [(text, None) for _i, text in points])
            return
        self.line(Role.HEADING, (heading, None))
        num_id = self._lists.new_list(Role.DECISION)
        for index, text in points:
            self.paragraph(
                Role.DECISION, marks.runs_xml((DECISIONS, index, ""), [Run(text)], PLAIN), num_id
            )

    def decision_list(self, heading: Item, points: Sequence[Item]) -> None:
        """Förslag till beslut: its heading and its points, one numbered list."""
        self.line(Role.HEADING, heading)
        num_id = self._lists.new_list(Role.DECISION)
        for point in points:
            self.line(Role.DECISION, point, num_id)

    def signatures(self, draft: Draft) -> None:
        for person in draft.signatories:
            for role, text in signature_lines(person.name, person.title):
                self.paragraph(role, run_xml(text))

    def section(self, heading: str, section: Section) -> None:
        """A part: its heading, then its blocks."""
        marks = self._extras.comments
        if marks is None:
            self.paragraph(Role.HEADING, run_xml(heading))
        else:
            key = (section.key, None, HEADING)
            self.paragraph(Role.HEADING, marks.runs_xml(key, [Run(heading)], PLAIN))
        kept = [(index, block) for index, block in enumerate(section.blocks) if block.text.strip()]
        self.blocks([block for _i, block in kept], indexes=[(section.key, i) for i, _b in kept])

    def blocks(
        self,
        blocks: Sequence[Block],
        marks: Sequence[Mark | None] = (),
        indexes: Sequence[tuple[str, int]] = (),
    ) -> None:
        """A part's blocks, each with its ``marks`` when given; its numbered items form
        one list that continues across the blocks between them, until one restarts it.
        ``indexes`` are the blocks' places in the draft, where comments are marked."""
        numbered: int | None = None
        bullets: int | None = None
        for index, block in enumerate(blocks):
            mark = marks[index] if marks else None
            kind = block.kind
            if kind is BlockKind.TABLE:
                self.out.append(self._table(block, mark, indexes[index] if indexes else None))
                if self._tracked is not None:
                    self._tracked.other()
                continue
            runs, marked = self._runs(block, mark, indexes[index] if indexes else None)
            para = mark.paragraph if mark is not None else None
            # A table has no space after it: the text after it gets the body's space.
            spaced = index > 0 and blocks[index - 1].kind is BlockKind.TABLE
            if kind is BlockKind.HEADING:
                self.paragraph(HEADING_ROLES[block.level], runs, mark=para, marked=marked)
            elif kind is BlockKind.BULLET:
                if bullets is None:
                    bullets = self._lists.new_list(Role.BULLET)
                role = BULLET_ROLES[block.level]
                self.paragraph(
                    role, runs, bullets, block.level, mark=para, marked=marked, spaced=spaced
                )
            elif kind is BlockKind.NUMBERED:
                if numbered is None or block.start is not None:
                    numbered = self._lists.new_list(Role.NUMBERED, block.start, block.level)
                role = NUMBERED_ROLES[block.level]
                self.paragraph(
                    role, runs, numbered, block.level, mark=para, marked=marked, spaced=spaced
                )
            else:
                keep = _leads_into(blocks, index)
                self.paragraph(
                    Role.PARAGRAPH, runs, keep_next=keep, mark=para, marked=marked, spaced=spaced
                )

    def _runs(
        self, block: Block, mark: Mark | None, where: tuple[str, int] | None = None
    ) -> tuple[str, Marked | None]:
        if mark is None or not mark.runs or self._revisions is None:
            comments = self._extras.comments
            if comments is not None and where is not None:
                return comments.runs_xml((*where, ""), block.runs, self._inline), None
            return runs_xml(block.runs, self._inline), None
        marked = (block.runs, mark.runs)
        return marked_runs_xml(marked, self._revisions, self._inline), marked

    def _table(self, block: Block, mark: Mark | None, where: tuple[str, int] | None) -> str:
        extras = self._extras
        comments = extras.comments
        if comments is not None and where is not None:  # never with tracked changes
            inline = self._inline

            def commented(row: int, column: int, runs: Sequence[Run]) -> str:
                assert comments is not None and where is not None
                return comments.runs_xml((*where, text_field((row, column))), runs, inline)

            return table_xml(block, inline, extras.table_style, extras.text_width, cells=commented)
        if mark is None or self._revisions is None:
            return table_xml(block, self._inline, extras.table_style, extras.text_width)
        revisions, inline, cells = self._revisions, self._inline, mark.cells

        def cell(row: int, column: int, runs: Sequence[Run]) -> str:
            ops = cells[row][column] if row < len(cells) and column < len(cells[row]) else ()
            if not ops:
                return runs_xml(runs, inline)
            return marked_runs_xml((tuple(runs), ops), revisions, inline)

        rows = [revisions.mark(op) for op in mark.rows]
        return table_xml(
            block, inline, extras.table_style, extras.text_width, cells=cell, row_marks=rows
        )

    def attachments(self, titles: Iterable[str]) -> None:
        items = [title for title in titles if title.strip()]
        if items:
            self.attachment_list((ATTACHMENTS_HEADING, None), [(title, None) for title in items])

    def attachment_list(self, heading: Item, items: Sequence[Item]) -> None:
        """The Bilagor list, kept on one page with its heading (keep-with-next)."""
        self.line(Role.HEADING, heading, keep_next=True)
        num_id = self._lists.new_list(Role.ATTACHMENT)
        for number, item in enumerate(items, start=1):
            self.line(Role.ATTACHMENT, item, num_id, keep_next=number < len(items))

    def line(
        self, role: Role, item: Item, num_id: int | None = None, *, keep_next: bool = False
    ) -> None:
        """One paragraph of plain text, or of text with its changes marked."""
        text, mark = item
        if isinstance(text, str):
            self.paragraph(role, run_xml(text), num_id, keep_next=keep_next, mark=mark)
            return
        assert self._revisions is not None
        runs = marked_runs_xml(text, self._revisions)
        self.paragraph(
            role, runs, num_id, keep_next=keep_next, mark=mark, marked=text, inline=PLAIN
        )

    def paragraph(
        self,
        role: Role,
        runs: str,
        num_id: int | None = None,
        level: int = 0,
        *,
        keep_next: bool = False,
        mark: Op | None = None,
        marked: Marked | None = None,
        inline: Inline | None = None,
        spaced: bool = False,
    ) -> None:
        """One paragraph; with tracked changes, ``mark`` says what happened to its mark
        and ``marked`` holds its runs with their changes (adjacent.py). A ``spaced`` one
        has the body's space between paragraphs before it (after a table)."""
        if not runs:
            return  # never an empty paragraph
        ppr = self._style[role] + ("<w:keepNext/>" if keep_next else "")
        if num_id is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        if spaced:
            ppr += f'<w:spacing w:before="{SPACE_AFTER_TABLE}"/>'
        if self._tracked is not None:
            self._tracked.add(ppr, runs, mark, marked, inline or self._inline)
            return
        self.out.append(f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>")


def signature_lines(name: str, title: str) -> list[tuple[Role, str]]:
    """A signatory's paragraphs: the name, then the title (the first line when no name)."""
    lines = [(Role.SIGNATURE, name)] if name else []
    if title:
        lines.append((Role.SIGNATURE_TITLE if name else Role.SIGNATURE, title))
    return lines


def _style_ppr(style_id: str | None) -> str:
    return f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else ""


def _leads_into(blocks: Sequence[Block], index: int) -> bool:
    """True when the paragraph at ``index`` ends with ":" and a list or table follows."""
    follows = blocks[index + 1].kind if index + 1 < len(blocks) else None
    return follows in _LEADS_INTO and blocks[index].text.rstrip().endswith(":")
