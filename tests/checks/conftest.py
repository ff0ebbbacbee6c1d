"""Fixtures for the checks: drafts built from a few strings, and running a single rule.

Test modules cannot import this file (importlib import mode), so the builders are
handed out as fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import pytest

from beslut.checks import RULES_BY_ID, CheckConfig, Finding, default_config, run_checks
from beslut.checks.fixes import current_text
from beslut.doctypes.loader import DocType
from beslut.model import Block, BlockKind, Draft, Metadata, Section

TITLE = "Ny simhall i Husby"
DNR = "IDN 2026/242"


def _text_draft(*paragraphs: str, key: str = "arendet", heading: str = "Ärendet") -> Draft:
    blocks = tuple(Block.plain(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return Draft(
        meta=Metadata(title=TITLE, dnr=DNR),
        decisions=("Idrottsnämnden godkänner förstudien.",),
        sections=(Section(key, heading, blocks),),
    )


def _decision_draft(*points: str) -> Draft:
    return Draft(meta=Metadata(title=TITLE, dnr=DNR), decisions=points)


def _run(
    rule_id: str,
    draft: Draft,
    config: CheckConfig | None = None,
    doctype: DocType | None = None,
    files: Collection[str] | None = None,
) -> list[Finding]:
    rule = RULES_BY_ID[rule_id]
    config = config or default_config()
    report = run_checks(draft, config, doctype=doctype, files=files, rules=[rule])
    assert all(f.rule == rule_id and f.severity is rule.severity for f in report.findings)
    return list(report.findings)


def _covered(rule_id: str, draft: Draft, config: CheckConfig | None = None) -> list[str]:
    out = []
    for finding in _run(rule_id, draft, config):
        loc = finding.location
        out.append(current_text(draft, loc)[loc.start : loc.end])
    return out


TextDraft = Callable[..., Draft]
Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]


@pytest.fixture
def text_draft() -> TextDraft:
    """``text_draft(*paragraphs, key=, heading=)``: one section and one good decision point."""
    return _text_draft


@pytest.fixture
def decision_draft() -> TextDraft:
    """``decision_draft(*points)``: a draft with these decision points."""
    return _decision_draft


@pytest.fixture
def check() -> Check:
    """``check(rule_id, draft, config=, doctype=, files=)``: the findings of that rule alone."""
    return _run


@pytest.fixture
def covered() -> Covered:
    """``covered(rule_id, draft)``: the text each finding's range covers."""
    return _covered
