"""Tests for beslut.checks.swedish: dates written out."""

from __future__ import annotations

import datetime as dt

from beslut.checks.swedish import long_date


def test_dates_are_written_out() -> None:
    from beslut.i18n import format_date

    for day in (dt.date(2010, 2, 22), dt.date(2027, 12, 1), dt.date(2026, 5, 31)):
        assert long_date(day) == format_date(day)  # the same as the export's babel dates
    assert long_date(dt.date(2010, 2, 22)) == "22 februari 2010"
    assert long_date(dt.date(2027, 12, 1)) == "1 december 2027"
