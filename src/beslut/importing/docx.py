"""Reading a .docx into blocks with roles (no Qt): what the file says first (its styles,
Word's list numbering with its levels, tables, footnotes and endnotes, hyperlinks, bold),
then its layout (a short bold paragraph is a heading; "1." typed by hand is a numbered
item). Text in content controls, custom XML and text boxes is read where it stands;
what is not read (pictures, formulas, embedded objects) is named in a notice.

The parts and their XML: docx_parts.py; runs, fields and tracked changes: docx_runs.py;
numbering: docx_numbering.py; notes: docx_notes.py; what is counted: docx_skipped.py.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from beslut.export.ooxml import Element, w
from beslut.i18n import _
from beslut.importing.docx_notes import read_notes
from beslut.importing.docx_numbering import Numbering, list_start
from beslut.importing.docx_parts import (
    ALTERNATE,
    branch,
    control_content,
    main_part,
    part,
    plain,
    related,
    relationships,
)
from beslut.importing.docx_runs import RunReader, joined_marks, mark_deleted
from beslut.importing.docx_skipped import TAGS, Skipped
from beslut.importing.facts import read_facts
from beslut.importing.read import Document, Read, Role
from beslut.importing.safety import refuse
from beslut.importing.text import BULLET, CELLS, NUMBER, is_heading_line
from beslut.model.draft import Block, BlockKind, Run
from beslut.wordstyles import Kind, own_style

# Style names (as Word stores them, whatever the user's language) -> role: the TU's own
# styles, which export writes (wordstyles.py).
_ROLES = {
    own_style(Kind.TITLE): Role.TITLE,
    own_style(Kind.SUBTITLE): Role.SUBTITLE,
    own_style(Kind.HEADING): Role.PART_HEADING,
    own_style(Kind.DECISION): Role.DECISION,
    own_style(Kind.SIGNATURE): Role.SIGNATURE,
    own_style(Kind.SIGNATURE_TITLE): Role.SIGNATURE_TITLE,
    own_style(Kind.ATTACHMENT): Role.ATTACHMENT,
    own_style(Kind.FACT): Role.FACT,
    own_style(Kind.FACT_HEADING): Role.FACT,
}
_SKIP_RUN_STYLES = frozenset({"footnote reference", "fotnotsreferens"})
# Elements around blocks that only mark them (content control, custom XML, a tracked
# insertion or move): their blocks are read as if they stood alone.
_THROUGH = frozenset(w(tag) for tag in ("sdtContent", "customXml", "ins", "moveTo"))


class DocxReader:
    """One .docx, read part by part."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, *, marking: bool = False) -> None:
        self.path, self.archive = path, archive
        main = main_part(path, archive)
        if main is None:
            raise refuse(path, _("filen är inte en Word-fil (.docx)."), "no main document part")
        self.main, folder = main, posixpath.dirname(main)
        rels = relationships(path, archive, main)
        styles = part(path, archive, related(rels, "styles", folder, "styles.xml"))
        self.style_names: dict[str, str] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        if styles is not None:
            for style in styles.iter(w("style")):
                sid = style.get(w("styleId"), "")
                name = style.find(w("name"))
                self.style_names[sid] = (
                    name.get(w("val"), sid) if name is not None else sid
                ).lower()
                num = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
                if num is not None:
                    self.style_numbering[sid] = (num.get(w("val"), ""), 0)
        numbering = part(path, archive, related(rels, "numbering", folder, "numbering.xml"))
        self.numbering = Numbering.read(numbering)
        notes = {
            kind: read_notes(
                part(path, archive, related(rels, kind + "s", folder, kind + "s.xml")), kind
            )
            for kind in ("footnote", "endnote")
        }
        links = {rid: target for rid, (kind, target) in rels.items() if kind == "hyperlink"}
        self.headers = sorted(target for kind, target in rels.values() if kind == "header")
        self.runs = RunReader(self.style_names, links, notes, _SKIP_RUN_STYLES, marking=marking)
        self.rels, self.folder = rels, folder
        self.last_abstract: str | None = None
        self.seen_numbers: set[str] = set()  # the lists (numIds) of the part so far
        self.seen_heading = False
        self.drop_cap: tuple[Run, ...] = ()  # a drop cap's letters, for the next paragraph
        self.joining: Read | None = None  # a paragraph whose mark is deleted: joins the next

    def document(self) -> Document:
        root = part(self.path, self.archive, self.main)
        assert root is not None  # main_part found it in the archive
        document = Document(header_lines=self._header_lines())
        for read in self._blocks(root.find(w("body")), document):
            document.blocks.append(read)
        notice = self.runs.skipped.notice()
        if notice is not None:
            document.notices.append(notice)
        return document

    def _blocks(self, parent: Element | None, document: Document) -> Iterator[Read]:
        """The blocks under ``parent`` (the body, a content control, a text box)."""
        for element in _block_children(parent, self.runs.skipped):
            if element.tag == w("tbl"):
                if self.joining is not None:
                    yield self.joining  # a paragraph mark deleted before a table: kept
                    self.joining = None
                if not self.seen_heading and _is_layout_table(element):
                    document.header_lines += [p for p in self._cell_lines(element)]
                    continue
                yield Read(self._table(element))
            else:
                read = self._paragraph(element)
                if self.joining is not None or mark_deleted(element):
                    read = self._join(read, mark_deleted(element))
                    if read is None:
                        continue
                if read is not None and _is_drop_cap(element):
                    self.drop_cap = read.block.runs  # the first letter of the next paragraph
                    continue
                if read is not None:
                    if self.drop_cap:
                        read = _after_drop_cap(self.drop_cap, read)
                        self.drop_cap = ()
                    self.seen_heading = self.seen_heading or read.role is Role.PART_HEADING
                    yield read
            boxes, self.runs.boxes = self.runs.boxes, []
            for box in boxes:  # text boxes: after the paragraph (or table) they stand in
                yield from self._blocks(box, document)
        if self.joining is not None and parent is not None and parent.tag == w("body"):
            yield self.joining  # the last paragraph's mark deleted: nothing to join
            self.joining = None

    def _join(self, read: Read | None, gone: bool) -> Read | None:
        """A paragraph whose mark was deleted (tracked) is one with the next, as Word
        accepts it: the text of both, the next one's style. Returns what to yield now."""
        held, self.joining = self.joining, None
        if held is not None:
            if self.runs.marking:
                self.runs.marked[-2:] = [joined_marks(*self.runs.marked[-2:])]
            if read is None:
                read = held
            else:
                read = Read(replace(read.block, runs=held.block.runs + read.block.runs), read.role)
        if gone:
            self.joining = read
            return None
        return read

    def _header_lines(self) -> list[str]:
        lines = []
        names = set(self.archive.namelist())
        for name in self.headers:
            root = part(self.path, self.archive, name) if name in names else None
            if root is not None:
                lines += [plain(p) for p in root.iter(w("p")) if plain(p).strip()]
        return lines

    def _cell_lines(self, table: Element) -> Iterator[str]:
        for p in table.iter(w("p")):
            text = plain(p).strip()
            if text:
                yield text

    def _paragraph(self, p: Element) -> Read | None:
        style_id, level, num_id = self._paragraph_style(p)
        name = self.style_names.get(style_id, style_id.lower())
        runs = self.runs.runs(p)
        text = "".join(r.text for r in runs)
        if not text.strip():
            return None
        role = _ROLES.get(name, Role.TEXT)
        depth = _heading_depth(name)
        if role is Role.PART_HEADING or depth == 1:
            self.seen_numbers = set()  # each part numbers its own lists
        if role is not Role.TEXT:
            return Read(Block(BlockKind.PARAGRAPH, runs), role)
        if depth == 1:
            return Read(Block(BlockKind.HEADING, runs, level=1), Role.PART_HEADING)
        if depth:
            return Read(Block(BlockKind.HEADING, runs, level=min(depth - 1, 2)))
        kind = self._list_kind(name, num_id, level)
        if kind is not None:
            return Read(self._list_item(kind, runs, num_id, level, name))
        self.last_abstract = None
        unstyled = name in ("", "normal", "default paragraph font")
        if unstyled and all(r.bold for r in runs if r.text.strip()) and is_heading_line(text):
            plain_runs = tuple(Run(r.text, italic=r.italic, note=r.note) for r in runs)
            return Read(Block(BlockKind.HEADING, plain_runs, level=1))
        return Read(_typed_list(Block(BlockKind.PARAGRAPH, runs)))

    def _paragraph_style(self, p: Element) -> tuple[str, int, str]:
        ppr = p.find(w("pPr"))
        style_id, level, num_id = "", 0, ""
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            style_id = style.get(w("val"), "") if style is not None else ""
            num = ppr.find(w("numPr"))
            if num is not None:
                ilvl, nid = num.find(w("ilvl")), num.find(w("numId"))
                level = max(int(ilvl.get(w("val"), "0")), 0) if ilvl is not None else 0
                num_id = nid.get(w("val"), "") if nid is not None else ""
        if not num_id and style_id in self.style_numbering:
            num_id = self.style_numbering[style_id][0]
        return style_id, level, num_id

    def _list_kind(self, name: str, num_id: str, level: int) -> BlockKind | None:
        if name.startswith("list bullet"):
            return BlockKind.BULLET
        if name.startswith("list number"):
            return BlockKind.NUMBERED
        if num_id and num_id != "0" and (num_id, level) in self.numbering.bullet:
            return BlockKind.BULLET if self.numbering.bullet[num_id, level] else BlockKind.NUMBERED
        return None

    def _list_item(
        self, kind: BlockKind, runs: tuple[Run, ...], num_id: str, level: int, name: str
    ) -> Block:
        if name[-1:] in "23" and name.startswith("list "):
            level = max(level, int(name[-1]) - 1)
        level = min(level, 2)
        start = None
        if kind is BlockKind.NUMBERED and level == 0:
            abstract = self.numbering.abstract.get(num_id, num_id)
            own = self.numbering.first_start(num_id, 0)
            first = num_id not in self.seen_numbers
            if own is not None and first:
                start = list_start(own)  # a list that Word starts or restarts here
            elif first and self.last_abstract not in (None, abstract):
                start = 1  # another list right after one: a new list
            if start == 1 and not self.seen_numbers:
                start = None  # the part's first list begins at 1 anyway
            self.seen_numbers.add(num_id)
            self.last_abstract = abstract
        return Block(kind, runs, level=level, start=start)

    def _table(self, table: Element) -> Block:
        rows: list[tuple[tuple[Run, ...], ...]] = []
        header = 0
        for tr in _table_parts(table, w("tr")):
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                continue  # a row deleted with tracked changes
            if trpr is not None and trpr.find(w("tblHeader")) is not None and header == len(rows):
                header += 1
            rows.append(tuple(self._cell(tc) for tc in _table_parts(tr, w("tc"))))
        return Block(BlockKind.TABLE, rows=tuple(rows), header_rows=header)

    def _cell(self, cell: Element) -> tuple[Run, ...]:
        """A cell's runs, a line a paragraph; a table inside it flattened into lines (its
        cells joined as the plain-text export joins them), a text box in it as lines."""
        runs: list[Run] = []
        for element in _block_children(cell, self.runs.skipped):
            if element.tag == w("tbl"):
                lines = [self._flat_row(tr) for tr in _table_parts(element, w("tr"))]
            else:
                lines = [self.runs.runs(element)]
            boxes, self.runs.boxes = self.runs.boxes, []
            lines += [(Run(plain(p)),) for box in boxes for p in box.iter(w("p")) if plain(p)]
            for line in lines:
                if not "".join(r.text for r in line).strip():
                    continue
                if runs:
                    runs.append(Run("\n"))
                runs += line
        return tuple(runs)

    def _flat_row(self, tr: Element) -> tuple[Run, ...]:
        runs: list[Run] = []
        for tc in _table_parts(tr, w("tc")):
            cell = self._cell(tc)
            if not cell:
                continue
            if runs:
                runs.append(Run(CELLS))
            runs += (Run(r.text.replace("\n", " "), r.bold, r.italic, r.link, r.note) for r in cell)
        return tuple(runs)


