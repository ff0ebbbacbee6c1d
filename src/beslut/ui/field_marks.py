"""A received review's changes shown where they are outside the text, in the colours of
change_marks.py: a changed metadata field or part heading gets a coloured frame (the
``change`` property the app's style sheet colours: green inserted, red deleted, both
for a replacement) and a tooltip saying who proposed what; a decision point shows its
changes in the list, struck through in red and inserted in green, a point to be
inserted at its place and a deleted one struck through, and the selected point's text
field marks its words as a text step does. Nothing of the draft changes:
the marks go when the change is decided or the review is done."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QTextEdit, QWidget

from beslut.checks.findings import HEADING
from beslut.parts import DECISIONS, META
from beslut.review import Change, Kind
from beslut.ui.change_marks import (
    DELETED,
    INSERTED,
    INSERTED_BACKGROUND,
    inserted_format,
    said,
    struck_format,
)
from beslut.ui.steps.rich_items import RICH

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor
    from beslut.ui.steps.decisions import DecisionsStep

CHANGE = "change"  # the dynamic property: "", "inserted", "deleted" or "replaced"
_OWN_TIP = "ownToolTip"  # a marked widget's own tooltip, put back when the mark goes
_ON_POINT = Qt.ItemDataRole.UserRole + 21  # a point's own changes (not points put before it)
_FOLLOWED = "changeMarksFollow"  # a step whose selected point is marked as it changes
_IN_TEXT = (Kind.INSERT, Kind.DELETE, Kind.REPLACE)
_GONE = (Kind.DELETE, Kind.DELETE_BLOCK, Kind.DELETE_PART)
_NEW = (Kind.INSERT, Kind.INSERT_BLOCK)


def mark_fields(editor: DraftEditor, changes: Sequence[Change]) -> int:
    """Show ``changes`` in the metadata fields, the text parts' headings and the
    decision points of ``editor`` (a field or point without any is cleared); the
    number of changes marked."""
    count = 0
    meta = [c for c in changes if c.location.part == META]
    for field, widgets in editor.metadata.change_widgets().items():
        mine = [c for c in meta if c.location.field == field]
        for widget in widgets:
            mark_widget(widget, mine)
        count += len(mine)
    for step in editor.sections:
        mine = [c for c in changes if c.location.part == step.part and _on_heading(c)]
        mark_widget(step.heading_edit, mine)
        count += len(mine)
    points = [c for c in changes if c.location.part == DECISIONS]
    count += mark_points(editor.decisions.list, points)
    _follow(editor.decisions)
    mark_point_text(editor.decisions)
    return count


def _on_heading(change: Change) -> bool:
    """A change of a part's heading, or of the whole part (its removal)."""
    loc = change.location
    return loc.index is None and (loc.field == HEADING or change.kind is Kind.DELETE_PART)


def state(changes: Iterable[Change]) -> str:
    """The ``change`` property of a field with ``changes``."""
    kinds = {c.kind for c in changes}
    if not kinds:
        return ""
    if kinds <= set(_NEW):
        return "inserted"
    if kinds <= set(_GONE):
        return "deleted"
    return "replaced"


