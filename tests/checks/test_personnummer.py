"""Tests for beslut.checks.personnummer: the Luhn check and finding numbers in text."""

from __future__ import annotations

import pytest

from beslut.checks.personnummer import check_number, find_personnummer, is_personnummer, luhn_ok


def test_luhn_by_hand() -> None:
    # 811218-9876: digits 8 1 1 2 1 8 9 8 7, weights 2 1 2 1 2 1 2 1 2:
    # 16→7, 1, 2, 2, 2, 8, 18→9, 8, 14→5; sum 44; check digit (10 − 4) mod 10 = 6.
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


@pytest.mark.parametrize(
    "number",
    [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "121212-1212",  # Skatteverket's test person
        "640823-3234",
        "460101+2349",  # "+" for a person of 100 or more
        "810278-9875",  # samordningsnummer: day 18 + 60
        "000229-1235",  # 29 February 2000
        "20000229-1235",
    ],
)
def test_valid_numbers(number: str) -> None:
    assert is_personnummer(number)


@pytest.mark.parametrize(
    "number",
    [
        "811218-9877",  # wrong check digit
        "8112189870",
        "19811218-9871",
        "640823-3235",
        "811318-9876",  # month 13
        "811200-9876",  # day 0
        "810292-9876",  # day 92: too large even for a samordningsnummer
        "19000229-1235",  # 1900 was no leap year
        "21811218-9876",  # no such century
        "811218/9876",
        "811218-987",
    ],
)
def test_invalid_numbers(number: str) -> None:
    assert not is_personnummer(number)


def test_check_number_takes_date_digits_and_serial() -> None:
    assert check_number("19811218", "9876")
    assert check_number("811218", "9876")
    assert not check_number("8112", "189876")


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b in find_personnummer(text)]


def test_numbers_are_found_in_running_text() -> None:
    text = (
        "Klaganden (811218-9876) har överklagat beslutet. Vårdnadshavaren, "
        "personnummer 19640823-3234, har fått ett eget beslut."
    )
    assert _found(text) == ["811218-9876", "19640823-3234"]


@pytest.mark.parametrize(
    "text",
    [
        "Ärendet har Dnr T2012-050-05828 i stadens diarium.",
        "Se ärende 1.5.1-135-2012 och 106-555/2004.",
        "Beslutet fattades 2010-02-22 och gäller från 20100301.",
        "Ring 08-508 123 45 eller 0705-12 34 56.",
        "Kostnaden är 1 200 000 kronor, eller 811218-98765 kronor enligt kalkylen.",
        "Organisationsnummer 212000-0142 tillhör staden.",
        "Avtalsnummer 811218-9877 avser bassängtid.",  # fails the Luhn check
        "Kontot 12345-811218-9876 är inget personnummer.",  # part of a longer number
    ],
)
def test_look_alikes_are_not_found(text: str) -> None:
    assert _found(text) == []
