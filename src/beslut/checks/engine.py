"""Running the rules over a draft: findings in document order, counts per part and LIX."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beslut.checks.config import CheckConfig, default_config
from beslut.checks.context import Context, file_check
from beslut.checks.findings import ATTACHMENTS, DECISIONS, DOCUMENT, META, Finding, Severity
from beslut.checks.lix import Lix
from beslut.checks.rules import ALL_RULES, Rule
from beslut.checks.rules.readability import total_lix
from beslut.doctypes.loader import DocType
from beslut.model.draft import Draft

if TYPE_CHECKING:
    from beslut.spelling.check import SpellingCheck


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one run: findings in document order and the LIX of each part."""

    findings: tuple[Finding, ...]
    lix: Mapping[str, Lix]
    total_lix: Lix

    def in_part(self, part: str) -> list[Finding]:
        """The findings for one part (a section key, DECISIONS, META, ATTACHMENTS, DOCUMENT)."""
        return [f for f in self.findings if f.location.part == part]

    def counts(self) -> Counter[Severity]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)

    def counts_by_part(self) -> dict[str, Counter[Severity]]:
        """How many findings of each severity in each part, e.g. for badges beside headings."""
        by_part: dict[str, Counter[Severity]] = {}
        for finding in self.findings:
            by_part.setdefault(finding.location.part, Counter())[finding.severity] += 1
        return by_part

    @property
    def has_errors(self) -> bool:
        """True when a finding of severity fel remains."""
        return any(f.severity is Severity.FEL for f in self.findings)


def run_checks(
    draft: Draft,
    config: CheckConfig | None = None,
    *,
    doctype: DocType | None = None,
    files: Callable[[str], bool] | Collection[str] | None = None,
    rules: Iterable[Rule] = ALL_RULES,
    spelling: SpellingCheck | None = None,
) -> Report:
    """Check ``draft``. ``doctype`` tells which sections are required; ``files`` tells
    which sha256 hashes the store holds (a set or a predicate; None checks only that each
    bilaga has a file); ``spelling`` how to check the spelling (None: it is not checked).
    Rules switched off in ``config`` do not run.
    """
    config = config or default_config()
    ctx = Context(draft, config, doctype, file_check(files), spelling)
    found = [f for r in rules if config.enabled(r.id) for f in r.run(ctx)]
    ordered = tuple(in_document_order(found, draft, doctype))
    return Report(ordered, ctx.lix_by_part(), total_lix(ctx))


def in_document_order(
    findings: Iterable[Finding], draft: Draft, doctype: DocType | None = None
) -> list[Finding]:
    """Findings sorted as the parts appear: particulars, decisions, sections, bilagor."""
    order = part_order(draft, doctype)
    return sorted(findings, key=lambda f: (order.get(f.location.part, len(order)), *f.sort_key()))


def part_order(draft: Draft, doctype: DocType | None = None) -> dict[str, int]:
    """The position of each part; sections missing from the draft follow the document type."""
    parts = [META, DECISIONS, *(s.key for s in draft.sections)]
    if doctype is not None:
        parts += [s.key for s in doctype.sections if s.key not in parts]
    parts += [ATTACHMENTS, DOCUMENT]
    order: dict[str, int] = {}
    for part in parts:
        order.setdefault(part, len(order))
    return order
