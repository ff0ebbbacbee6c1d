"""What a rule is: a stable id, a severity, a Swedish title and a function over a Context."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from beslut.checks.context import Context
from beslut.checks.findings import Finding, Fix, Location, Severity


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function yields; the Rule adds its id and severity."""

    location: Location
    message: str
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()


RuleFunc = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check that can be switched off by its id."""

    id: str
    severity: Severity
    title: str
    func: RuleFunc

    def run(self, ctx: Context) -> list[Finding]:
        """The rule's findings for one draft."""
        return [
            Finding(self.id, self.severity, hit.message, hit.location, hit.fix, hit.suggestions)
            for hit in self.func(ctx)
        ]


def rule(rule_id: str, severity: Severity, title: str) -> Callable[[RuleFunc], Rule]:
    """Decorator: make a rule of a function that yields Hits. ``title`` names it in settings."""

    def wrap(func: RuleFunc) -> Rule:
        return Rule(rule_id, severity, title, func)

    return wrap
