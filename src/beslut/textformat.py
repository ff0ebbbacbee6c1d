"""The plain-text form of a TU, one home for both ways (no Qt): what export/plaintext.py
writes and importing/text.py, textnotes.py and textlayout.py read.

A heading is underlined: a part's with "=", a sub-heading's by its level with "-" or "~"
(as reStructuredText has them). A list item begins with "• " or its number and ". ",
after two spaces a level. A table is a line a row, its cells parted by " | " (a "|" in
a cell is written "/"). The bilagor are numbered lines under "Bilagor". A footnote's
mark is its number in brackets right after the text it belongs to ("upp.[1]"), and its
text a line after its part that begins with the same ("[1] Enligt besiktningen."),
numbered through the document. The readers take more than this (other bullets, "1)",
a note's number without brackets as text copied out of a PDF has it); what this module
writes, they read back.
"""

from __future__ import annotations

import re

PART_RULE = "="  # under a part's heading
HEADING_RULES = {0: "-", 1: "-", 2: "~"}  # under a sub-heading, by its level
RULE_LEVELS = {PART_RULE: 0, "-": 1, "~": 2}  # a rule read back: 0 a part's, else a level
MIN_RULE = 3  # characters: a rule is at least this long, however short its heading
_RULE_CHARS = "|".join(re.escape(rule) for rule in RULE_LEVELS)
UNDERLINE = re.compile(f"({_RULE_CHARS})\\1{{{MIN_RULE - 1},}}")

BULLET_MARK = "•"
LIST_INDENT = "  "  # before a list item, once a level
INDENT_STEP = len(LIST_INDENT)
# A list item's marker as read: the export's, and what other programs write.
BULLET = re.compile(r"^\s*[" + re.escape(BULLET_MARK) + r"·▪◦●○■□\-–—*]\s+(?=\S)")
NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")

CELL_SEPARATOR = " | "
ATTACHMENTS_HEADING = "Bilagor"

# A footnote's text as a line of its own: its number, then the note ("1 Enligt ..."), as
# text copied out of a PDF or saved by Word has it.
NOTE_LINE = re.compile(r"^\s*(\d{1,3})\s+([A-ZÅÄÖÉ].*\S)\s*$")
# The export's own form: "[1]" right after the text, "[1] Enligt ..." after the part.
NOTE_REF = re.compile(r"\[(\d{1,4})\]")
NOTE_TEXT = re.compile(r"^\[(\d{1,4})\] (.*\S)\s*$")


def note_ref(number: int) -> str:
    return f"[{number}]"


def note_line(number: int, note: str) -> str:
    return f"{note_ref(number)} {' '.join(note.split())}"


def underlined(heading: str, rule: str) -> list[str]:
    """A heading and the rule under it."""
    return [heading, rule * max(len(heading), MIN_RULE)]


def bullet_line(text: str, level: int) -> str:
    return f"{LIST_INDENT * level}{BULLET_MARK} {text}"


def numbered_line(number: int, text: str, level: int = 0) -> str:
    return f"{LIST_INDENT * level}{number}. {text}"


def table_row(cells: list[str]) -> str:
    """A table's row: its cells' text parted by CELL_SEPARATOR."""
    return CELL_SEPARATOR.join(cell.replace("|", "/").replace("\n", " ") for cell in cells)


def table_cells(line: str) -> list[str]:
    """A row's cells as table_row wrote them."""
    return [cell.strip() for cell in line.split(CELL_SEPARATOR.strip())]
