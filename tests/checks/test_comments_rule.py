"""comments.open: a varning at each open comment, none for a resolved one."""

from __future__ import annotations

from dataclasses import replace

from tests.today import TODAY

from beslut.checks import Severity, run_checks
from beslut.checks.findings import Location
from beslut.model import Comment
from beslut.model.example import example_draft


def test_open_comments_are_warned_about_where_they_stand() -> None:
    draft = example_draft(TODAY)[0]
    comments = (
        Comment("c1", "bakgrund", 0, "", 6, 16, "Anna", "2027-01-03T10:00:00", "Stämmer det?"),
        Comment(
            "c2", "bakgrund", 1, "", 0, 0, "Bo", "2027-01-03T10:00:00", "Klart.", resolved=True
        ),
    )
    report = run_checks(replace(draft, comments=comments))
    found = [f for f in report.findings if f.rule == "comments.open"]
    assert [(f.severity, f.location) for f in found] == [
        (Severity.VARNING, Location("bakgrund", 0, "", 6, 16))
    ]
    assert "Anna" in found[0].message and "Stämmer det?" in found[0].message
    assert not report.has_errors  # a varning never stops the export
