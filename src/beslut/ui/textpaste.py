"""Pasted and dropped text reduced to the model: structure, bold, italic, links, list
levels and tables kept; fonts, colours and empty spacing paragraphs gone."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument

from beslut.model.blocks import blocks_from_text, pasted_block
from beslut.model.draft import Block
from beslut.model.text import clean_text
from beslut.ui.textconvert import document_to_blocks

__all__ = ["blocks_from_html", "blocks_from_text", "inline_text"]

# Line breaks of the HTML source before the end of a block or of the copied fragment:
# Qt would read them as a trailing space. A space inside a copied <span> stays.
_SOURCE_SPACE = re.compile(
    r"[ \t\r\n]+(?=<!--EndFragment-->|</(?:p|li|h[1-6]|td|th|div|body|html)\b)", re.IGNORECASE
)


def blocks_from_html(html: str) -> tuple[Block, ...]:
    """The model's blocks for pasted HTML: structure and bold/italic kept, all styling gone."""
    doc = QTextDocument()
    doc.setHtml(_SOURCE_SPACE.sub("", html))  # images stay unloaded: nothing lays it out
    found = document_to_blocks(doc)
    # A single paragraph goes into a sentence: spaces at its ends are part of what was copied.
    trim = len(found) > 1
    pasted = (pasted_block(block, trim) for block in found)
    return tuple(block for block in pasted if block is not None)


def inline_text(source: QMimeData) -> str | None:
    """Plain text of one line, pasted as it is into the current block; else None."""
    if source.hasHtml() or not source.hasText():
        return None
    text = clean_text(source.text()).strip("\n")
    return None if "\n" in text else text
