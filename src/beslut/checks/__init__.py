"""Granskning: rules over a draft that find what to fix before the TU goes out (no Qt).

A panel calls ``run_checks(draft, config, doctype=..., files=...)`` and gets a Report:
findings in document order (each with rule id, severity, Swedish message, location and
maybe a fix), ``counts_by_part()`` for badges, and the LIX of each part. ``lix(text)``
and ``section_lix(section)`` measure text while the user types; ``apply_fix`` corrects
a draft in one click.
"""

from beslut.checks.config import CheckConfig, ChecksConfigError, default_config, load_config
from beslut.checks.engine import Report, run_checks
from beslut.checks.findings import (
    ATTACHMENTS,
    DECISIONS,
    DOCUMENT,
    META,
    Finding,
    Fix,
    Location,
    Severity,
)
from beslut.checks.fixes import StaleFixError, apply_fix, apply_fixes
from beslut.checks.lix import Lix, LixBand, lix, section_lix
from beslut.checks.personnummer import find_personnummer, is_personnummer
from beslut.checks.rules import ALL_RULES, RULES_BY_ID, Rule

__all__ = [
    "ALL_RULES",
    "ATTACHMENTS",
    "DECISIONS",
    "DOCUMENT",
    "META",
    "RULES_BY_ID",
    "CheckConfig",
    "ChecksConfigError",
    "Finding",
    "Fix",
    "Lix",
    "LixBand",
    "Location",
    "Report",
    "Rule",
    "Severity",
    "StaleFixError",
    "apply_fix",
    "apply_fixes",
    "default_config",
    "find_personnummer",
    "is_personnummer",
    "lix",
    "load_config",
    "run_checks",
    "section_lix",
]
