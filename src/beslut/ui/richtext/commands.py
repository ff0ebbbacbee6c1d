"""The editor's commands on the text at the cursor: list levels, numbering, links and
footnotes. Each is one undo step of the document's own history."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFragment

from beslut.model.draft import MAX_LIST_LEVEL, BlockKind
from beslut.ui.richtext.format import (
    BOLD_WEIGHT,
    char_format,
    heading_level,
    iter_blocks,
    link_of,
    list_kind,
    list_level,
    note_format,
    note_number,
    note_of,
    restart_of,
)
from beslut.ui.richtext.write import regroup_lists, set_list_level, set_restart


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks the cursor's selection touches (the cursor's block without one)."""
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    return list(iter_blocks(first, doc.findBlock(cursor.selectionEnd())))


# --- list levels and numbering ------------------------------------------------------------


def can_change_level(cursor: QTextCursor, delta: int) -> bool:
    """True when a list item in the selection can move ``delta`` levels (+1 / -1)."""
    for block in selected_blocks(cursor):
        text_list = block.textList()
        if text_list is not None and 0 <= list_level(text_list) + delta <= MAX_LIST_LEVEL:
            return True
    return False


def change_level(cursor: QTextCursor, delta: int) -> bool:
    """Move the selected list items ``delta`` levels deeper (+1) or up (-1); False when
    none can move (the key then does what it does elsewhere)."""
    if not can_change_level(cursor, delta):
        return False
    cursor.beginEditBlock()
    for block in selected_blocks(cursor):
        text_list = block.textList()
        if text_list is None:
            continue
        level = min(max(list_level(text_list) + delta, 0), MAX_LIST_LEVEL)
        if level != list_level(text_list):
            set_list_level(block, level)
    regroup_lists(cursor.document())
    cursor.endEditBlock()
    return True


def is_numbered(block: QTextBlock) -> bool:
    """True when ``block`` is an item of a numbered list."""
    text_list = block.textList()
    return text_list is not None and list_kind(text_list) is BlockKind.NUMBERED


def set_numbering(cursor: QTextCursor, start: int | None) -> None:
    """Restart the numbering at the cursor's numbered item at ``start``, or (None) let it
    continue the list before it."""
    block = cursor.block()
    if not is_numbered(block) or restart_of(block) == start:
        return
    cursor.beginEditBlock()
    set_restart(block, start)
    regroup_lists(cursor.document())
    cursor.endEditBlock()


# --- links --------------------------------------------------------------------------------


def _fragments(
    doc: QTextDocument, start: int, end: int
) -> Iterator[tuple[QTextBlock, QTextFragment]]:
    """The fragments between ``start`` and ``end``, with their blocks."""
    for block in iter_blocks(doc.findBlock(start), doc.findBlock(end)):
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.position() < end and fragment.position() + fragment.length() > start:
                yield block, fragment
            it += 1


def link_at(cursor: QTextCursor) -> str:
    """The address of the link the cursor stands in or the selection starts in; ""."""
    doc = cursor.document()
    position = cursor.selectionStart()
    for _block, fragment in _fragments(doc, max(position - 1, 0), position + 1):
        link = link_of(fragment.charFormat())
        if link:
            return link
    return ""


def _link_span(cursor: QTextCursor) -> tuple[int, int] | None:
    """The extent of the link around the cursor (its fragments with one address)."""
    link = link_at(cursor)
    if not link:
        return None
    block = cursor.block()
    spans = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if link_of(fragment.charFormat()) == link:
            spans.append((fragment.position(), fragment.position() + fragment.length()))
        it += 1
    position = cursor.position()
    near = [span for span in spans if span[0] <= position <= span[1]]
    return near[0] if near else None


def set_link(cursor: QTextCursor, address: str) -> None:
    """Make the selection (or the link the cursor stands in) a link to ``address``; ""
    removes the link. Without a selection or a link, the address is inserted as its own
    link text."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    if start == end:
        span = _link_span(cursor)
        if span is None:
            if not address:
                return
            heading = heading_level(cursor.block())
            cursor.insertText(address, char_format(False, False, heading, address))
            cursor.setCharFormat(char_format(False, False, heading))
            return
        start, end = span
    _restyle(cursor.document(), start, end, address)


def _restyle(doc: QTextDocument, start: int, end: int, link: str) -> None:
    spans = []
    for block, fragment in _fragments(doc, start, end):
        fmt = fragment.charFormat()
        if note_of(fmt) or fmt.isImageFormat():
            continue
        bold = fmt.fontWeight() >= BOLD_WEIGHT and not heading_level(block)
        style = char_format(bold, fmt.fontItalic(), heading_level(block), link)
        first = max(fragment.position(), start)
        last = min(fragment.position() + fragment.length(), end)
        spans.append((first, last, style))
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for first, last, style in spans:
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(style)
    cursor.endEditBlock()


# --- footnotes ----------------------------------------------------------------------------


def marker_at(cursor: QTextCursor) -> tuple[int, int, str] | None:
    """The footnote marker just before or after the cursor: its start, end and note."""
    position = cursor.position()
    doc = cursor.document()
    for _block, fragment in _fragments(doc, max(position - 1, 0), position + 1):
        note = note_of(fragment.charFormat())
        if note:
            return fragment.position(), fragment.position() + fragment.length(), note
    return None


def set_note(cursor: QTextCursor, note: str) -> None:
    """Put a footnote with ``note`` after the text before the cursor, or change the one
    at the cursor; an empty ``note`` removes it."""
    doc = cursor.document()
    marker = marker_at(cursor)
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    if marker is not None:
        edit.setPosition(marker[0])
        edit.setPosition(marker[1], QTextCursor.MoveMode.KeepAnchor)
        if note:
            number = note_number(edit.charFormat())
            edit.insertText(edit.selectedText(), note_format(note, number))
        else:
            edit.removeSelectedText()
    elif note:
        edit.setPosition(cursor.selectionEnd())
        edit.insertText("0", note_format(note, 0))
    renumber_notes(doc)
    edit.endEditBlock()


def renumber_notes(doc: QTextDocument) -> None:
    """Number the footnote markers 1, 2, ... in the order they stand in."""
    markers = []
    for _block, fragment in _fragments(doc, 0, doc.characterCount()):
        fmt = fragment.charFormat()
        note = note_of(fmt)
        if note:
            shown = (fragment.text(), note_number(fmt))
            markers.append((fragment.position(), fragment.length(), shown, note))
    cursor = QTextCursor(doc)
    for number, (position, length, shown, note) in reversed(list(enumerate(markers, 1))):
        if shown != (str(number), number):
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(str(number), note_format(note, number))
