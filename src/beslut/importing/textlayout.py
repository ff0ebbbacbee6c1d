"""A text file's layout read before its paragraphs are (no Qt): tables laid out with
tabs or with spaces, tabs that only indent or part words, page numbers after a bar.

A table in text is rows on consecutive lines whose cells stand in columns: parted by
tabs (the same number on every row), or by two spaces or more at the same places on
every row (a column is where some row has text, a gap where no row has). Such rows
become lines of cells parted by CELLS, as the plain-text export writes a table, and
text.py reads those. A line's leading tabs become its indent (a list's level); a tab
inside a line is a space, and two tabs or more a column's gap (three spaces, where
facts.py parts the first page's columns). "|15" at a line's end is a page number a
copy out of Word took along: it goes, and with it the line when the rest is only
a header's or footer's short text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from beslut.textformat import CELL_SEPARATOR

INDENT = "  "  # a leading tab: one list level (text.py reads two spaces a level)
COLUMN_GAP = "   "  # two tabs or more inside a line: a gap between columns
MAX_COLUMNS = 8
HEAD_LINES = 60  # the first page's head, where columns may be facts, is in these lines
MAX_CELL = 60  # characters: a longer piece is running text, no table's cell
_GAP = re.compile(r"\S( {2,})(?=\S)")
_TABS = re.compile(r"\t+")
_MARKER = re.compile(r"[•·▪◦●○■□\-–—*]|\(?\d{1,3}[.)]")
_RULE_ROW = re.compile(r"[\s\-=_+:|]+")
_PAGE_AFTER_BAR = re.compile(r"^(.*?)\s*\|\s?(\d{1,3})\s*$")


def laid_out(lines: list[str], fact: Callable[[str], bool] | None = None) -> list[str]:
    """``lines`` with their tables as lines of cells, tabs made spaces and page numbers
    after a bar left out. Columns whose cells are mostly facts (``fact``: the first
    page's head laid out in two columns, in its first HEAD_LINES) stay lines: facts.py
    reads those."""
    lines = [_indented(line) for line in lines]
    lines = _without_page_numbers(lines)
    lines = _tab_tables(lines, fact)
    lines = _space_tables(lines, fact)
    return [_untabbed(line) for line in lines]


def _indented(line: str) -> str:
    if not line.startswith("\t"):
        return line
    stripped = line.lstrip("\t")
    return INDENT * (len(line) - len(stripped)) + stripped


def _untabbed(line: str) -> str:
    if "\t" not in line:
        return line
    return _TABS.sub(lambda m: COLUMN_GAP if len(m.group()) > 1 else " ", line)


def _without_page_numbers(lines: list[str]) -> list[str]:
    """Lines without a page number after a bar ("Idrottsförvaltningen |15"), where the
    lines around hold no bar (a table's row is no page number). What stood before the
    number stays, unless it stands so before two numbers or more (a running footer)."""
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        match = _PAGE_AFTER_BAR.match(line) if "|" in line else None
        if match is not None and "|" not in match.group(1) and not _bars_near(lines, i):
            found[i] = match.group(1).rstrip()
    shapes = Counter(_shape(rest) for rest in found.values())
    return [
        found.get(i, line)
        for i, line in enumerate(lines)
        if i not in found or (found[i].strip() and shapes[_shape(found[i])] < 2)
    ]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _bars_near(lines: list[str], i: int) -> bool:
    near = [line for line in lines[max(i - 1, 0) : i + 2] if line.strip()]
    return sum(1 for line in near if "|" in line) > 1


def _tab_tables(lines: list[str], fact: Callable[[str], bool] | None) -> list[str]:
    """Runs of two lines or more, each parted by tabs into the same number of cells."""
    out = list(lines)
    i = 0
    while i < len(lines):
        cells = _tab_cells(lines[i])
        end = i + 1
        while cells and end < len(lines) and len(_tab_cells(lines[end])) == len(cells):
            end += 1
        rows = [_tab_cells(line) for line in lines[i:end]]
        if cells and end - i >= 2 and not (i < HEAD_LINES and _facts(rows, fact)):
            for k in range(i, end):
                out[k] = _row(_tab_cells(lines[k]))
            i = end
        else:
            i += 1
    return out


def _tab_cells(line: str) -> list[str]:
    """A line's cells parted by tabs, or none when it holds no table's row (a list item
    whose marker a tab follows, a long line of text)."""
    if "\t" not in line:
        return []
    stripped = line.strip()
    if "\t" not in stripped:
        return []
    cells = [cell.strip() for cell in _TABS.split(stripped)]
    if _MARKER.fullmatch(cells[0]) or len(cells) > MAX_COLUMNS:
        return []
    return cells if all(len(cell) <= MAX_CELL for cell in cells) else []


def _space_tables(lines: list[str], fact: Callable[[str], bool] | None) -> list[str]:
    """Runs of two lines or more whose gaps of two spaces or more stand at the same
    places: each line a row of cells (a row of rules under the header row goes)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _gapped(lines[end]):
            end += 1
        rows = _columns(lines[i:end]) if end - i >= 2 else None
        if rows is not None and not (i < HEAD_LINES and _facts(rows, fact)):
            out += [_row(row) for row in rows if row]
            i = end
        else:
            out += lines[i : max(end, i + 1)]
            i = max(end, i + 1)
    return out


def _facts(rows: list[list[str]], fact: Callable[[str], bool] | None) -> bool:
    """True when most rows state facts: in cells of their own ("Idrottsförvaltningen",
    "Tjänsteutlåtande") or with their label ("Handläggare:" and "Eva Ek")."""
    rows = [row for row in rows if any(row)]
    if fact is None or not rows:
        return False
    stated = sum(
        1
        for row in rows
        if fact(" ".join(cell for cell in row if cell)) or all(fact(c) for c in row if c)
    )
    return stated * 2 >= len(rows)


def _gapped(line: str) -> bool:
    """True when ``line`` has a gap of two spaces or more inside it, not right after a
    list item's marker."""
    if "  " not in line:
        return False
    stripped = line.strip()
    if "\t" in stripped or CELL_SEPARATOR in stripped:
        return False
    gap = _GAP.search(stripped)
    if gap is None:
        return False
    head = stripped[: gap.start(1)]
    return not _MARKER.fullmatch(head) or _GAP.search(stripped, gap.end(1)) is not None


def _columns(lines: list[str]) -> list[list[str]] | None:
    """The cells of ``lines`` by the columns they share, or None when they share none
    (running text with double spaces) or their cells are long. A row of rules only
    ("-----  ----") gives an empty row."""
    width = max(len(line) for line in lines)
    used = [False] * width
    for line in lines:
        for p, char in enumerate(line):
            if char != " ":
                used[p] = True
    spans: list[tuple[int, int]] = []
    p = 0
    while p < width:
        if not used[p]:
            p += 1
            continue
        start = p
        while p < width and (used[p] or (p + 1 < width and used[p + 1] and p > start)):
            p += 1
        spans.append((start, p))
    if not 2 <= len(spans) <= MAX_COLUMNS:
        return None
    rows: list[list[str]] = []
    for line in lines:
        cells = [line[a:b].strip() for a, b in spans]
        if _RULE_ROW.fullmatch(line):
            rows.append([])
            continue
        if sum(1 for cell in cells if cell) < 2 or any(len(cell) > MAX_CELL for cell in cells):
            return None
        rows.append(cells)
    return rows if sum(1 for row in rows if row) >= 2 else None


def _row(cells: list[str]) -> str:
    return CELL_SEPARATOR.join(cell.replace("|", "/") for cell in cells)
