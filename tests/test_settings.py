"""Tests for beslut.settings: declared once, stored in the database."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from beslut.settings import LABELS, Settings, load_settings, save_settings
from beslut.store import Store


def test_every_setting_has_a_label() -> None:
    assert {f.name for f in fields(Settings)} == set(LABELS)


def test_defaults_then_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert load_settings(store) == Settings()
        mine = replace(Settings(), name="Åsa Öberg", namnder=("Kulturnämnden",), language="en")
        save_settings(store, mine)
    with Store.open(db_path) as store:
        assert load_settings(store) == mine


def test_malformed_values_fall_back_to_defaults(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_setting("settings.namnder", "inte en lista")
        store.set_setting("settings.name", 42)
        assert load_settings(store) == Settings()


@pytest.mark.parametrize(
    "dnr",
    ["106-555/2004", "1.5.1-135-2012", "T2012-050-05828", "KS 2023/123", "TEF/2019:263"],
)
def test_default_dnr_pattern_accepts_common_forms(dnr: str) -> None:
    assert Settings().dnr_matches(dnr)


@pytest.mark.parametrize("dnr", ["", "saknas", "12345", "KS"])
def test_default_dnr_pattern_rejects_non_numbers(dnr: str) -> None:
    assert not Settings().dnr_matches(dnr)


def test_organisation_pattern_and_broken_pattern() -> None:
    strict = Settings(dnr_pattern=r"IDN \d{4}/\d+")
    assert strict.dnr_matches("IDN 2026/242")
    assert not strict.dnr_matches("KS 2026/242")
    assert Settings(dnr_pattern="(").dnr_matches("vad som helst")


def test_template_file_prefers_the_city_name(tmp_path: Path) -> None:
    assert Settings().template_file() is None
    folder = tmp_path / "mallar"
    folder.mkdir()
    settings = Settings(template_dir=str(folder))
    assert settings.template_file() is None
    (folder / "annan.dotx").write_bytes(b"x")
    assert settings.template_file() == folder / "annan.dotx"
    (folder / "stadsmall.docx").write_bytes(b"x")
    assert settings.template_file() == folder / "stadsmall.docx"


def test_export_fields_carry_the_organisations_details() -> None:
    settings = Settings(adress="Box 8310, 104 20 Stockholm", webb="stockholm.se")
    assert settings.export_fields() == {
        "adress": "Box 8310, 104 20 Stockholm",
        "besoksadress": "",
        "vaxel": "",
        "webb": "stockholm.se",
    }
