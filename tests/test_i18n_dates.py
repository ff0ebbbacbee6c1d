"""Tests for the Swedish date helpers in beslut.i18n."""

from __future__ import annotations

import datetime as dt

import pytest

from beslut.i18n import format_date, format_date_iso


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2010, 2, 22), "22 februari 2010"),
        (dt.date(2026, 3, 1), "1 mars 2026"),
        (dt.date(2004, 12, 22), "22 december 2004"),
    ],
)
def test_dates_in_running_text(day: dt.date, text: str) -> None:
    assert format_date(day) == text


def test_iso_dates_never_have_two_digit_years() -> None:
    assert format_date_iso(dt.date(2010, 2, 22)) == "2010-02-22"
    assert format_date_iso(dt.date(999, 1, 5)) == "0999-01-05"
