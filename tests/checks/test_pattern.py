"""Tests for beslut.checks.pattern: a user's Dnr pattern never runs without a time limit."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from beslut.checks import CheckConfig, ChecksConfigError, load_config
from beslut.checks.findings import Finding
from beslut.checks.pattern import TIMEOUT, PatternTooSlow, bounded_fullmatch, pattern_problem
from beslut.model import Draft, Metadata

# Backtracks without bound in re and in regex: "A" * n then a failing character is tried
# in 2**n ways by the alternation inside the repetition.
HOSTILE = "(A|AA)+[0-9]+/[0-9]+"
# The issue's pattern: 18.5 s on a 28-character Dnr with re.
NESTED = "([A-Z ]+)+[0-9]+/[0-9]+"
BOUND = 2.0  # seconds: generous, the real figure is TIMEOUT (0.2 s) plus a little


def _timed(call: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    try:
        result: object = call()
    except Exception as exc:  # the caller looks at what came back
        result = exc
    return result, time.perf_counter() - start


def test_a_slow_match_stops_at_the_time_limit_with_a_swedish_message() -> None:
    config = CheckConfig(dnr_pattern=HOSTILE)  # built directly: not validated
    result, seconds = _timed(lambda: config.dnr_matches("A" * 60 + "!"))
    assert seconds < BOUND
    assert isinstance(result, PatternTooSlow)
    assert result.user_message.startswith("Dnr-mönstret tar för lång tid")


def test_the_issues_nested_pattern_answers_at_once_on_a_28_character_dnr() -> None:
    dnr = "KS ABCDEFGHIJKLMNOPQRSTUVWXY"
    assert len(dnr) == 28
    config = CheckConfig().with_dnr_pattern(NESTED)
    result, seconds = _timed(lambda: config.dnr_matches(dnr))
    assert result is False
    assert seconds < BOUND
    assert config.dnr_matches("KS 2023/123")


def test_a_pattern_that_backtracks_without_bound_is_refused_when_set() -> None:
    result, seconds = _timed(lambda: CheckConfig().with_dnr_pattern(HOSTILE))
    assert seconds < BOUND
    assert isinstance(result, ChecksConfigError)
    assert "tar för lång tid" in result.user_message
    assert HOSTILE in result.user_message


def test_checks_toml_with_such_a_pattern_is_refused_naming_file_and_field(
    tmp_path: Path,
) -> None:
    (tmp_path / "checks.toml").write_text(f"[dnr]\npattern = '{HOSTILE}'\n", encoding="utf-8")
    result, seconds = _timed(lambda: load_config(tmp_path))
    assert seconds < BOUND
    assert isinstance(result, ChecksConfigError)
    assert "checks.toml" in result.user_message
    assert "dnr.pattern" in result.user_message
    assert "tar för lång tid" in result.user_message


def test_the_example_is_tried_as_well() -> None:
    # Fast on the probe strings, slow only on the organisation's own example.
    pattern = "(?:x|xx)+y"
    assert pattern_problem(pattern) is None
    problem = pattern_problem(pattern, "x" * 60)
    assert problem is not None
    assert "tar för lång tid" in problem


@pytest.mark.parametrize(
    ("pattern", "why"),
    [("(KS", "giltigt uttryck"), ("a" * 501, "längre än 500 tecken"), ("a{99999999999}", "")],
)
def test_bad_patterns_are_named(pattern: str, why: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None
    assert why in problem


def test_a_very_long_dnr_is_not_tried() -> None:
    result, seconds = _timed(lambda: bounded_fullmatch(HOSTILE, "A" * 100_000))
    assert result is False
    assert seconds < BOUND


def test_the_granskning_reports_a_slow_pattern_as_a_finding(
    check: Callable[..., list[Finding]],
) -> None:
    config = CheckConfig(dnr_pattern=HOSTILE)
    draft = Draft(meta=Metadata(title="Simskola", dnr="A" * 60 + "!"))
    found, seconds = _timed(lambda: check("meta.dnr", draft, config=config))
    assert seconds < BOUND
    assert isinstance(found, list)
    assert [f.message[:30] for f in found] == ["Dnr-mönstret tar för lång tid "]
    assert TIMEOUT < BOUND
