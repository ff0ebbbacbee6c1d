"""Reading a .docx into blocks with roles (no Qt): what the file says first (its styles,
Word's list numbering with its levels, tables, footnotes, hyperlinks, bold), then its
layout (a short bold paragraph is a heading; "1." typed by hand is a numbered item).

The XML is read with lxml's parser set to resolve no entities, load no DTD and reach no
network, after safety.read_part has refused any DTD.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from beslut.export.ooxml import R_NS, Element, w
from beslut.i18n import _
from beslut.importing.facts import read_facts
from beslut.importing.read import Document, Read, Role
from beslut.importing.safety import read_part, refuse
from beslut.importing.text import BULLET, NUMBER, is_heading_line
from beslut.model.draft import Block, BlockKind, Run

REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)

# Style names (as Word stores them, whatever the user's language) -> role or kind.
_ROLES = {
    "title": Role.TITLE,
    "subtitle": Role.SUBTITLE,
    "heading 1": Role.PART_HEADING,
    "beslutspunkt": Role.DECISION,
    "underskrift": Role.SIGNATURE,
    "underskrift titel": Role.SIGNATURE_TITLE,
    "bilaga": Role.ATTACHMENT,
    "uppgift": Role.FACT,
    "uppgiftsrubrik": Role.FACT,
}
_SKIP_RUN_STYLES = {"footnote reference", "fotnotsreferens"}


def _xml(path: Path, data: bytes | None) -> Element | None:
    if data is None:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise refuse(path, _("Word-filen är skadad."), repr(exc)) from exc


@dataclass
class _Numbering:
    """Word's list definitions: for each numId, its abstract list, bullet or not per
    level, and a start it overrides."""

    abstract: dict[str, str] = field(default_factory=dict)
    bullet: dict[tuple[str, int], bool] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        formats: dict[tuple[str, int], bool] = {}
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"), "")
            for lvl in abstract.iter(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                level = int(lvl.get(w("ilvl"), "0"))
                formats[aid, level] = fmt is not None and fmt.get(w("val")) == "bullet"
        for num in root.iter(w("num")):
            nid = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            aid = ref.get(w("val"), "") if ref is not None else ""
            numbering.abstract[nid] = aid
            for level in range(9):
                if (aid, level) in formats:
                    numbering.bullet[nid, level] = formats[aid, level]
            for override in num.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    level = int(override.get(w("ilvl"), "0"))
                    numbering.overrides[nid, level] = int(start.get(w("val"), "1"))
        return numbering


class DocxReader:
    """One .docx, read part by part."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path, self.archive = path, archive
        styles = _xml(path, read_part(path, archive, "word/styles.xml"))
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
        self.numbering = _Numbering.read(_xml(path, read_part(path, archive, "word/numbering.xml")))
        self.links = self._relationships("word/_rels/document.xml.rels")
        self.notes = self._footnotes()
        self.last_abstract: str | None = None
        self.seen_numbers: set[str] = set()  # the lists (numIds) of the part so far

    def _relationships(self, name: str) -> dict[str, str]:
        root = _xml(self.path, read_part(self.path, self.archive, name))
        if root is None:
            return {}
        return {
            rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(f"{{{REL}}}Relationship")
        }

    def _footnotes(self) -> dict[str, str]:
        root = _xml(self.path, read_part(self.path, self.archive, "word/footnotes.xml"))
        if root is None:
            return {}
        notes = {}
        for note in root.iter(w("footnote")):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "\n".join(
                "".join(t.text or "" for t in p.iter(w("t"))) for p in note.iter(w("p"))
            ).strip()
            notes[note.get(w("id"), "")] = text
        return notes

    def document(self) -> Document:
        root = _xml(self.path, read_part(self.path, self.archive, "word/document.xml"))
        assert root is not None  # safety.open_docx checked it is there
        body = root.find(w("body"))
        document = Document(header_lines=self._header_lines())
        seen_heading = False
        for element in _body_children(body):
            if element.tag == w("tbl"):
                if not seen_heading and _is_layout_table(element):
                    document.header_lines += [p for p in self._cell_lines(element)]
                    continue
                document.blocks.append(Read(self._table(element)))
            elif element.tag == w("p"):
                read = self._paragraph(element)
                if read is not None:
                    seen_heading = seen_heading or read.role is Role.PART_HEADING
                    document.blocks.append(read)
        return document

    def _header_lines(self) -> list[str]:
        lines = []
        for name in sorted(n for n in self.archive.namelist() if n.startswith("word/header")):
            if not name.endswith(".xml"):
                continue
            root = _xml(self.path, read_part(self.path, self.archive, name))
            if root is not None:
                lines += [_plain(p) for p in root.iter(w("p")) if _plain(p).strip()]
        return lines

    def _cell_lines(self, table: Element) -> Iterator[str]:
        for p in table.iter(w("p")):
            text = _plain(p).strip()
            if text:
                yield text

    def _paragraph(self, p: Element) -> Read | None:
        style_id, level, num_id = self._paragraph_style(p)
        name = self.style_names.get(style_id, style_id.lower())
        runs = tuple(self._runs(p))
        text = "".join(r.text for r in runs)
        if not text.strip():
            return None
        role = _ROLES.get(name, Role.TEXT)
        if role is Role.PART_HEADING or name in ("heading 1", "rubrik 1"):
            self.seen_numbers = set()  # each part numbers its own lists
        if role is not Role.TEXT:
            return Read(Block(BlockKind.PARAGRAPH, runs), role)
        if name.startswith(("heading ", "rubrik ")) and name[-1].isdigit():
            depth = int(name[-1])
            if depth == 1:
                return Read(Block(BlockKind.HEADING, runs, level=1), Role.PART_HEADING)
            return Read(Block(BlockKind.HEADING, runs, level=min(depth - 1, 2)))
        kind = self._list_kind(name, num_id, level)
        if kind is not None:
            return Read(self._list_item(kind, runs, num_id, level, name))
        self.last_abstract = None
        unstyled = name in ("", "normal", "default paragraph font")
        if unstyled and all(r.bold for r in runs if r.text.strip()) and is_heading_line(text):
            plain = tuple(Run(r.text, italic=r.italic) for r in runs)
            return Read(Block(BlockKind.HEADING, plain, level=1))
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
                level = int(ilvl.get(w("val"), "0")) if ilvl is not None else 0
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
            override = self.numbering.overrides.get((num_id, 0))
            first = num_id not in self.seen_numbers
            if override is not None and first:
                start = override  # a list that Word restarts here
            elif first and self.last_abstract not in (None, abstract):
                start = 1  # another list right after one: a new list
            if start == 1 and not self.seen_numbers:
                start = None  # the part's first list begins at 1 anyway
            self.seen_numbers.add(num_id)
            self.last_abstract = abstract
        return Block(kind, runs, level=level, start=start)

    def _runs(self, parent: Element, link: str = "") -> Iterator[Run]:
        pending: Run | None = None
        for child in parent:
            if child.tag == w("r"):
                note = child.find(w("footnoteReference"))
                if note is not None:
                    text = self.notes.get(note.get(w("id"), ""), "")
                    if pending is not None and text:
                        pending = Run(
                            pending.text, pending.bold, pending.italic, pending.link, text
                        )
                    continue
                run = self._run(child, link)
                if run is not None:
                    if pending is not None:
                        yield pending
                    pending = run
            elif child.tag == w("hyperlink"):
                target = self.links.get(child.get(f"{{{R_NS}}}id", ""), "")
                target = (
                    target if target.lower().startswith(("https://", "http://", "mailto:")) else ""
                )
                for run in self._runs(child, target or link):
                    if pending is not None:
                        yield pending
                    pending = run
            elif child.tag in (w("ins"), w("smartTag"), w("sdt"), w("sdtContent"), w("fldSimple")):
                for run in self._runs(child, link):
                    if pending is not None:
                        yield pending
                    pending = run
        if pending is not None:
            yield pending

    def _run(self, r: Element, link: str) -> Run | None:
        rpr = r.find(w("rPr"))
        bold = italic = False
        if rpr is not None:
            style = rpr.find(w("rStyle"))
            if (
                style is not None
                and self.style_names.get(style.get(w("val"), ""), "") in _SKIP_RUN_STYLES
            ):
                return None
            bold, italic = _on(rpr.find(w("b"))), _on(rpr.find(w("i")))
        pieces = []
        for node in r:
            if node.tag == w("t"):
                pieces.append(node.text or "")
            elif node.tag == w("tab"):
                pieces.append("\t")
            elif node.tag in (w("br"), w("cr")):
                pieces.append("\n")
        text = "".join(pieces)
        return Run(text, bold, italic, link) if text else None

    def _table(self, table: Element) -> Block:
        rows: list[tuple[tuple[Run, ...], ...]] = []
        header = 0
        for tr in table.iter(w("tr")):
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("tblHeader")) is not None and header == len(rows):
                header += 1
            cells = []
            for tc in tr.findall(w("tc")):
                runs: list[Run] = []
                for p in tc.findall(w("p")):
                    if runs:
                        runs.append(Run("\n"))
                    runs += self._runs(p)
                cells.append(tuple(runs))
            rows.append(tuple(cells))
        return Block(BlockKind.TABLE, rows=tuple(rows), header_rows=header)


def _body_children(body: Element | None) -> Iterator[Element]:
    for child in body if body is not None else ():
        if child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _body_children(content)
        elif child.tag in (w("p"), w("tbl")):
            yield child


def _is_layout_table(table: Element) -> bool:
    """A table before the first heading that lays out the first page's facts: styled
    "Uppgift" as the city template does, or holding two facts or more (Dnr, Handläggare)."""
    styles = {s.get(w("val"), "").lower() for s in table.iter(w("pStyle"))}
    if styles and styles <= {"uppgift", "uppgiftsrubrik"}:
        return True
    return len(read_facts(_plain(p) for p in table.iter(w("p"))).found()) >= 2


def _plain(p: Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def _on(element: Element | None) -> bool:
    return element is not None and element.get(w("val"), "true").lower() not in (
        "0",
        "false",
        "off",
    )


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
