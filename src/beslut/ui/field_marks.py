"""A received review's changes shown where they are outside the text, in the colours of
change_marks.py: a changed metadata field or part heading gets a coloured frame (the
``change`` property the app's style sheet colours: green inserted, red deleted, both
for a replacement) and a tooltip saying who proposed what; a decision point shows its
changes in the list, struck through in red and inserted in green, a point to be
inserted at its place and a deleted one struck through. Nothing of the draft changes:
the marks go when the change is decided or the review is done."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QWidget

from beslut.checks.findings import HEADING
from beslut.parts import DECISIONS, META
from beslut.review import Change, Kind
from beslut.ui.change_marks import DELETED, INSERTED, INSERTED_BACKGROUND, said
from beslut.ui.steps.rich_items import RICH

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor

CHANGE = "change"  # the dynamic property: "", "inserted", "deleted" or "replaced"
_OWN_TIP = "ownToolTip"  # a marked widget's own tooltip, put back when the mark goes
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
    return count + mark_points(editor.decisions.list, points)


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


def mark_widget(widget: QWidget, changes: Sequence[Change]) -> None:
    """Mark ``widget`` with ``changes`` (none: clear its mark); restyled only when the
    mark changes."""
    value = state(changes)
    if (widget.property(CHANGE) or "") != value:
        widget.setProperty(CHANGE, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        struck = QFont()  # only the strike-out set: the rest as the window's
        struck.setStrikeOut(value == "deleted")  # a field to be emptied, as Word shows it
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
                item.setToolTip("")
            continue
        label = item.text()
        html = _point_html(row, values[row], label, mine)
        item.setData(RICH, (label, html))
        item.setToolTip("\n".join(said(c) for c in mine))
    return sum(len(v) for v in by_row.values())


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
