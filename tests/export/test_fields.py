"""Tests for beslut.export.fields: every field has a value, documented in templates/README."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from beslut.export.fields import (
    CONTENT_FIELD,
    FIELDS,
    ORGANISATION_FIELDS,
    field_key,
    field_values,
)
from beslut.model import Draft


def test_values_of_the_example(example: tuple[Draft, dict[str, bytes]]) -> None:
    draft, _ = example
    values = field_values(draft, "Beslutsärende")
    assert values["datum"] == "22 februari 2026"
    assert values["datum_iso"] == "2026-02-22"
    assert values["sammantradesdatum"] == "29 mars 2026"
    assert values["sammantradesdatum_iso"] == "2026-03-29"
    assert values["namnd"] == "Idrottsnämnden"
    assert values["handlaggare"] == "Sara Lindqvist"
    assert values["dokumenttyp"] == "Beslutsärende"
    assert all(values[name] == "" for name in ORGANISATION_FIELDS)


def test_every_documented_field_has_a_value_but_the_content_place() -> None:
    assert set(field_values(Draft())) == set(FIELDS) - {CONTENT_FIELD}


def test_missing_dates_give_empty_fields(example: tuple[Draft, dict[str, bytes]]) -> None:
    draft, _ = example
    undated = dataclasses.replace(
        draft, meta=dataclasses.replace(draft.meta, date=None, meeting_date=None)
    )
    values = field_values(undated)
    assert values["datum"] == values["sammantradesdatum_iso"] == ""


def test_extra_fields_add_and_override_and_are_cleaned() -> None:
    values = field_values(Draft(), extra={"Växel": "08-508\x00 27 000", "Ny_rad": "x", "dnr": "1"})
    assert values["vaxel"] == "08-508 27 000"
    assert values["ny_rad"] == "x"
    assert values["dnr"] == "1"


def test_field_key_ignores_case_and_diacritics() -> None:
    assert field_key(" Sammanträdesdatum ") == "sammantradesdatum"
    assert field_key("HANDLÄGGARE") == "handlaggare"


def test_the_template_readme_lists_every_field() -> None:
    readme = (Path(__file__).resolve().parents[2] / "templates" / "README.md").read_text(
        encoding="utf-8"
    )
    for name, meaning in FIELDS.items():
        assert f"| `{{{{ {name} }}}}` | {meaning} |" in readme
