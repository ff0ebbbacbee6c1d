"""Tests for beslut.checks.rules.meta: the Dnr's format and the order of the dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from beslut.checks import CheckConfig, Location, default_config
from beslut.checks.findings import META, Finding
from beslut.model import Draft, Metadata

Check = Callable[..., list[Finding]]


def _draft(dnr: str = "IDN 2026/242", **dates: dt.date) -> Draft:
    return Draft(meta=Metadata(title="Avgiftsfri simskola", dnr=dnr, **dates))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "dnr",
    [
        "106-555/2004",
        "1.5.1-135-2012",
        "T2012-050-05828",
        "KS 2023/123",
        "TEF/2019:263",
        "IDN 2026/242",
        "SBN-2023/0045",
        "ÄLN 2024/17",
    ],
)
def test_common_dnr_formats_pass(dnr: str, check: Check) -> None:
    assert check("meta.dnr", _draft(dnr)) == []


@pytest.mark.parametrize(
    "dnr",
    ["2023", "KS", "KS 2023", "Dnr KS 2023/123", "ks 2023/123", "2023/123 KS", "KS 2023/ 123"],
)
def test_other_shapes_are_warned_about(dnr: str, check: Check) -> None:
    found = check("meta.dnr", _draft(dnr))
    assert [f.location for f in found] == [Location(META, field="dnr", start=0, end=len(dnr))]
    assert f"Dnr ”{dnr}” har inte det format som är inställt" in found[0].message
    assert "”KS 2023/123”" in found[0].message


def test_a_missing_dnr_is_left_to_the_required_parts(check: Check) -> None:
    # structure.required reports it as an error; a warning here would say it twice.
    assert check("meta.dnr", _draft("")) == []
    config = default_config().with_disabled(["structure.required"])
    found = check("meta.dnr", _draft(""), config=config)
    assert [f.location for f in found] == [Location(META, field="dnr")]
    assert found[0].message.startswith("Dnr saknas.")


def test_the_pattern_comes_from_the_settings(check: Check) -> None:
    config = CheckConfig(dnr_pattern=r"SN \d{4}/\d+", dnr_example="SN 2024/17")
    assert check("meta.dnr", _draft("SN 2024/17"), config=config) == []
    found = check("meta.dnr", _draft("KS 2023/123"), config=config)
    assert "”SN 2024/17”" in found[0].message


def test_a_meeting_before_the_tu_is_dated(check: Check) -> None:
    draft = _draft(date=dt.date(2026, 3, 10), meeting_date=dt.date(2026, 2, 24))
    found = check("meta.meeting_date", draft)
    assert [f.location for f in found] == [Location(META, field="meeting_date")]
    assert "(24 februari 2026) ligger före tjänsteutlåtandets datum (10 mars 2026)" in (
        found[0].message
    )


@pytest.mark.parametrize(
    "dates",
    [
        {"date": dt.date(2026, 2, 10), "meeting_date": dt.date(2026, 3, 17)},
        {"date": dt.date(2026, 3, 17), "meeting_date": dt.date(2026, 3, 17)},
        {"date": dt.date(2026, 3, 17)},
        {"meeting_date": dt.date(2026, 3, 17)},
        {},
    ],
)
def test_dates_in_order_or_unknown_pass(dates: dict[str, dt.date], check: Check) -> None:
    assert check("meta.meeting_date", _draft(**dates)) == []  # type: ignore[arg-type]


def test_the_rule_and_the_editors_hint_agree(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rule asks CheckConfig.dnr_matches, which the editor's hint also calls.
    asked: list[str] = []

    def refuse(_config: CheckConfig, dnr: str) -> bool:
        asked.append(dnr)
        return False

    monkeypatch.setattr(CheckConfig, "dnr_matches", refuse)
    found = check("meta.dnr", _draft("KS 2023/123"))
    assert asked == ["KS 2023/123"]
    assert [f.rule for f in found] == ["meta.dnr"]
