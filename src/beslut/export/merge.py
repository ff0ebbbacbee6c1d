"""Filling {{ field }} merge fields in WordprocessingML, even when runs split a field.

The fields of a part are all found before any is filled (``find_fields``), and each
value is written in as text, so a value that reads like a field ("{{ innehall }}" as a
title) is never filled nor taken for one.

Word and LibreOffice cut text into runs wherever formatting, spelling marks or revision
ids change, so "{{ dnr }}" may reach us as "{{", " dn", "r }}". We therefore match on
the text of the whole paragraph and write each value into the run where its field
begins, removing the field's other characters from the runs that held them.

A line whose fields are all empty ("E-post: {{ epost }}" without an address) is left
out, so the document never shows a label without a value nor an empty paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from beslut.export.fields import field_key
from beslut.export.ooxml import SPACE, Element, P, T, w

FIELD_PATTERN = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")

# Inside these a paragraph holds more than text; such a paragraph is never removed.
_KEEP_TAGS = frozenset(
    w(tag) for tag in ("drawing", "pict", "object", "fldChar", "fldSimple", "sectPr")
)
_BR, _TAB = w("br"), w("tab")


@dataclass(frozen=True, slots=True)
class Site:
    """The fields of one paragraph as the template wrote them: its ``w:t`` elements and
    where in their joined text each field is, by name (found before any is filled)."""

    paragraph: Element
    texts: list[Element]
    fields: list[tuple[int, int, str]]

    def fill(self, values: Mapping[str, str]) -> set[str]:
        """Write the values in as text; returns the names that have no value."""
        edits = [(start, end, values[name]) for start, end, name in self.fields if name in values]
        unknown = {name for _start, _end, name in self.fields if name not in values}
        if edits:
            _apply(self.texts, edits)
            if not unknown and not any(value for _, _, value in edits):
                _leave_out(self.paragraph, self.texts)
        return unknown


def find_fields(root: Element) -> list[Site]:
    """Every paragraph under ``root`` that holds a field, with its fields: read from the
    template alone, so that no value written in later is ever read as a field."""
    sites = []
    for paragraph in root.iter(P):
        texts = own_texts(paragraph)
        joined = "".join(t.text or "" for t in texts)
        if "{{" not in joined:
            continue
        fields = [
            (m.start(), m.end(), field_key(m.group(1))) for m in FIELD_PATTERN.finditer(joined)
        ]
        if fields:
            sites.append(Site(paragraph, texts, fields))
    return sites


def fill_fields(root: Element, values: Mapping[str, str]) -> set[str]:
    """Fill the fields under ``root``, all found first; returns the names found that
    have no value."""
    unknown: set[str] = set()
    for site in find_fields(root):
        unknown |= site.fill(values)
    return unknown


def fill_paragraph(paragraph: Element, values: Mapping[str, str]) -> set[str]:
    """Fill the fields of one paragraph; returns the names found that have no value."""
    unknown: set[str] = set()
    for site in find_fields(paragraph):
        if site.paragraph is paragraph:
            unknown |= site.fill(values)
    return unknown


def own_texts(paragraph: Element) -> list[Element]:
    """The paragraph's ``w:t`` elements, without those of paragraphs nested in text boxes."""
    return [t for t in paragraph.iter(T) if _paragraph_of(t) is paragraph]


def paragraph_text(paragraph: Element) -> str:
    """The plain text of the paragraph's own runs."""
    return "".join(t.text or "" for t in own_texts(paragraph))


def _paragraph_of(node: Element) -> Element:
    parent = node.getparent()
    while parent is not None and parent.tag != P:
        parent = parent.getparent()
    return parent


def _apply(texts: list[Element], edits: list[tuple[int, int, str]]) -> None:
    """Replace the character spans of ``edits`` (sorted, disjoint) across ``texts``."""
    offset = 0
    for node in texts:
        text = node.text or ""
        start, end = offset, offset + len(text)
        offset = end
        pieces, pos = [], start
        for edit_start, edit_end, value in edits:
            if edit_start >= end or edit_end <= start:
                continue
            if edit_start >= start:
                pieces += [text[pos - start : edit_start - start], value]
            pos = min(edit_end, end)
        if pos != start or pieces:
            pieces.append(text[pos - start :])
            set_text(node, "".join(pieces))


def set_text(node: Element, text: str) -> None:
    """Put ``text`` in the ``w:t`` ``node``; line breaks and tabs become w:br and w:tab."""
    parts = re.split(r"(\n|\t)", text)
    node.text = parts[0]
    node.set(SPACE, "preserve")
    anchor = node
    for part in parts[1:]:
        if part in ("\n", "\t"):
            new = node.makeelement(_BR if part == "\n" else _TAB, {})
        elif part:
            new = node.makeelement(T, {SPACE: "preserve"})
            new.text = part
        else:
            continue
        anchor.addnext(new)
        anchor = new


def _leave_out(paragraph: Element, texts: Iterable[Element]) -> None:
    """Remove a line whose fields were all empty, or blank it when it must stay."""
    parent = paragraph.getparent()
    siblings = [child for child in parent if child.tag == P]
    has_more = next(paragraph.iter(*_KEEP_TAGS), None) is not None
    if len(siblings) > 1 and not has_more:
        parent.remove(paragraph)
        return
    for node in texts:
        node.text = ""
