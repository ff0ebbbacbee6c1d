"""The named thresholds of part recognition, in one table (no Qt).

Recognition takes a block as a decision point, an underskrift or a bilaga title only
while it looks like one; these are the measures of "looks like". A block that does not
stays body text in its part, so a heading named "Bilagor" in the middle of a report
cannot swallow the rest of it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """How long and how many: each measure of recognition, by name."""

    # The ärendemening: one line, no longer than this, not a sentence.
    title_max_chars: int = 200
    # A line under the title is its second line (undertitel) when no longer than this.
    subtitle_max_chars: int = 100
    # A decision point written as a paragraph (not a list item): at most this long ...
    decision_max_chars: int = 400
    # ... of at most this many sentences ...
    decision_max_sentences: int = 2
    # ... and at most this many such paragraphs under one Förslag till beslut.
    decision_max_paragraphs: int = 4
    # At most this many decision points in all (list items included).
    decision_max_points: int = 30
    # An underskrift line (a name, or a title under a name).
    signature_max_chars: int = 60
    # At most this many underskrift lines after the decision points.
    signature_max_lines: int = 8
    # A bilaga title: one line at most this long ...
    attachment_max_chars: int = 250
    # ... and at most this many of them.
    attachment_max_items: int = 80
    # A table before the first part is the first page's facts (and left out, since the
    # facts are read from it) when at least this share of its cells are facts.
    facts_table_share: float = 0.5


LIMITS = Thresholds()
