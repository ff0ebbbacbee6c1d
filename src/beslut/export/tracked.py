"""The TU's text with the changes since an older text as Word revisions (w:ins, w:del).

The old and the new text are merged into one sequence, part by part, as body.py writes
them: Förslag till beslut, the signatories, the text parts in print order, the Bilagor.
Within a part the blocks are aligned as beslut.diff aligns them for ``beslut diff``; a
block changed in place is merged word by word (marked.py), a block only the old text
has is written with its runs and its paragraph mark deleted (so accepting the change
removes the paragraph), a new one with both inserted. A block whose kind changed is the
old one deleted and the new one inserted. A table changed in its cells keeps its rows
aligned (a row inserted or deleted as a whole, a kept row's cells merged word by word);
one whose columns or header changed is replaced as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from beslut.diff import Op, align
from beslut.doctypes.loader import DocType
from beslut.export.body import (
    ATTACHMENTS_HEADING,
    Extras,
    Item,
    ListSource,
    Mark,
    Role,
    Writer,
    ordered_sections,
)
from beslut.export.marked import all_marked, merge_runs, mostly_kept
from beslut.export.revisions import Revisions
from beslut.model.draft import Block, BlockKind, Draft, Run, Section, Signatory


def tracked_content_xml(
    old: Draft,
    new: Draft,
    doctype: DocType,
    styles: Mapping[Role, str | None],
    lists: ListSource,
    extras: Extras,
    revisions: Revisions,
) -> str:
    """All paragraphs and tables of ``new``, with what changed since ``old`` marked."""
    writer = Writer(styles, lists, extras, revisions)
    before = [text for text in old.decisions if text.strip()]
    after = [text for text in new.decisions if text.strip()]
    if before or after:
        heading = _heading(doctype.decision_heading, bool(before), bool(after))
        writer.decision_list(heading, texts(before, after))
    _signatures(writer, old.signatories, new.signatories)
    _sections(writer, ordered_sections(old, doctype), ordered_sections(new, doctype))
    before = [a.title for a in old.attachments if a.title.strip()]
    after = [a.title for a in new.attachments if a.title.strip()]
    if before or after:
        heading = _heading(ATTACHMENTS_HEADING, bool(before), bool(after))
        writer.attachment_list(heading, texts(before, after))
    return "".join(writer.out)


def text_items(old: str, new: str) -> list[Item]:
    """One line of plain text: kept, changed word by word, added, removed, or (when the
    two have little in common) the old removed and the new added; none when neither
    text has one."""
    if old == new:
        return [(new, None)] if new else []
    merged = merge_runs((Run(old),), (Run(new),))
    if old and new and mostly_kept(merged):
        return [(merged, None)]
    out: list[Item] = []
    if old:
        out.append((all_marked((Run(old),), Op.DELETE), Op.DELETE))
    if new:
        out.append((all_marked((Run(new),), Op.INSERT), Op.INSERT))
    return out


def texts(old: Sequence[str], new: Sequence[str]) -> list[Item]:
    """Two lists of lines (decision points, bilaga titles) merged."""
    out: list[Item] = []
    for i, j in align(old, new, by_words=True):
        out += text_items(old[i] if i is not None else "", new[j] if j is not None else "")
    return [out[k] for k in deletions_first([mark for _, mark in out])]


def _heading(text: str, had: bool, has: bool) -> Item:
    """The heading of a list that the old text, the new text or both have."""
    return text_items(text if had else "", text if has else "")[0]


def _signatures(writer: Writer, old: Sequence[Signatory], new: Sequence[Signatory]) -> None:
    def key(person: Signatory) -> str:
        return f"{person.name}\n{person.title}"

    for i, j in align([key(p) for p in old], [key(p) for p in new], by_words=True):
        before = old[i] if i is not None else Signatory("")
        after = new[j] if j is not None else Signatory("")
        shown = after if j is not None else before
        for item in text_items(before.name, after.name):
            writer.line(Role.SIGNATURE, item)
        for item in text_items(before.title, after.title):
            writer.line(Role.SIGNATURE_TITLE if shown.name else Role.SIGNATURE, item)


def _sections(
    writer: Writer, old: Sequence[tuple[str, Section]], new: Sequence[tuple[str, Section]]
) -> None:
    for i, j in align([s.key for _, s in old], [s.key for _, s in new], by_words=True):
        if i is not None and j is not None and old[i][1].key == new[j][1].key:
            (was, before), (heading, after) = old[i], new[j]
            for item in text_items(was, heading) or [(heading, None)]:
                writer.line(Role.HEADING, item)
            writer.blocks(*merged_blocks(before.blocks, after.blocks))
            continue
        if i is not None:
            _whole(writer, old[i], Op.DELETE)
        if j is not None:
            _whole(writer, new[j], Op.INSERT)


def _whole(writer: Writer, part: tuple[str, Section], op: Op) -> None:
    """A part only one of the texts has: its heading and every block added or removed."""
    heading, section = part
    writer.line(Role.HEADING, (all_marked((Run(heading),), op), op))
    blocks = [block for block in section.blocks if block.text.strip()]
    writer.blocks(blocks, [whole_mark(block, op) for block in blocks])


def merged_blocks(
    old: Sequence[Block], new: Sequence[Block]
) -> tuple[list[Block], list[Mark | None]]:
    """The blocks of a part in both texts as one sequence, each with its mark."""
    old_texts = [(block, block.text) for block in old]
    new_texts = [(block, block.text) for block in new]
    before = [block for block, text in old_texts if text.strip()]
    after = [block for block, text in new_texts if text.strip()]
    blocks: list[Block] = []
    marks: list[Mark | None] = []
    keys = [t for _, t in old_texts if t.strip()], [t for _, t in new_texts if t.strip()]
    for i, j in align(*keys, by_words=True):
        if i is not None and j is not None:
            for block, mark in _changed(before[i], after[j]):
                blocks.append(block)
                marks.append(mark)
            continue
        block, op = (before[i], Op.DELETE) if i is not None else (after[j or 0], Op.INSERT)
        blocks.append(block)
        marks.append(whole_mark(block, op))
    order = deletions_first([_whole_op(mark) for mark in marks])
    return [blocks[k] for k in order], [marks[k] for k in order]


def _whole_op(mark: Mark | None) -> Op | None:
    if mark is None:
        return None
    if mark.rows:
        return mark.rows[0] if len(set(mark.rows)) == 1 else None
    return mark.paragraph


def deletions_first(ops: Sequence[Op | None]) -> list[int]:
    """The order to write entries in: within each stretch of whole blocks deleted and
    inserted, the deleted ones first (the old text, then the new, as a reader compares
    them; LibreOffice also keeps paragraph marks apart best that way)."""
    order: list[int] = []
    stretch: list[int] = []
    for index, op in enumerate([*ops, None]):
        if op in (Op.DELETE, Op.INSERT):
            stretch.append(index)
            continue
        order += [k for k in stretch if ops[k] is Op.DELETE]
        order += [k for k in stretch if ops[k] is Op.INSERT]
        stretch = []
        if index < len(ops):
            order.append(index)
    return order


def whole_mark(block: Block, op: Op) -> Mark:
    """A block inserted or deleted as a whole (a table: every row)."""
    if block.kind is BlockKind.TABLE:
        cells = tuple(tuple((op,) * len(cell) for cell in row) for row in block.rows)
        return Mark(rows=(op,) * len(block.rows), cells=cells)
    return Mark(op, (op,) * len(block.runs))


def _same_shape(old: Block, new: Block) -> bool:
    return (old.kind, old.level, old.start) == (new.kind, new.level, new.start)


def _changed(old: Block, new: Block) -> list[tuple[Block, Mark | None]]:
    """Two blocks in the same place: kept, merged, or the old replaced by the new."""
    if old == new:
        return [(new, None)]
    if _same_shape(old, new) and new.kind is BlockKind.TABLE:
        merged = _table(old, new)
        if merged is not None:
            return [merged]
    elif _same_shape(old, new):
        runs, ops = merge_runs(old.runs, new.runs)
        if mostly_kept((runs, ops)):
            return [(Block(new.kind, runs, new.level, new.start), Mark(None, ops))]
    return [(old, whole_mark(old, Op.DELETE)), (new, whole_mark(new, Op.INSERT))]


def _table(old: Block, new: Block) -> tuple[Block, Mark] | None:
    """A table whose cells changed, rows aligned; None when its columns or header did."""
    width = max((len(row) for row in new.rows), default=0)
    if width != max((len(row) for row in old.rows), default=0):
        return None
    if old.header_rows != new.header_rows:
        return None

    def text(row: tuple[tuple[Run, ...], ...]) -> str:
        return "\t".join("".join(run.text for run in cell) for cell in row)

    def padded(row: tuple[tuple[Run, ...], ...]) -> list[tuple[Run, ...]]:
        return [*row, *([()] * (width - len(row)))]

    rows: list[tuple[tuple[Run, ...], ...]] = []
    row_ops: list[Op | None] = []
    cells: list[tuple[tuple[Op, ...], ...]] = []
    header: list[bool] = []
    for i, j in align([text(r) for r in old.rows], [text(r) for r in new.rows], by_words=True):
        if i is not None and j is not None:
            merged = [
                merge_runs(a, b)
                for a, b in zip(padded(old.rows[i]), padded(new.rows[j]), strict=True)
            ]
            rows.append(tuple(runs for runs, _ in merged))
            cells.append(tuple(ops for _, ops in merged))
            row_ops.append(None)
            header.append(j < new.header_rows)
            continue
        index = i if i is not None else j or 0
        op, row = (Op.DELETE, old.rows[index]) if i is not None else (Op.INSERT, new.rows[index])
        rows.append(row)
        cells.append(tuple((op,) * len(cell) for cell in row))
        row_ops.append(op)
        header.append(index < new.header_rows)
    heads = next((n for n, is_head in enumerate(header) if not is_head), len(header))
    block = Block(BlockKind.TABLE, rows=tuple(rows), header_rows=heads)
    return block, Mark(rows=tuple(row_ops), cells=tuple(cells))
