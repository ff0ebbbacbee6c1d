"""A received review's changes shown in place, in Word's colours, in the text steps:
deleted and replaced text struck through in red, a green mark where text is inserted,
each with a tooltip saying who did what. Only ExtraSelections: the document's text
never changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from beslut.checks.findings import Location
from beslut.i18n import _
from beslut.review import Change, Kind
from beslut.ui.changes_panel import short
from beslut.ui.richtext.places import cursor_for, text_blocks

if TYPE_CHECKING:
    from beslut.ui.steps.section import SectionStep

DELETED = "#b3261e"  # Word's red for a deletion
INSERTED = "#ffffff"
INSERTED_BACKGROUND = "#2e7d32"  # a green mark where the inserted text goes
_INSERTS = (Kind.INSERT, Kind.INSERT_BLOCK)
_STRUCK = (Kind.DELETE, Kind.REPLACE, Kind.DELETE_BLOCK, Kind.REPLACE_BLOCK)


def said(change: Change) -> str:
    """The tooltip of a change: who did what."""
    if change.kind in _INSERTS:
        return _("Infogat av {name}: ”{text}”").format(name=change.author, text=short(change.new))
    if change.new:
        return _("Ersatt av {name} med: ”{text}”").format(
            name=change.author, text=short(change.new)
        )
    return _("Borttaget av {name}: ”{text}”").format(name=change.author, text=short(change.old))


def _struck() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(True)
    fmt.setForeground(QColor(DELETED))
    return fmt


def _inserted() -> QTextCharFormat:
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
        if not blocks:
            return None
        if loc.index is not None and loc.index < len(blocks):
            cursor = QTextCursor(blocks[loc.index])
        else:
            cursor = QTextCursor(blocks[-1])
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        return _at_insertion(cursor)
    found = cursor_for(blocks, model, Location(loc.part, loc.index, loc.field, loc.start, loc.end))
    if found is None:
        return None
    if change.kind is Kind.INSERT:
        return _at_insertion(found)
    return found if found.hasSelection() else None


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
            if change.kind not in _INSERTS and change.kind not in _STRUCK:
                continue
            cursor = _place(step, blocks, change)
            if cursor is None:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = _inserted() if change.kind in _INSERTS else _struck()
            selections.append(selection)
            spoken.append((cursor, said(change)))
        step.show_changes(selections)
        if edit.marks is not None:
            edit.marks.changes = spoken
        count += len(selections)
    return count
