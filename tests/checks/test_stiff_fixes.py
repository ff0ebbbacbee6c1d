"""Stiff words come with their plain word as a one-click fix, from checks.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.checks import ChecksConfigError, apply_fixes, load_config, run_checks
from beslut.model import Block, BlockKind, Draft, Run, Section

TEXT = (
    "Det föreligger ett behov av erforderliga medel. I syfte att spara "
    "ERHÅLLER nämnden föreliggande förslag."
)


def _draft(text: str = TEXT) -> Draft:
    block = Block(BlockKind.PARAGRAPH, (Run(text[:30], bold=True), Run(text[30:])))
    return Draft(sections=(Section("bakgrund", "Bakgrund", (block,)),))


def test_each_form_gets_its_own_plain_word_in_the_same_case() -> None:
    stiff = [f for f in run_checks(_draft()).findings if f.rule == "wording.stiff"]
    fixes = {f.fix.original: f.fix.replacement for f in stiff if f.fix}
    assert fixes == {
        "föreligger": "finns",
        "erforderliga": "nödvändiga",
        "I syfte att": "För att",
        "ERHÅLLER": "FÅR",
    }
    # "föreliggande förslag" needs "det här förslaget": found, but no word-for-word fix.
    assert [f.fix for f in stiff if "föreliggande" in f.message] == [None]
    labels = {f.fix.label for f in stiff if f.fix}
    assert "Skriv ”nödvändiga”" in labels


def test_fixing_them_all_keeps_the_formatting_of_the_text() -> None:
    draft = _draft()
    fixed = apply_fixes(draft, run_checks(draft).findings)
    block = fixed.sections[0].blocks[0]
    assert block.text == (
        "Det finns ett behov av nödvändiga medel. För att spara FÅR nämnden föreliggande förslag."
    )
    assert block.runs[0].bold and block.runs[0].text.startswith("Det finns")


def _config(tmp_path: Path, body: str) -> Path:
    (tmp_path / "checks.toml").write_text(body, encoding="utf-8")
    return tmp_path


def test_an_organisation_adds_its_own_words_with_fixes(tmp_path: Path) -> None:
    folder = _config(
        tmp_path,
        '[[stiff_words]]\ninstead = "hjälpa"\nforms = ["bistå", "bistår"]\n'
        'replacements = { "bistår" = "hjälper" }\n',
    )
    draft = _draft("Förvaltningen bistår nämnden och ska bistå fler.")
    found = run_checks(draft, load_config(folder)).findings
    stiff = [(f.fix.replacement if f.fix else None) for f in found if f.rule == "wording.stiff"]
    assert stiff == ["hjälper", None]


@pytest.mark.parametrize(
    ("replacements", "problem"),
    [
        ('"bistår"', "ska vara en tabell med texter"),
        ('{ "bistod" = "hjälpte" }', "nämner ”bistod”, som inte finns i forms"),
        ('{ "bistår" = " " }', "ska ha ett ord på högst 100 tecken"),
        ('{ "bistår" = 3 }', "ska vara en tabell med texter"),
    ],
)
def test_wrong_replacements_are_named(tmp_path: Path, replacements: str, problem: str) -> None:
    folder = _config(
        tmp_path,
        f'[[stiff_words]]\ninstead = "hjälpa"\nforms = ["bistår"]\nreplacements = {replacements}\n',
    )
    with pytest.raises(ChecksConfigError) as raised:
        load_config(folder)
    assert "stiff_words nr 1.replacements" in raised.value.user_message
    assert problem in raised.value.user_message
