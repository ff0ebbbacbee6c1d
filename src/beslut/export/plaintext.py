"""A TU as plain text, in the order the Word document reads (no Qt): the first page's
facts, the title, Förslag till beslut, the signatories, each part, the bilagor.

For mail, a case system's text field or a text-only archive; ``beslut export ID -o
X.txt`` writes it, and ``beslut import`` reads it back. Paragraphs are one line each
with a blank line between; headings, list items, tables and the bilagor are written as
beslut/textformat.py has them, the module the import reads them by, so that an own part
and a heading's level come back on import. Bold, italic and links have no form in
plain text and are left out; footnotes are marked "[1]" in the text and written
after their part.
"""

from __future__ import annotations

from beslut import parts
from beslut.checks.swedish import long_date
from beslut.doctypes.loader import DocType
from beslut.model.draft import Block, BlockKind, Cell, Draft
from beslut.textformat import (
    ATTACHMENTS_HEADING,
    HEADING_RULES,
    PART_RULE,
    bullet_line,
    note_line,
    note_ref,
    numbered_line,
    table_row,
    underlined,
)


def tu_text(draft: Draft, doctype: DocType) -> str:
    """The whole TU as text, ending in a newline."""
    meta, person = draft.meta, draft.meta.handlaggare
    facts = [
        meta.forvaltning,
        meta.avdelning,
        "Tjänsteutlåtande",
        f"Dnr {meta.dnr}" if meta.dnr else "",
        meta.date.isoformat() if meta.date else "",
        f"Handläggare: {person.name}" if person.name else "",
        f"Telefon: {person.telefon}" if person.telefon else "",
        f"E-post: {person.epost}" if person.epost else "",
        f"Till {meta.namnd}" if meta.namnd else "",
        f"Sammanträde {long_date(meta.meeting_date)}" if meta.meeting_date else "",
    ]
    out = [line for line in facts if line]
    out += ["", meta.title, meta.subtitle] if meta.subtitle else ["", meta.title]
    decisions = [d for d in draft.decisions if d.strip()]
    if decisions:
        out += ["", *underlined(doctype.decision_heading, PART_RULE)]
        out += [numbered_line(n, text) for n, text in enumerate(decisions, start=1)]
    for signatory in draft.signatories:
        out += ["", signatory.name] + ([signatory.title] if signatory.title else [])
    notes: list[str] = []  # through the document: a part's are written after it
    for section in parts.ordered_sections(draft, doctype):
        if section.is_empty:
            continue
        out += ["", *underlined(parts.section_heading(section, doctype), PART_RULE)]
        first = len(notes) + 1
        out += _blocks(section.blocks, notes)
        if len(notes) >= first:
            out.append("")
            out += [note_line(n, notes[n - 1]) for n in range(first, len(notes) + 1)]
    if draft.attachments:
        out += ["", *underlined(ATTACHMENTS_HEADING, PART_RULE)]
        out += [numbered_line(n, a.title) for n, a in enumerate(draft.attachments, start=1)]
    return "\n".join(out) + "\n"


def _blocks(blocks: tuple[Block, ...], notes: list[str]) -> list[str]:
    """The blocks' lines; their footnotes' texts are added to ``notes``."""
    out: list[str] = []
    number = 0
    previous: BlockKind | None = None
    for block in blocks:
        kind = block.kind
        in_list = kind in (BlockKind.BULLET, BlockKind.NUMBERED)
        if not (in_list and previous in (BlockKind.BULLET, BlockKind.NUMBERED)):
            out.append("")  # a blank line before each block but between list items
        text = "" if kind is BlockKind.TABLE else _marked(block, notes)
        if kind is BlockKind.NUMBERED:
            number = block.start if block.start is not None else number + 1
            out.append(numbered_line(number, text, block.level))
        elif kind is BlockKind.BULLET:
            out.append(bullet_line(text, block.level))
        elif kind is BlockKind.TABLE:
            out += [table_row([_cell(cell) for cell in row]) for row in block.rows]
        elif kind is BlockKind.HEADING:
            out += underlined(" ".join(text.split()), HEADING_RULES[block.level])
        else:
            out.append(" ".join(text.split("\n")))
        previous = kind
    return out


def _marked(block: Block, notes: list[str]) -> str:
    """The block's text with a mark after each run that has a footnote."""
    pieces = []
    for run in block.runs:
        pieces.append(run.text)
        if run.note:
            notes.append(run.note)
            pieces.append(note_ref(len(notes)))
    return "".join(pieces)


def _cell(cell: Cell) -> str:
    return "".join(run.text for run in cell)