def _is_drop_cap(p: Element) -> bool:
    """A paragraph that is only a drop cap (an initial set in a frame of its own)."""
    frame = p.find(f"{w('pPr')}/{w('framePr')}")
    return frame is not None and frame.get(w("dropCap")) in ("drop", "margin")


def _after_drop_cap(initial: tuple[Run, ...], read: Read) -> Read:
    """``read`` with the drop cap's letters before its text, as they are read."""
    block = read.block
    if block.kind is BlockKind.TABLE or not block.runs:
        return read
    first = block.runs[0]
    joined = Run("".join(r.text for r in initial) + first.text, first.bold, first.italic)
    joined = replace(joined, link=first.link, note=first.note)
    return Read(replace(block, runs=(joined, *block.runs[1:])), read.role)


def _block_children(parent: Element | None, skipped: Skipped) -> Iterator[Element]:
    """The paragraphs and tables under ``parent``, through content controls, custom XML
    and tracked insertions; what is not read (an altChunk) is counted."""
    for child in parent if parent is not None else ():
        tag = child.tag
        if tag in (w("p"), w("tbl")):
            yield child
        elif tag == w("sdt"):
            yield from _block_children(control_content(child), skipped)
        elif tag in _THROUGH:
            yield from _block_children(child, skipped)
        elif tag == ALTERNATE:
            yield from _block_children(branch(child), skipped)
        elif tag in TAGS:
            skipped.count(child)


