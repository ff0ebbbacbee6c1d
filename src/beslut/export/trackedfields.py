"""The tracked export's changes beyond the TU's own text (no Qt): the template's fields
in the body, and the document's last paragraph mark.

A tracked export shows a changed ärendemening, Dnr, datum or handläggare on the first
page as the old value deleted and the new one inserted, like any other change.

The body is filled with a placeholder for each changed field; each placeholder is then
cut out of its run and replaced by the change, word by word when the values have much
in common, else the old value in a w:del and the new one in a w:ins, all in the run's
own formatting. The page headers and footers get the new values as
they are: they repeat what the first page says.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass

from beslut.diff import Op, words
from beslut.export.fields import field_key
from beslut.export.merge import FIELD_PATTERN, paragraph_text, set_text
from beslut.export.ooxml import SPACE, W_NS, Element, P, T, w
from beslut.export.revisions import Revisions

KEPT = 0.5  # the share of a value kept for it to be marked word by word
_PRIVATE_USE = range(0xE100, 0xF8FF)  # the delimiters are taken from here


@dataclass(frozen=True)
class Delimiters:
    """The two characters around a placeholder: characters no value holds, so a value
    that reads like a placeholder is never taken for one."""

    open: str
    close: str

    @classmethod
    def unused_in(cls, *values: Mapping[str, str]) -> Delimiters:
        used = set().union(*(set(text) for mapping in values for text in mapping.values()))
        free = (chr(code) for code in _PRIVATE_USE if chr(code) not in used)
        return cls(next(free), next(free))

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(f"{self.open}([^{self.close}]*){self.close}")


def placeholders(
    old: Mapping[str, str], new: Mapping[str, str], delimiters: Delimiters
) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """The values to fill the body with (a placeholder for each field whose value
    changed) and the changes by field name: (old value, new value)."""
    changes = {
        name: (old.get(name, ""), value)
        for name, value in new.items()
        if old.get(name, "") != value
    }
    start, end = delimiters.open, delimiters.close
    values = {
        name: f"{start}{name}{end}" if name in changes else value for name, value in new.items()
    }
    return values, changes


def changed_lines(
    root: Element, old: Mapping[str, str], new: Mapping[str, str]
) -> list[tuple[Element, Op]]:
    """The template's lines under ``root`` that only one of the texts has: a line whose
    fields are all empty is left out (merge.py), so a fact added is a line inserted, a
    fact removed a line deleted. Read before the fields are filled."""
    out = []
    for paragraph in root.iter(P):
        text = paragraph_text(paragraph)
        names = [field_key(m.group(1)) for m in FIELD_PATTERN.finditer(text)]
        if not names or any(name not in new for name in names):
            continue
        was, now = any(old.get(n, "") for n in names), any(new.get(n, "") for n in names)
        if was != now:
            out.append((paragraph, Op.INSERT if now else Op.DELETE))
    return out


def mark_lines(lines: list[tuple[Element, Op]], revisions: Revisions) -> None:
    """The rest of each line inserted or deleted with it (its label: "E-post: "), and
    its paragraph mark too, so that accepting or rejecting leaves no empty line."""
    for paragraph, op in lines:
        for run in [child for child in paragraph if child.tag == w("r")]:
            if op is Op.DELETE:
                for node in run.iter(T):
                    node.tag = w("delText")
            run.addprevious(_revision(op, copy.deepcopy(run), revisions))
            paragraph.remove(run)
        _mark_properties(paragraph).append(_revision(op, None, revisions))


def mark_changes(
    root: Element,
    changes: Mapping[str, tuple[str, str]],
    revisions: Revisions,
    delimiters: Delimiters,
) -> None:
    """Put each placeholder's change in place under ``root`` (the filled body)."""
    pattern = delimiters.pattern
    for node in list(root.iter(T)):
        if delimiters.open in (node.text or ""):
            _mark(node, changes, revisions, pattern)


