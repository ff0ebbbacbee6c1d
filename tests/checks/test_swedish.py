"""Tests for beslut.checks.swedish: dates written out and counted nouns."""

from __future__ import annotations

import datetime as dt

from beslut.checks.swedish import long_date, plural


def test_dates_are_written_out() -> None:
    assert long_date(dt.date(2010, 2, 22)) == "22 februari 2010"
    assert long_date(dt.date(2027, 12, 1)) == "1 december 2027"


def test_plural() -> None:
    assert plural(1, "bilaga", "bilagor") == "1 bilaga"
    assert plural(0, "bilaga", "bilagor") == "0 bilagor"
    assert plural(3, "bilaga", "bilagor") == "3 bilagor"
