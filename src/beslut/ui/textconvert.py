"""A whole section between the model's blocks and a QTextDocument, with few calls into Qt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFragment, QTextList

from beslut.model.draft import Block, BlockKind
from beslut.ui.textformat import (
    BOLD_WEIGHT,
    LINE_SEPARATOR,
    Piece,
    block_format,
    block_kind,
    char_format,
    continue_list,
    has_text,
    merge_runs,
    without_placeholders,
)

# What decides a model block: its kind and the text, bold and italic of each fragment.
_Key = tuple[BlockKind, tuple[Piece, ...]]


class BlockReader:
    """Reads one document as model blocks, converting again only the Qt blocks that changed.

    A Qt block is looked up by its kind and the text and formatting of its fragments: the
    very things its model block is made from, so a block found is the block converting
    would give. Each read keeps the entries it used, so the cache never outgrows the
    document. A read at the document revision of the last one returns that one's result.
    """

    def __init__(self) -> None:
        self._doc: QTextDocument | None = None
        self._revision = -1
        self._result: tuple[Block, ...] = ()
        self._cache: dict[_Key, Block | None] = {}

    def read(self, doc: QTextDocument) -> tuple[Block, ...]:
        """The model's blocks for ``doc``, blank blocks left out. Reads only."""
        if doc is not self._doc:
            self._doc, self._revision, self._cache = doc, -1, {}
        revision = doc.revision()
        if revision == self._revision:
            return self._result
        cache: dict[_Key, Block | None] = self._cache
        used: dict[_Key, Block | None] = {}
        kinds: dict[int, BlockKind] = {}
        styles: dict[int, tuple[bool, bool] | None] = {}
        result = []
        block = doc.begin()
        while block.isValid():
            index = block.blockFormatIndex()
            kind = kinds.get(index)
            if kind is None:
                kind = kinds[index] = block_kind(block)
            key = (kind, _pieces(block, kind is BlockKind.HEADING, styles))
            try:
                model = cache[key]
            except KeyError:
                model = _convert(key)
            used[key] = model
            if model is not None:
                result.append(model)
            block = block.next()
        self._cache, self._revision, self._result = used, revision, tuple(result)
        return self._result

    def expect(self, doc: QTextDocument, blocks: tuple[Block, ...]) -> None:
        """Take ``blocks`` as what ``doc`` holds now: blocks_to_document has just written
        them, normalized (the round trip gives them back unchanged). Later reads find the
        blocks not changed since instead of converting them again."""
        if doc is not self._doc:
            self._doc, self._cache = doc, {}
        self._revision, self._result = doc.revision(), blocks
        for block in blocks:
            heading = block.kind is BlockKind.HEADING
            pieces = tuple(
                (run.text.replace("\n", LINE_SEPARATOR), run.bold and not heading, run.italic)
                for run in block.runs
            )
            self._cache[(block.kind, pieces)] = block


def _pieces(
    block: QTextBlock, heading: bool, styles: dict[int, tuple[bool, bool] | None]
) -> tuple[Piece, ...]:
    pieces = []
    # Iterating the block (the stubs say object) gives its iterator at each fragment in
    # turn: a third cheaper than calling atEnd and += from Python.
    for fragments in cast("Iterable[QTextBlock.iterator]", block):
        fragment = fragments.fragment()
        index = fragment.charFormatIndex()
        try:
            style = styles[index]
        except KeyError:
            style = styles[index] = _style(fragment)
        if style is not None:
            pieces.append((fragment.text(), style[0] and not heading, style[1]))
    return tuple(pieces)


def _style(fragment: QTextFragment) -> tuple[bool, bool] | None:
    """Bold and italic of the fragment's format; None for an image."""
    fmt = fragment.charFormat()
    if fmt.isImageFormat():
        return None
    return (fmt.fontWeight() >= BOLD_WEIGHT, fmt.fontItalic())


def _convert(key: _Key) -> Block | None:
    kind, pieces = key
    runs = merge_runs(pieces)
    return Block(kind, runs) if has_text(runs) else None


def document_to_blocks(doc: QTextDocument) -> tuple[Block, ...]:
    """The model's blocks for ``doc``, blank blocks left out. Reads only."""
    return BlockReader().read(doc)


def blocks_to_document(blocks: Sequence[Block], doc: QTextDocument) -> None:
    """Replace the content of ``doc`` with ``blocks`` (blank blocks left out).

    All text goes in with one insertion as plain paragraphs; then only what differs
    from that is set: headings, list items and formatted runs. The document is the one
    writing block by block gives (see insert_blocks), with far fewer calls into Qt.
    """
    doc.clear()
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        return
    texts = [[_stored(run.text) for run in block.runs] for block in blocks]
    text = "\n".join("".join(runs) for runs in texts)
    # Qt counts positions in UTF-16 code units: as Python counts unless a character is
    # beyond U+FFFF (one encoding of the whole text tells).
    length = len if len(text.encode("utf-16-le")) == 2 * len(text) else _utf16_length
    plain = char_format(False, False, False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setBlockFormat(block_format(BlockKind.PARAGRAPH))
    cursor.setBlockCharFormat(plain)
    cursor.insertText(text, plain)
    position = 0
    text_list: QTextList | None = None
    for block, runs in zip(blocks, texts, strict=True):
        kind, heading = block.kind, block.kind is BlockKind.HEADING
        if kind is not BlockKind.PARAGRAPH:
            cursor.setPosition(position)
            cursor.setBlockFormat(block_format(kind))
            if heading:
                cursor.setBlockCharFormat(char_format(False, False, True))
        text_list = continue_list(cursor, kind, text_list)
        for run, run_text in zip(block.runs, runs, strict=True):
            end = position + length(run_text)
            if end > position and (heading or run.bold or run.italic):
                cursor.setPosition(position)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(char_format(run.bold, run.italic, heading))
            position = end
        position += 1  # the block separator
    cursor.endEditBlock()


def _stored(text: str) -> str:
    """A run's text as the document holds it: no placeholders, line breaks as such."""
    return without_placeholders(text).replace("\n", LINE_SEPARATOR)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