def _table_parts(parent: Element, tag: str) -> Iterator[Element]:
    """A table's rows or a row's cells, also those in a content control or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _table_parts(content, tag)
        elif child.tag in _THROUGH:
            yield from _table_parts(child, tag)


def _heading_depth(name: str) -> int:
    """The level of a "heading N" or "rubrik N" style (Word's own and its Swedish name),
    0 for any other style; a "Heading 0" is a heading as Heading 1 is."""
    for prefix in ("heading ", "rubrik "):
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            return max(int(name[len(prefix) :]), 1)
    return 0


def _is_layout_table(table: Element) -> bool:
    """A table before the first heading that lays out the first page's facts: styled
    "Uppgift" as the city template does, or holding two facts or more (Dnr, Handläggare)."""
    styles = {s.get(w("val"), "").lower() for s in table.iter(w("pStyle"))}
    if styles and styles <= {"uppgift", "uppgiftsrubrik"}:
        return True
    return len(read_facts(plain(p) for p in table.iter(w("p"))).found()) >= 2


def _typed_list(block: Block) -> Block:
    """A paragraph that begins with "1." or "•" typed by hand is a list item."""
    text = block.text
    for pattern, kind in ((BULLET, BlockKind.BULLET), (NUMBER, BlockKind.NUMBERED)):
        match = pattern.match(text)
        if match is not None and block.runs:
            first = block.runs[0]
            cut = match.end()
            if len(first.text) >= cut:
                runs = (Run(first.text[cut:], first.bold, first.italic, first.link, first.note),)
                return Block(kind, runs + block.runs[1:])
    return block
