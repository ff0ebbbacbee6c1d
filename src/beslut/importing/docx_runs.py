"""A .docx paragraph's text as runs (no Qt): tracked changes as accepted (insertions and
moves kept where they land, deletions and moved-away text left out), content controls,
custom XML, smart tags and bidirectional spans read through, links (w:hyperlink and
HYPERLINK fields, simple or complex) kept with their text, footnotes and endnotes at
their reference; with ``marking``, tracked changes and comment anchors are noted with
their places (Mark). A text box is collected for the reader to add after its paragraph;
pictures, formulas and embedded objects are counted, not read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from beslut.export.ooxml import R_NS, Element, w
from beslut.importing.docx_notes import REFERENCES, join_notes
from beslut.importing.docx_parts import ALTERNATE, branch, control_content, on
from beslut.importing.docx_skipped import MATH, TAGS, Skipped
from beslut.model.draft import Run

_SCHEMES = ("https://", "http://", "mailto:")
# Tracked changes and comment anchors, noted with their place when ``marking`` is on
# (a received review: docx_review.py).
INSERTED = frozenset({w("ins"), w("moveTo")})
DELETED = frozenset({w("del"), w("moveFrom")})
COMMENT_START, COMMENT_END, COMMENT_REFERENCE = (
    w("commentRangeStart"),
    w("commentRangeEnd"),
    w("commentReference"),
)
_ANCHORS = {COMMENT_START: "start", COMMENT_END: "end"}
# Elements around runs that only mark them (tracked insertion or move, content control,
# custom XML, smart tag, direction): their runs are read as if they stood alone.
_THROUGH = frozenset(
    w(tag) for tag in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent")
)
_TEXT = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
_BOX = w("txbxContent")
_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_SWITCHES_WITH_ARGUMENT = ("\\l", "\\o", "\\t")


def field_link(instruction: str) -> str:
    """The web or mail address of a HYPERLINK field's instruction, else "" (another
    field, or a link to a place in the document)."""
    tokens = [quoted or bare for quoted, bare in _TOKENS.findall(instruction)]
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return ""
    skip = False
    for token in tokens[1:]:
        if skip:
            skip = False
        elif token.startswith("\\"):
            skip = token.lower() in _SWITCHES_WITH_ARGUMENT
        else:
            return safe_link(token)
    return ""


def safe_link(target: str) -> str:
    return target if target.lower().startswith(_SCHEMES) else ""


@dataclass(frozen=True, slots=True)
class Mark:
    """A tracked change's start or end, a deletion's place, or a comment's anchor in a
    paragraph's text as read (insertions and moves to alike, deletions and moves from
    alike): ``value`` its author or comment id, ``at`` the character it stands before."""

    tag: str  # "ins", "ins_end", "del", "start", "end" or "ref" (a comment's)
    value: str
    at: int = 0


@dataclass(frozen=True, slots=True)
class Marked:
    """A paragraph as read with its marks (only when marking)."""

    text: str
    marks: tuple[Mark, ...]
    mark_gone: bool = False  # its paragraph mark deleted: it joins the next


@dataclass
class _Field:
    """A complex field being read: its instruction, then its result (what shows)."""

    instruction: str = ""
    showing: bool = False
    link: str = ""


@dataclass
class RunReader:
    """Reads runs; holds what spans paragraphs (complex fields) and what the reader
    takes afterwards (text boxes, the count of what was not read)."""

    style_names: dict[str, str]
    links: dict[str, str]  # relationship id -> address
    notes: dict[str, dict[str, str]]  # "footnote"/"endnote" -> id -> text
    skip_styles: frozenset[str]
    skipped: Skipped = field(default_factory=Skipped)
    boxes: list[Element] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)
    marking: bool = False  # note tracked changes and comment anchors (see Mark)
    marked: list[Marked] = field(default_factory=list)  # every paragraph read, in order

    def runs(self, paragraph: Element) -> tuple[Run, ...]:
        out: list[Run] = []
        held = ""  # a note before any text: it goes with the next run
        at = 0
        marks: list[Mark] = []
        for item in self._items(paragraph, ""):
            if isinstance(item, Mark):
                marks.append(Mark(item.tag, item.value, at))
            elif isinstance(item, Run):
                at += len(item.text)
                if held:
                    item = Run(item.text, item.bold, item.italic, item.link, held)
                    held = ""
                out.append(item)
            elif out:
                last = out[-1]
                note = join_notes(last.note, item)
                out[-1] = Run(last.text, last.bold, last.italic, last.link, note)
            else:
                held = join_notes(held, item)
        if held:
            out.append(Run(held))  # a paragraph of nothing but a note: its text is kept
        if self.marking:
            text = "".join(r.text for r in out)
            self.marked.append(Marked(text, tuple(marks), mark_deleted(paragraph)))
        # An instruction does not run past its paragraph: a field never separated (a
        # damaged file) must not hide the rest of the document.
        self.fields = [f for f in self.fields if f.showing]
        return tuple(out)

    def _items(self, parent: Element, link: str) -> Iterator[Run | str | Mark]:
        """The runs under ``parent`` and, as str, the text of each note referred to
        (and, when marking, the marks)."""
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                yield from self._run(child, link)
            elif self.marking and tag in INSERTED:
                author = child.get(w("author"), "")
                yield Mark("ins", author)
                yield from self._items(child, link)
                yield Mark("ins_end", author)
            elif self.marking and (tag in DELETED or tag in _ANCHORS):
                value = child.get(w("id"), "") if tag in _ANCHORS else child.get(w("author"), "")
                yield Mark("del" if tag in DELETED else _ANCHORS[tag], value)
            elif tag == w("hyperlink"):
                target = safe_link(self.links.get(child.get(f"{{{R_NS}}}id", ""), ""))
                yield from self._items(child, target or link)
            elif tag in _THROUGH:
                yield from self._items(child, link)
            elif tag == w("sdt"):
                content = control_content(child)
                if content is not None:
                    yield from self._items(content, link)
            elif tag == w("fldSimple"):
                yield from self._items(child, field_link(child.get(w("instr"), "")) or link)
            elif tag == ALTERNATE:
                chosen = branch(child)
                if chosen is not None:
                    yield from self._items(chosen, link)
            elif tag == f"{{{MATH}}}oMathPara" or tag in TAGS:
                self._count(child)

    def _count(self, element: Element) -> None:
        if element.tag in TAGS:
            self.skipped.count(element)
        for formula in element.iter(f"{{{MATH}}}oMath"):
            if formula is not element:
                self.skipped.count(formula)

    def _run(self, r: Element, link: str) -> Iterator[Run | str | Mark]:
        rpr = r.find(w("rPr"))
        bold = italic = hidden = False
        if rpr is not None:
            style = rpr.find(w("rStyle"))
            name = self.style_names.get(style.get(w("val"), ""), "") if style is not None else ""
            hidden = name in self.skip_styles
            bold, italic = on(rpr.find(w("b"))), on(rpr.find(w("i")))
        pieces: list[str] = []
        for node in self._run_children(r):
            tag = node.tag
            if tag in REFERENCES:
                text = self.notes.get(REFERENCES[tag], {}).get(node.get(w("id"), ""), "")
                if pieces:
                    yield from self._text(pieces, bold, italic, link)
                    pieces = []
                if text:
                    yield text
            elif tag == COMMENT_REFERENCE and self.marking:
                if pieces:
                    yield from self._text(pieces, bold, italic, link)
                    pieces = []
                yield Mark("ref", node.get(w("id"), ""))
            elif tag == w("fldChar"):
                self._field_char(node.get(w("fldCharType"), ""))
            elif tag == w("instrText"):
                if self.fields and not self.fields[-1].showing:
                    self.fields[-1].instruction += node.text or ""
            elif hidden or not self._showing():
                continue
            elif tag == w("t"):
                pieces.append(node.text or "")
            elif tag in _TEXT:
                pieces.append(_TEXT[tag])
            elif tag in (w("drawing"), w("pict")):
                boxes = list(_boxes(node))
                if boxes:
                    self.boxes += boxes
                else:
                    self.skipped.count(node)
            elif tag == w("object"):
                self.skipped.count(node)
        yield from self._text(pieces, bold, italic, link)

    def _run_children(self, r: Element) -> Iterator[Element]:
        for node in r:
            if node.tag == ALTERNATE:
                chosen = branch(node)
                if chosen is not None:
                    yield from chosen
            else:
                yield node

    def _text(self, pieces: list[str], bold: bool, italic: bool, link: str) -> Iterator[Run]:
        text = "".join(pieces)
        if text:
            shown = next((f.link for f in reversed(self.fields) if f.link), "")
            yield Run(text, bold, italic, shown or link)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.showing = True
            current.link = field_link(current.instruction)
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _showing(self) -> bool:
        """False inside a field's instruction (its text is code, not what shows)."""
        return all(f.showing for f in self.fields)


def mark_deleted(paragraph: Element) -> bool:
    """True when the paragraph's mark is a tracked deletion (or move away): accepted,
    the paragraph is one with the next."""
    props = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    return props is not None and any(child.tag in DELETED for child in props)


def joined_marks(first: Marked, second: Marked) -> Marked:
    """Two paragraphs read as one (the first one's mark deleted)."""
    size = len(first.text)
    moved = tuple(Mark(m.tag, m.value, m.at + size) for m in second.marks)
    return Marked(first.text + second.text, first.marks + moved, second.mark_gone)


def _boxes(element: Element) -> Iterator[Element]:
    """The text boxes of a drawing, outermost only, one branch of alternate content."""
    for child in element:
        if child.tag == _BOX:
            yield child
        elif child.tag == ALTERNATE:
            chosen = branch(child)
            if chosen is not None:
                yield from _boxes(chosen)
        else:
            yield from _boxes(child)
