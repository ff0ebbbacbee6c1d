"""Tests for beslut.checks.config: reading checks.toml and its Swedish errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.checks.config import (
    CheckConfig,
    ChecksConfigError,
    config_path,
    default_config,
    load_config,
)


def _write(folder: Path, text: str) -> Path:
    (folder / "checks.toml").write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_file_loads_with_its_word_lists() -> None:
    config = load_config()
    assert config == default_config()
    instead = {form: word.instead for word in config.stiff_words for form in word.forms}
    assert instead["erhålla"] == "få"
    assert instead["erhöll"] == "få"
    assert instead["i syfte att"] == "för att"
    assert "i enlighet med föreliggande förslag" in config.dependent_phrases
    assert "godkänner" in config.action_verbs
    assert "angående" in config.empty_heading_words
    assert "t.ex." in config.abbreviations


def test_an_organisations_file_is_read(tmp_path: Path) -> None:
    _write(
        tmp_path,
        """
        disabled = ["wording.stiff"]
        [summary]
        max_words = 120
        [sentences]
        max_words = 18
        abbreviations = ["ang."]
        [dnr]
        pattern = 'SN \\d{4}/\\d+'
        example = "SN 2024/17"
        [[stiff_words]]
        instead = "få"
        forms = ["erhålla", "erhåller"]
        """,
    )
    config = load_config(tmp_path)
    assert config.disabled == frozenset({"wording.stiff"})
    assert (config.summary_max_words, config.sentence_max_words) == (120, 18)
    assert config.summary_needed_above_words == CheckConfig().summary_needed_above_words
    assert config.abbreviations == ("ang.",)
    assert (config.dnr_pattern, config.dnr_example) == (r"SN \d{4}/\d+", "SN 2024/17")
    assert config.stiff_words[0].forms == ("erhålla", "erhåller")
    assert config.dependent_phrases == ()


def test_a_folder_without_the_file_uses_the_shipped_one(tmp_path: Path) -> None:
    assert config_path(tmp_path) == config_path(None)
    assert load_config(tmp_path) == default_config()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[summary\nmax_words = 3", "inte giltig TOML"),
        ("[sentences]\nmax_words = 'många'", "sentences.max_words"),
        ("[sentences]\nmax_words = 0", "sentences.max_words"),
        ("[lix]\nmin_words = true", "lix.min_words"),
        ("[sentences]\nmax_word = 20", "sentences.max_word"),
        ("langd = 20", "langd"),
        ("summary = 3", "summary"),
        ("disabled = 'wording.stiff'", "disabled"),
        ("[decisions]\ndependent_phrases = ['ok', 3]", "decisions.dependent_phrases"),
        ("[dnr]\npattern = '(KS'", "giltigt uttryck"),
        ("[dnr]\npattern = ''", "dnr.pattern"),
        ("[[stiff_words]]\nforms = ['erhålla']", "stiff_words nr 1.instead"),
        ("[[stiff_words]]\ninstead = 'få'\nforms = []", "stiff_words nr 1.forms"),
        ("[[stiff_words]]\ninstead = 'få'\nforms = ['x']\nord = 1", "stiff_words nr 1.ord"),
        ("stiff_words = 'få'", "stiff_words"),
    ],
)
def test_a_broken_file_gives_a_swedish_message_naming_the_problem(
    tmp_path: Path, text: str, named: str
) -> None:
    _write(tmp_path, text)
    with pytest.raises(ChecksConfigError) as info:
        load_config(tmp_path)
    message = info.value.user_message
    assert message.startswith("Granskningsinställningarna i ")
    assert "checks.toml" in message
    assert named in message


def test_an_unreadable_file_is_a_swedish_error(tmp_path: Path) -> None:
    (tmp_path / "checks.toml").mkdir()  # a folder where the file should be
    with pytest.raises(ChecksConfigError) as info:
        load_config(tmp_path)
    assert "filen kan inte öppnas" in info.value.user_message


def test_a_file_not_in_utf8_is_a_swedish_error(tmp_path: Path) -> None:
    (tmp_path / "checks.toml").write_bytes("[dnr]\nexample = 'Dnr SÄN'".encode("latin-1"))
    with pytest.raises(ChecksConfigError) as info:
        load_config(tmp_path)
    assert "UTF-8" in info.value.user_message


def test_rules_are_switched_off_by_id() -> None:
    config = CheckConfig(disabled=frozenset({"wording.stiff"}))
    more = config.with_disabled(["readability.lix"])
    assert not more.enabled("wording.stiff")
    assert not more.enabled("readability.lix")
    assert more.enabled("decision.att")
    assert config.enabled("readability.lix")


def test_the_dnr_pattern_can_come_from_the_users_settings() -> None:
    config = CheckConfig().with_dnr_pattern(r"SN \d{4}/\d+")
    assert config.dnr_pattern == r"SN \d{4}/\d+"
    with pytest.raises(ChecksConfigError) as info:
        config.with_dnr_pattern("SN [0-9")
    assert info.value.user_message.startswith("Mönstret för diarienummer ”SN [0-9”")


def test_dnr_matches_the_whole_dnr_ignoring_surrounding_spaces() -> None:
    config = CheckConfig()
    assert config.dnr_matches("KS 2023/123")
    assert config.dnr_matches("  KS 2023/123 \t")
    assert not config.dnr_matches("Dnr KS 2023/123")
    assert not config.dnr_matches("KS 2023/123 x")
    assert not config.dnr_matches("")
    own = config.with_dnr_pattern(r"SN \d{4}/\d+")
    assert own.dnr_matches(" SN 2024/17 ")
    assert not own.dnr_matches("KS 2023/123")
