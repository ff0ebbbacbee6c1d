"""Dates as people type them: ISO, digits only, day/month, written months."""

from __future__ import annotations

import datetime as dt

import pytest

from beslut.datetext import parse_typed_date
from tests.today import TODAY

JAN_14 = dt.date(2027, 1, 14)


@pytest.mark.parametrize(
    "text",
    [
        "2027-01-14",
        " 2027-1-14 ",
        "2027/01/14",
        "20270114",
        "270114",
        "14/1 2027",
        "14/1-2027",
        "14/1 -27",
        "14.1.2027",
        "14 januari 2027",
        "14 Jan. 2027",
        "14 January 2027",
    ],
)
def test_swedish_forms_name_the_day(text: str) -> None:
    assert parse_typed_date(text, TODAY) == JAN_14


def test_a_missing_year_is_this_years() -> None:
    assert parse_typed_date("24/12", TODAY) == dt.date(TODAY.year, 12, 24)
    assert parse_typed_date("3 maj", TODAY) == dt.date(TODAY.year, 5, 3)


@pytest.mark.parametrize(
    "text", ["", "Inget datum", "2027-02-30", "31/4 2027", "14 smörgås 2027", "2027-01", "1"]
)
def test_no_date_is_none(text: str) -> None:
    assert parse_typed_date(text, TODAY) is None
