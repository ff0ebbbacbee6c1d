"""Tests for beslut.settings: declared once, stored in the database."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import cast

import pytest

from beslut.checks import ChecksConfigError
from beslut.settings import LABELS, Settings, check_config_for, load_settings, save_settings
from beslut.store import Store, StoreReadOnlyError


def test_every_setting_has_a_label() -> None:
    assert {f.name for f in fields(Settings)} == set(LABELS)


def test_defaults_then_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert load_settings(store) == Settings()
        mine = replace(Settings(), name="Åsa Öberg", namnder=("Kulturnämnden",), language="en")
        save_settings(store, mine)
    with Store.open(db_path) as store:
        assert load_settings(store) == mine


def test_a_failed_save_leaves_the_old_settings_intact(db_path: Path) -> None:
    old = replace(Settings(), name="Åsa Öberg", namnder=("Kulturnämnden",))
    # "webb" comes after "name" and json cannot write bytes: the save fails midway.
    broken = replace(Settings(), name="Ny Person", webb=cast(str, b"https://"))
    with Store.open(db_path) as store:
        save_settings(store, old)
        with pytest.raises(TypeError):
            save_settings(store, broken)
        assert load_settings(store) == old


def test_a_read_only_store_keeps_its_settings(db_path: Path) -> None:
    old = replace(Settings(), name="Åsa Öberg")
    with Store.open(db_path) as store:
        save_settings(store, old)
    with Store.open(db_path, read_only=True) as store:
        with pytest.raises(StoreReadOnlyError):
            save_settings(store, replace(old, name="Ny Person", epost="ny@example.se"))
        assert load_settings(store) == old


def test_malformed_values_fall_back_to_defaults(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.set_setting("settings.namnder", "inte en lista")
        store.set_setting("settings.name", 42)
        assert load_settings(store) == Settings()


def test_check_config_takes_the_users_choices_over_the_organisations() -> None:
    organisation = check_config_for(Settings())
    assert organisation.enabled("decision.att")
    mine = check_config_for(
        Settings(dnr_pattern=r"IDN \d{4}/\d+", disabled_rules=("decision.att",))
    )
    assert mine.dnr_pattern == r"IDN \d{4}/\d+"
    assert not mine.enabled("decision.att")
    assert organisation.dnr_pattern != mine.dnr_pattern


def test_broken_own_dnr_pattern_is_a_swedish_error() -> None:
    with pytest.raises(ChecksConfigError) as info:
        check_config_for(Settings(dnr_pattern="("))
    assert "inte ett giltigt uttryck" in info.value.user_message


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
