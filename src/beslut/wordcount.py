"""Counting words as Word counts them, in a text, a part and a whole draft (no Qt).

A word is a run of characters between spaces, tabs and line breaks, as in Word: a
hyphenated compound ("EU-stöd", "kommunfullmäktige-beslut") is one word, "3,5 mkr" is
two, "t.ex." one, a dash or a date written "2026-12-07" one. Chosen where Word's own
count is not documented: a token without any letter or digit (a spaced dash "–", "§",
"&", "…") is not a word, and a no-break space joins rather than parts, as it joins the
line ("3 500" with a no-break space is one word, a number as the reader sees it).

A draft's count is its printed body, as export/body.py writes it: Förslag till beslut
(its heading and points), the signatories, every part with text under the heading it is
printed with (tables included, a list's numbers and bullets not: Word does not count
them either), and the Bilagor list. The template's own text and its fields (title,
Dnr, dates) are not counted. Footnotes are counted only when asked (``notes=True``), as
Word counts them only when its Word Count dialog is told to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from beslut.doctypes.loader import DocType
from beslut.model.draft import Block, Draft, Section
from beslut.parts import DECISIONS, section_heading
from beslut.textformat import ATTACHMENTS_HEADING

# Whitespace, except the no-break spaces (no-break, narrow no-break, figure space).
_SEPARATORS = re.compile(r"[^\S\u00a0\u202f\u2007]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def count_words(text: str) -> int:
    """The words of ``text``: the tokens between whitespace with a letter or digit."""
    return sum(1 for token in _SEPARATORS.split(text) if _LETTER_OR_DIGIT.search(token))


def block_words(block: Block, *, notes: bool = False) -> int:
    """The words of a paragraph, heading, list item or table (every cell's text)."""
    count = sum(count_words(run.text) for run in block.all_runs)
    if notes:
        count += sum(count_words(run.note) for run in block.all_runs if run.note)
    return count


def blocks_words(blocks: Iterable[Block], *, notes: bool = False) -> int:
    """The words of ``blocks``."""
    return sum(block_words(block, notes=notes) for block in blocks)


def part_words(draft: Draft, part: str, *, notes: bool = False) -> int | None:
    """The words of one text part's text (without its heading): the decision points, or
    the blocks of the section ``part``; None for a part that is not a text part."""
    if part == DECISIONS:
        return sum(count_words(text) for text in draft.decisions)
    section = draft.section(part)
    return None if section is None else blocks_words(section.blocks, notes=notes)


def draft_words(draft: Draft, doctype: DocType, *, notes: bool = False) -> int:
    """The words of the draft's printed body (see the module's docstring)."""
    count = 0
    points = [text for text in draft.decisions if text.strip()]
    if points:
        count += count_words(doctype.decision_heading)
        count += sum(count_words(text) for text in points)
    for person in draft.signatories:
        count += count_words(person.name) + count_words(person.title)
    for section in draft.sections:
        count += _section_words(section, doctype, notes)
    titles = [a.title for a in draft.attachments if a.title.strip()]
    if titles:
        count += count_words(ATTACHMENTS_HEADING) + sum(count_words(t) for t in titles)
    return count


def _section_words(section: Section, doctype: DocType, notes: bool) -> int:
    if section.is_empty:  # not printed, nor its heading
        return 0
    return count_words(section_heading(section, doctype)) + blocks_words(
        section.blocks, notes=notes
    )
