"""Tests for beslut.checks.rules.base: a rule adds its id and severity to what it finds."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks import CheckConfig, Location, Severity
from beslut.checks.context import Context
from beslut.checks.rules.base import Hit, rule
from beslut.model import Draft


def test_a_rule_turns_hits_into_findings() -> None:
    @rule("test.every_decision", Severity.VARNING, "Varje beslutspunkt")
    def every_decision(ctx: Context) -> Iterator[Hit]:
        for index, _ in enumerate(ctx.draft.decisions):
            yield Hit(Location("decisions", index), f"Punkt {index + 1}.")

    assert (every_decision.id, every_decision.title) == (
        "test.every_decision",
        "Varje beslutspunkt",
    )
    draft = Draft(decisions=("Nämnden godkänner avtalet.", "Beslutet justeras omedelbart."))
    findings = every_decision.run(Context(draft, CheckConfig()))
    assert [(f.rule, f.severity, f.message) for f in findings] == [
        ("test.every_decision", Severity.VARNING, "Punkt 1."),
        ("test.every_decision", Severity.VARNING, "Punkt 2."),
    ]