def mark_widget(widget: QWidget, changes: Sequence[Change], value: str | None = None) -> None:
    """Mark ``widget`` with ``changes`` (none: clear its mark): the ``change`` property
    ``value`` (by default the changes' ``state``) and the tooltip; restyled only when
    the property changes."""
    value = state(changes) if value is None else value
    if (widget.property(CHANGE) or "") != value:
        widget.setProperty(CHANGE, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        if widget.font().strikeOut() != (value == "deleted"):  # emptied, as Word shows it
            struck = QFont()  # only the strike-out set: the rest as the window's
            struck.setStrikeOut(value == "deleted")
            widget.setFont(struck)
    if changes:
        if widget.property(_OWN_TIP) is None:
            widget.setProperty(_OWN_TIP, widget.toolTip())
        widget.setToolTip("\n".join(said(c) for c in changes))
    elif widget.property(_OWN_TIP) is not None:
        widget.setToolTip(str(widget.property(_OWN_TIP)))
        widget.setProperty(_OWN_TIP, None)


def mark_points(points: QListWidget, changes: Sequence[Change]) -> int:
    """Show ``changes`` (of the decision points) on the items of ``points``, whose
    ``values`` are the points' texts; the number of changes marked."""
    values: tuple[str, ...] = getattr(points, "values", ())
    by_row: dict[int, list[Change]] = {}
    for change in changes:
        row = change.location.index
        if row is None or not values:
            continue
        if change.kind is Kind.INSERT_BLOCK:
            row = min(row, len(values) - 1)  # one at the end: under the last point
        if 0 <= row < len(values) and _fits(change, values[row]):
            by_row.setdefault(row, []).append(change)
    for row in range(points.count()):
        item = points.item(row)
        mine = by_row.get(row, [])
        if not mine:
            if item.data(RICH) is not None:
                item.setData(RICH, None)
                item.setData(_ON_POINT, None)
                item.setToolTip("")
            continue
        label = item.text()
        html = _point_html(row, values[row], label, mine)
        item.setData(RICH, (label, html))
        item.setData(_ON_POINT, [c for c in mine if c.kind is not Kind.INSERT_BLOCK])
        item.setToolTip("\n".join(said(c) for c in mine))
    return sum(len(v) for v in by_row.values())


def _follow(step: DecisionsStep) -> None:
    """Mark the text of each point the user selects (once per step)."""
    if not step.property(_FOLLOWED):
        step.setProperty(_FOLLOWED, True)
        step.list.currentRowChanged.connect(lambda _row: mark_point_text(step))


def mark_point_text(step: DecisionsStep) -> None:
    """Mark the changes of the selected point in its text field, as in a text step:
    the field framed, with the tooltip, the changed words in it struck through in red,
    a green mark where words are inserted."""
    item = step.list.currentItem()
    mine: list[Change] = (item.data(_ON_POINT) if item is not None else None) or []
    # The words are marked in the text, as in a text step; a frame only on a point that
    # is to go as a whole (struck through).
    gone = any(c.kind is Kind.DELETE_BLOCK for c in mine)
    mark_widget(step.text, mine, "deleted" if gone else "")
    text = step.text.toPlainText()
    selections = []
    for change in mine:
        if change.kind not in _IN_TEXT or not text.startswith(change.old, _start(change)):
            continue
        selection = QTextEdit.ExtraSelection()
        selection.cursor = _span(step.text, text, change)
        selection.format = inserted_format() if change.kind is Kind.INSERT else struck_format()
        selections.append(selection)
    step.text.setExtraSelections(selections)


def _span(edit: QPlainTextEdit, text: str, change: Change) -> QTextCursor:
    """The characters a change's mark covers in ``edit`` (showing ``text``): its old
    text, or for an insertion the character before it (after it, at the start)."""
    start = _start(change)
    end = start + len(change.old)
    if start == end:
        start, end = (start - 1, start) if start > 0 else (0, min(1, len(text)))
    cursor = QTextCursor(edit.document())
    cursor.setPosition(_qt(text, start))
    cursor.setPosition(_qt(text, end), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _qt(text: str, index: int) -> int:
    """Qt's position of ``text[index]``: Qt counts UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


def _fits(change: Change, text: str) -> bool:
    """Whether ``change`` was found in ``text`` as the point shows it now (not in text
    typed since the draft was last saved)."""
    loc = change.location
    if change.kind in _IN_TEXT:
        start, end = loc.start or 0, loc.end if loc.end is not None else loc.start or 0
        return 0 <= start <= end <= len(text) and text[start:end] == change.old
    if change.kind in (Kind.DELETE_BLOCK, Kind.REPLACE_BLOCK):
        return change.old == text
    return change.kind is Kind.INSERT_BLOCK


def _struck(text: str) -> str:
    return f'<s style="color:{DELETED}">{_html(text)}</s>'


def _inserted(text: str) -> str:
    style = f"background-color:{INSERTED_BACKGROUND}; color:{INSERTED}"
    return f'<span style="{style}">{_html(text)}</span>'


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _point_html(row: int, text: str, label: str, changes: Sequence[Change]) -> str:
    """A point's item as HTML: its number, its text with the changes in it, the points
    to be inserted before it (after it, for those at the end of the list)."""
    prefix = label[: len(label) - len(text)] if text and label.endswith(text) else f"{row + 1}. "
    pos, body = 0, []
    whole = [c for c in changes if c.kind in (Kind.DELETE_BLOCK, Kind.REPLACE_BLOCK)]
    if whole:
        body.append(_struck(text))
        body += [" " + _inserted(c.new) for c in whole if c.new]
    else:
        in_text = sorted((c for c in changes if c.kind in _IN_TEXT), key=_start)
        for change in in_text:
            start = _start(change)
            if start < pos:
                continue  # overlapping: the first one shown
            body.append(_html(text[pos:start]))
            if change.old:
                body.append(_struck(change.old))
            if change.new:
                body.append(_inserted(change.new))
            pos = start + len(change.old)
        body.append(_html(text[pos:]))
    point = f"<div>{_html(prefix)}{''.join(body)}</div>"
    new = [c for c in changes if c.kind is Kind.INSERT_BLOCK]
    before = "".join(f"<div>+ {_inserted(c.new)}</div>" for c in new if c.location.index == row)
    after = "".join(f"<div>+ {_inserted(c.new)}</div>" for c in new if c.location.index != row)
    return f'<div style="white-space:pre-wrap">{before}{point}{after}</div>'


def _start(change: Change) -> int:
    return change.location.start or 0
