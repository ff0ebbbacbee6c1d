"""A received review's changes shown in place, in Word's colours, in the text steps:
deleted and replaced text struck through in red, a green mark where text is inserted,
a moved block struck through in green at its old place with a green mark at its new one
(Word's move colour), each with a tooltip saying who did what. Only ExtraSelections:
the document's text never changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from beslut.checks.findings import Location
from beslut.i18n import _
from beslut.review import Change, Kind
from beslut.ui.changes_panel import short
from beslut.ui.richtext.places import cursor_for, text_blocks
from beslut.ui.style import CHANGE_GREEN, CHANGE_RED

if TYPE_CHECKING:
    from beslut.ui.steps.section import SectionStep

DELETED = CHANGE_RED  # Word's red for a deletion
INSERTED = "#ffffff"
INSERTED_BACKGROUND = CHANGE_GREEN  # a green mark where the inserted text goes
MOVED = CHANGE_GREEN  # Word's green for a move: struck through where the block was
_INSERTS = (Kind.INSERT, Kind.INSERT_BLOCK)
_STRUCK = (Kind.DELETE, Kind.REPLACE, Kind.DELETE_BLOCK, Kind.REPLACE_BLOCK)


def said(change: Change, *, here: bool = True) -> str:
    """The tooltip of a change: who did what (a move's at its old place, or with
    ``here`` False at its new one)."""
    if change.kind is Kind.MOVE_BLOCK:
        moved = (
            _("Flyttat härifrån av {name}: ”{text}”")
            if here
            else _("Flyttat hit av {name}: ”{text}”")
        )
        return moved.format(name=change.author, text=short(change.old))
    if change.kind in _INSERTS:
        return _("Infogat av {name}: ”{text}”").format(name=change.author, text=short(change.new))
    if change.new:
        return _("Ersatt av {name} med: ”{text}”").format(
            name=change.author, text=short(change.new)
        )
    return _("Borttaget av {name}: ”{text}”").format(name=change.author, text=short(change.old))


def struck_format(color: str = DELETED) -> QTextCharFormat:
    """Text a change takes away: struck through, in ``color``."""
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(True)
    fmt.setForeground(QColor(color))
    return fmt


def inserted_format() -> QTextCharFormat:
    """A green mark where a change puts text in."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(INSERTED_BACKGROUND))
    fmt.setForeground(QColor(INSERTED))
    return fmt


def _at_insertion(cursor: QTextCursor) -> QTextCursor:
    """The one character a mark for an insertion at ``cursor`` covers: the one before
    it (the one after at a block's start)."""
    position = cursor.position()
    marker = QTextCursor(cursor)
    if position > cursor.block().position():
        marker.setPosition(position - 1)
        marker.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    else:
        marker.setPosition(position)
        marker.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
        )
    return marker


def _place(step: SectionStep, blocks: list, change: Change) -> QTextCursor | None:  # type: ignore[type-arg]
    loc, model = change.location, step.section().blocks
    if change.kind is Kind.INSERT_BLOCK:
        return _gap(blocks, loc.index)
    found = cursor_for(blocks, model, Location(loc.part, loc.index, loc.field, loc.start, loc.end))
    if found is None:
        return None
    if change.kind is Kind.INSERT:
        return _at_insertion(found)
    return found if found.hasSelection() else None


def _gap(blocks: list[QTextBlock], index: int | None) -> QTextCursor | None:
    """The mark for a block inserted before block ``index`` (None: at the end)."""
    if not blocks:
        return None
    if index is not None and index < len(blocks):
        cursor = QTextCursor(blocks[index])
    else:
        cursor = QTextCursor(blocks[-1])
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    return _at_insertion(cursor)


def _marks(
    step: SectionStep, blocks: list[QTextBlock], change: Change
) -> list[tuple[QTextCursor, QTextCharFormat, str]]:
    """Where ``change`` is marked in ``step``'s text, how, and its tooltip: a move at
    both places (its new one a mark where it goes: it is not in the text yet)."""
    if change.kind is Kind.MOVE_BLOCK:
        old = _place(step, blocks, replace(change, kind=Kind.DELETE_BLOCK))
        new = _gap(blocks, change.to_index)
        out = [] if old is None else [(old, struck_format(MOVED), said(change))]
        return out + ([] if new is None else [(new, inserted_format(), said(change, here=False))])
    if change.kind not in _INSERTS and change.kind not in _STRUCK:
        return []
    cursor = _place(step, blocks, change)
    if cursor is None:
        return []
    return [
        (cursor, inserted_format() if change.kind in _INSERTS else struck_format(), said(change))
    ]


def mark_changes(steps: Sequence[SectionStep], changes: Sequence[Change]) -> int:
    """Show ``changes`` in the text steps ``steps`` (a step without any is cleared);
    the number of changes marked."""
    count = 0
    for step in steps:
        mine = [c for c in changes if c.location.part == step.part and c.location.index is not None]
        edit = step.editor.text_edit
        blocks = text_blocks(edit.document()) if mine else []
        selections: list[QTextEdit.ExtraSelection] = []
        spoken: list[tuple[QTextCursor, str]] = []
        for change in mine:
            marks = _marks(step, blocks, change)
            for cursor, fmt, tooltip in marks:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                spoken.append((cursor, tooltip))
            count += bool(marks)
        step.show_changes(selections)
        if edit.marks is not None:
            edit.marks.changes = spoken
    return count
