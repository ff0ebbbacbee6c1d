"""Find and replace in the whole draft: every part, decision points, tables and footnotes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from beslut.checks.engine import part_order
from beslut.checks.findings import SUBTITLE, Location, parse_text_field
from beslut.checks.fixes import Edit, StaleFixError, current_text, replace_ranges
from beslut.checks.units import raw_texts
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.model.draft import MAX_BLOCK_CHARS, Draft
from beslut.model.text import clean_text

__all__ = [
    "Query",
    "ReplaceTooLongError",
    "StaleMatchError",
    "find_all",
    "next_match",
    "replace_all",
    "replace_one",
]


class StaleMatchError(StaleFixError):
    """The text at a match changed since the search, so it is no longer a match."""


class ReplaceTooLongError(BeslutError):
    """Replacing would make one text longer than a paragraph may be (MAX_BLOCK_CHARS)."""


@dataclass(frozen=True, slots=True)
class Query:
    """What to look for: literal text (never a regular expression) and how to match it.

    Without ``match_case`` letters match in either case (Å finds å). With ``whole_words``
    a match may not have a letter, digit or underscore right before or after it; a
    hyphen separates words, as in Word ("tjänst" is found in "e-tjänst").
    """

    text: str
    match_case: bool = False
    whole_words: bool = False

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern; None for an empty query, which finds nothing."""
        return _compile(self.text, self.match_case, self.whole_words)


_span = re.Match.span


@lru_cache(maxsize=32)
def _compile(text: str, match_case: bool, whole_words: bool) -> re.Pattern[str] | None:
    if not text:
        return None
    # re's case-insensitive matching compares one character with one character, so a
    # match's offsets are offsets in the draft's text even where lower() changes the
    # length ("İ".lower() is two characters): nothing is lowered before searching.
    body = re.escape(text)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_all(draft: Draft, query: Query) -> list[Location]:
    """Every match of ``query`` in ``draft`` in document order, each a Location with a range.

    Searched: the title and subtitle, the decision points, each part's heading and
    blocks (sub-headings, list items, each table cell), footnotes and bilaga titles:
    the texts beslut.checks.units.text_units lists (blank ones too). Matches do not overlap.
    """
    pattern = query.pattern
    if pattern is None:
        return []
    # Without match case, a text whose lower() keeps its length is searched lower-cased
    # with a case-sensitive pattern (a literal search, twice as fast as IGNORECASE), and
    # its offsets are the text's; any other text (with an "İ") is searched with IGNORECASE.
    lowered = query.text.lower()
    fold = None
    if not query.match_case and len(lowered) == len(query.text):
        fold = _compile(lowered, True, query.whole_words)
    needle = query.text if query.match_case else lowered
    found: list[Location] = []
    for _kind, part, index, field, text in raw_texts(draft):
        hay, search = text, pattern
        if fold is not None and len(low := text.lower()) == len(text):
            hay, search = low, fold
        if (search is not pattern or query.match_case) and needle not in hay:
            continue  # a literal search on ``hay``: a quick test first
        # Built directly, not with Location.span: a one-letter query has thousands of hits.
        found += [Location(part, index, field, *_span(m)) for m in search.finditer(hay)]
    return found


def clean_replacement(text: str) -> str:
    """The replacement as it goes into the draft: a replace cannot split a paragraph, so
    line breaks become spaces; characters the model cannot hold are removed."""
    return clean_text(text).replace("\n", " ")


def replace_one(draft: Draft, match: Location, query: Query, replacement: str) -> Draft:
    """``draft`` with the one ``match`` replaced; raises StaleMatchError if the text at its
    range no longer matches ``query`` (the draft changed since the search)."""
    pattern = query.pattern
    start, end = match.start, match.end
    if pattern is None or start is None or end is None:
        raise ValueError(f"no match to replace: {query!r} at {match}")
    try:
        text = current_text(draft, match)
    except (IndexError, ValueError):
        text = ""
    found = pattern.match(text, start) if end <= len(text) else None
    if found is None or found.end() != end:
        raise StaleMatchError(
            _("Texten har ändrats sedan sökningen. Sök igen och försök på nytt."),
            f"stale match for {query.text!r} at {match}",
        )
    return replace_ranges(draft, match, [(start, end, clean_replacement(replacement))])


def replace_all(draft: Draft, query: Query, replacement: str) -> tuple[Draft, int]:
    """``draft`` with every match of ``query`` replaced, and how many were replaced.

    One new draft, so the caller can make it one undoable step. Raises
    ReplaceTooLongError, changing nothing, if a text would grow past MAX_BLOCK_CHARS.
    """
    new = clean_replacement(replacement)
    by_text: dict[Location, list[Edit]] = {}
    for match in find_all(draft, query):
        assert match.start is not None and match.end is not None
        where = Location(match.part, match.index, match.field)
        by_text.setdefault(where, []).append((match.start, match.end, new))
    for where, edits in by_text.items():
        grown = sum(len(new) - (end - start) for start, end, _new in edits)
        if grown > 0 and len(current_text(draft, where)) + grown > MAX_BLOCK_CHARS:
            raise ReplaceTooLongError(
                _("Ersättningen skulle göra en text längre än {limit} tecken.").format(
                    limit=MAX_BLOCK_CHARS
                ),
                f"replacing {query.text!r} makes {where} too long",
            )
    # Footnotes first: an edit of a block's text may drop an emptied run, which would
    # renumber the footnotes after it; an edit of a footnote changes no run.
    for where in sorted(by_text, key=lambda loc: not _is_note(loc)):
        draft = replace_ranges(draft, where, by_text[where])
    return draft, sum(len(edits) for edits in by_text.values())


def next_match(
    draft: Draft, matches: Sequence[Location], after: Location | None, *, backwards: bool = False
) -> Location | None:
    """The match to go to from ``after`` (the current match or the cursor), wrapping round.

    Forwards: the first match that starts at or after the end of ``after``; backwards:
    the last that ends at or before its start. With no ``after``, the first (or last)
    match. ``matches`` must be in document order, as find_all gives them; None if empty.
    """
    if not matches:
        return None
    if after is None:
        return matches[-1] if backwards else matches[0]
    order = part_order(draft)
    if backwards:
        ends = [(*_text_key(m, order), m.end or 0) for m in matches]
        i = bisect_right(ends, (*_text_key(after, order), after.start or 0))
        return matches[i - 1]  # i == 0 wraps round to the last match
    starts = [(*_text_key(m, order), m.start or 0) for m in matches]
    i = bisect_left(starts, (*_text_key(after, order), after.end or after.start or 0))
    return matches[i % len(matches)]


def _is_note(loc: Location) -> bool:
    inner = parse_text_field(loc.field)
    return inner is not None and inner[1] is not None


def _text_key(loc: Location, order: dict[str, int]) -> tuple[int, ...]:
    """Where a location's text is in document order: part, block, then cell and footnote.

    A block's own text comes before its footnotes, a table's cells row by row, each
    cell's footnotes right after it: the order of text_units.
    """
    inner = parse_text_field(loc.field)
    cell, note = inner if inner is not None else (None, None)
    if loc.field == SUBTITLE:
        note = 0  # after the title, both in META without an index
    row, col = cell if cell is not None else (-1, -1)
    index = -1 if loc.index is None else loc.index
    return (order.get(loc.part, len(order)), index, row, col, -1 if note is None else note)
