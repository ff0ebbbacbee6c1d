"""Tests for a reviewed Word file's marks as authored spans (review/wordmarks.py)."""

from __future__ import annotations

from beslut.checks.findings import Location
from beslut.importing.docx_runs import Mark, Marked
from beslut.review import AuthoredSpan
from beslut.review.wordmarks import Placed, authored_spans


def test_an_insertion_of_no_text_authors_nothing() -> None:
    """LibreOffice, recording changes, marks a comment's anchor as an insertion by the
    one who commented (an empty w:ins before w:commentRangeEnd): no text is theirs."""
    text = "Alla ska kunna simma 200 meter, varav 50 meter på rygg."
    anchor = text.index("200 meter") + len("200 meter")
    marks = (
        Mark("start", "0", text.index("200 meter")),
        Mark("ins", "Bo Kollega", anchor),
        Mark("ins_end", "Bo Kollega", anchor),
        Mark("end", "0", anchor),
        Mark("ref", "0", anchor),
        Mark("ins", "Anna Chef", len(text) - 1),
        Mark("ins_end", "Anna Chef", len(text)),
        Mark("del", "Anna Chef", len(text)),
    )
    placed = Placed(Location("bakgrund", 0), 0, len(text))
    spans = authored_spans([Marked(text, marks)], [placed])
    size = len(text)
    assert spans == [
        AuthoredSpan(Location("bakgrund", 0, "", size - 1, size), "Anna Chef"),
        AuthoredSpan(Location("bakgrund", 0, "", size, size), "Anna Chef"),
    ]
