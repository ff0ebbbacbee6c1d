"""Pasted and dropped text reduced to the model: structure, bold, italic, links, list
levels and tables kept; fonts, colours and empty spacing paragraphs gone."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument

from beslut.model.blocks import blocks_from_text, pasted_block, word_list_marker
from beslut.model.draft import MAX_LIST_LEVEL, MAX_LIST_START, Block, BlockKind
from beslut.model.text import clean_text
from beslut.ui.richtext.convert import document_to_blocks
from beslut.ui.richtext.format import (
    HEADING_LEVEL,
    RESTART_PROPERTY,
    iter_blocks,
    list_format,
    list_kind,
)

__all__ = ["blocks_from_html", "blocks_from_text", "inline_text"]

# Line breaks of the HTML source before the end of a block or of the copied fragment:
# Qt would read them as a trailing space. A space inside a copied <span> stays.
_SOURCE_SPACE = re.compile(
    r"[ \t\r\n]+(?=<!--EndFragment-->|</(?:p|li|h[1-6]|td|th|div|body|html)\b)", re.IGNORECASE
)
# Word's list level of a paragraph (style="...mso-list:l0 level2 lfo1"), which Qt does
# not read: given to Qt as the block's indent.
_MSO_LEVEL = re.compile(r"mso-list:\s*l\d+\s+level(\d)", re.IGNORECASE)
# A table whose first row is of <th> cells: that row is its header, as <thead> says.
_TH_ROW = re.compile(
    r"(<table\b[^>]*>\s*(?:<tbody\b[^>]*>\s*)?)(<tr\b[^>]*>\s*<th\b.*?</tr>)", re.I | re.S
)


def _prepared(html: str) -> str:
    html = _SOURCE_SPACE.sub("", html)
    html = _MSO_LEVEL.sub(lambda m: f"{m[0]};-qt-block-indent:{m[1]}", html)
    return _TH_ROW.sub(r"\1<thead>\2</thead>", html)


def blocks_from_html(html: str) -> tuple[Block, ...]:
    """The model's blocks for pasted HTML: structure, bold/italic, links (https, http,
    mailto), list levels and tables kept, all styling gone."""
    doc = QTextDocument()
    doc.setHtml(_prepared(html))  # images stay unloaded: nothing lays it out
    _mark_starts(doc)
    _word_lists(doc)
    _rank_headings(doc)
    found = document_to_blocks(doc)
    # A single paragraph goes into a sentence: spaces at its ends are part of what was copied.
    trim = len(found) > 1
    pasted = (pasted_block(block, trim) for block in found)
    return tuple(block for block in pasted if block is not None)


def _word_lists(doc: QTextDocument) -> None:
    """Word's list paragraphs (a typed marker, the level in mso-list) as real list items
    at their levels; each list's first numbered item keeps the number it had."""
    for block in list(iter_blocks(doc.begin())):
        if block.textList() is not None or block.blockFormat().indent() == 0:
            continue
        found = word_list_marker(block.text())
        if found is None:
            continue
        kind, end, number = found
        level = min(max(block.blockFormat().indent() - 1, 0), MAX_LIST_LEVEL)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        fmt = block.blockFormat()
        fmt.setIndent(0)
        if number is not None:
            fmt.setProperty(RESTART_PROPERTY, number)
        cursor.setBlockFormat(fmt)
        cursor.createList(list_format(kind, level))
    _continue_word_numbers(doc)


def _continue_word_numbers(doc: QTextDocument) -> None:
    """Word types every item's number: only a number that does not follow the item
    before at its level (a first item: 1) restarts."""
    last: dict[int, int] = {}
    for block in iter_blocks(doc.begin()):
        fmt = block.blockFormat()
        text_list = block.textList()
        if text_list is None or not fmt.hasProperty(RESTART_PROPERTY):
            continue
        level = text_list.format().indent() - 1
        number = fmt.intProperty(RESTART_PROPERTY)
        if last.get(level, 0) == number - 1:
            fmt.clearProperty(RESTART_PROPERTY)
            QTextCursor(block).setBlockFormat(fmt)
        last[level] = number


def _rank_headings(doc: QTextDocument) -> None:
    """The source's highest heading level is a sub-heading, any lower one a sub-sub-
    heading (h1 and h2, or h2 and h3, become level 1 and 2)."""
    headings = [b for b in iter_blocks(doc.begin()) if b.blockFormat().headingLevel() > 0]
    if not headings:
        return
    top = min(b.blockFormat().headingLevel() for b in headings)
    for block in headings:
        fmt = block.blockFormat()
        fmt.setHeadingLevel(HEADING_LEVEL if fmt.headingLevel() == top else HEADING_LEVEL + 1)
        QTextCursor(block).setBlockFormat(fmt)


def _mark_starts(doc: QTextDocument) -> None:
    """A numbered list of the source that starts at another number than 1 (<ol
    start=3>) restarts the numbering there; one from 1 continues the list it is pasted
    into, or begins one. Run before _word_lists."""
    seen: set[int] = set()
    for block in iter_blocks(doc.begin()):
        text_list = block.textList()
        if text_list is None or text_list.objectIndex() in seen:
            continue
        seen.add(text_list.objectIndex())
        if list_kind(text_list) is BlockKind.NUMBERED and text_list.format().start() != 1:
            first = text_list.item(0)
            fmt = first.blockFormat()
            start = min(max(text_list.format().start(), 1), MAX_LIST_START)
            fmt.setProperty(RESTART_PROPERTY, start)
            QTextCursor(first).setBlockFormat(fmt)


def inline_text(source: QMimeData) -> str | None:
    """Plain text of one line, pasted as it is into the current block; else None."""
    if source.hasHtml() or not source.hasText():
        return None
    text = clean_text(source.text()).strip("\n")
    return None if "\n" in text else text