def _mark(
    node: Element,
    changes: Mapping[str, tuple[str, str]],
    revisions: Revisions,
    pattern: re.Pattern[str],
) -> None:
    run = node.getparent()
    properties = run.find(w("rPr"))
    children = list(run)
    at = children.index(node)
    before = [c for c in children[:at] if c is not properties]
    after = children[at + 1 :]
    pieces = pattern.split(node.text or "")  # text, name, text, name, ..., text
    made: list[Element] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if piece:
                made.append(_run(run, properties, piece))
            continue
        old, new = changes.get(piece, ("", ""))
        for op, text in _pieces(old, new):
            if op is Op.EQUAL:
                made.append(_run(run, properties, text))
            else:
                deleted = op is Op.DELETE
                made.append(_revision(op, _run(run, properties, text, deleted=deleted), revisions))
    for others, place in ((before, 0), (after, len(made))):
        if others:  # what the run held besides this text (a tab, a break, more text)
            holder = _run(run, properties, "")
            holder.remove(holder.find(T))
            holder.extend(others)
            made.insert(place, holder)
    for element in made:
        run.addprevious(element)
    run.getparent().remove(run)


def _pieces(old: str, new: str) -> list[tuple[Op, str]]:
    """``old`` -> ``new`` word by word when they have much in common ("Avgiftsfri
    simskola" -> "Avgiftsfri simskola och vuxna"), else the whole old value deleted and
    the new one inserted (a Dnr, a date)."""
    pieces = [(piece.op, piece.text) for piece in words(old, new)]
    kept = sum(len(text.replace(" ", "")) for op, text in pieces if op is Op.EQUAL)
    if old and new and kept >= KEPT * max(len(old.replace(" ", "")), len(new.replace(" ", ""))):
        return pieces
    return [(op, text) for op, text in ((Op.DELETE, old), (Op.INSERT, new)) if text]


def _run(like: Element, properties: Element | None, text: str, *, deleted: bool = False) -> Element:
    run = like.makeelement(w("r"), {})
    if properties is not None:
        run.append(copy.deepcopy(properties))
    node = run.makeelement(T, {SPACE: "preserve"})
    run.append(node)
    set_text(node, text)
    if deleted:
        for child in run.iter(T):
            child.tag = w("delText")
    return run


def _revision(op: Op, run: Element | None, revisions: Revisions) -> Element:
    """``run`` inside a w:ins or w:del of its own (with none: an empty one, for a
    paragraph mark)."""
    from docx.oxml.parser import parse_xml  # lazy: start-up time

    element = parse_xml(f'<w:body xmlns:w="{W_NS}">{revisions.mark(op)}</w:body>')[0]
    if run is not None:
        element.append(run)
    return element


def settle_final_mark(body: Element) -> None:
    """When the document ends in inserted paragraphs, their last mark is the document's
    own, which no program can remove: the insertion of a paragraph break goes on the
    mark before them instead ("old¶ new¶" is old text, then "¶new" inserted), so that
    rejecting all changes leaves no empty paragraph at the end."""
    paragraphs = [child for child in body if child.tag in (P, w("tbl"))]
    if not paragraphs or paragraphs[-1].tag != P:
        return
    trail = 0
    while trail < len(paragraphs) and _mark_change(paragraphs[-1 - trail], "ins") is not None:
        trail += 1
    if not trail or trail == len(paragraphs):
        return
    before = paragraphs[-1 - trail]
    if before.tag != P or _mark_change(before, "del") is not None:
        return
    last_mark = _mark_change(paragraphs[-1], "ins")
    if last_mark is None:
        return
    _mark_properties(before).append(last_mark)  # moved, so its w:id stays unique


def _mark_change(paragraph: Element, change: str) -> Element | None:
    """The w:ins or w:del on ``paragraph``'s mark."""
    if paragraph.tag != P:
        return None
    return paragraph.find(f"{w('pPr')}/{w('rPr')}/{w(change)}")


def _mark_properties(paragraph: Element) -> Element:
    """The w:rPr of ``paragraph``'s mark, made when it has none."""
    properties = paragraph.find(w("pPr"))
    if properties is None:
        properties = paragraph.makeelement(w("pPr"), {})
        paragraph.insert(0, properties)
    marks = properties.find(w("rPr"))
    if marks is None:
        marks = properties.makeelement(w("rPr"), {})
        properties.append(marks)  # w:rPr comes last in w:pPr
    return marks
