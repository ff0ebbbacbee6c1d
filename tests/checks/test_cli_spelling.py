"""``beslut check`` finds misspelled words, with suggestions, and takes the word lists."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from beslut.cli import main
from beslut.model import Block, BlockKind, Draft, Metadata, Person, Run, Section, Signatory
from beslut.model.jsonio import dumps
from beslut.store import Store, resolve_db_path

TEXT = (
    "Förvaltningen har utrett frågan och handläggarn föreslår att Qvirbergs "
    "förskola byggs om. Jonna Wästerbjörk har varit kontaktperson."
)
DRAFT = Draft(
    Metadata(
        title="Ombyggnad av förskola",
        namnd="Utbildningsnämnden",
        handlaggare=Person("Jonna Wästerbjörk"),
    ),
    sections=(Section("bakgrund", "Bakgrund", (Block(BlockKind.PARAGRAPH, (Run(TEXT),)),)),),
    signatories=(Signatory("Åsa Fjällgren", "förvaltningsdirektör"),),
)


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: Draft) -> list[Any]:
    path = tmp_path / "utkast.beslut"
    path.write_text(dumps(draft), encoding="utf-8")
    main(["check", str(path), "--format", "json"])
    return [f for f in json.loads(capsys.readouterr().out) if f["rule"] == "spelling.unknown"]


def test_unknown_words_are_tips_with_up_to_three_suggestions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(tmp_path, capsys, DRAFT)
    words = {TEXT[f["location"]["start"] : f["location"]["end"]]: f for f in found}
    # The handläggare's name comes from the particulars and is never flagged.
    assert set(words) == {"handläggarn", "Qvirbergs"}
    typo = words["handläggarn"]
    assert typo["severity"] == "tips"
    assert typo["location"]["part"] == "bakgrund"
    assert 1 <= len(typo["suggestions"]) <= 3
    assert "handläggaren" in typo["suggestions"]
    assert "”handläggarn”" in typo["message"] and "”handläggaren”" in typo["message"]


def test_the_users_and_the_organisations_words_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "ordlista.txt").write_text("# Förskolor\nQvirberg\n", encoding="utf-8")
    with Store.open(resolve_db_path(None)) as store:
        store.set_setting("settings.template_dir", str(folder))
    found = _check(tmp_path, capsys, DRAFT)
    assert [TEXT[f["location"]["start"] : f["location"]["end"]] for f in found] == ["handläggarn"]
    with Store.open(resolve_db_path(None)) as store:
        store.add_word("handläggarn")
    assert _check(tmp_path, capsys, DRAFT) == []


def test_an_english_draft_is_not_checked_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = replace(DRAFT, meta=replace(DRAFT.meta, language="en"))
    assert _check(tmp_path, capsys, english) == []


def test_spelling_can_be_switched_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(resolve_db_path(None)) as store:
        store.set_setting("settings.disabled_rules", ["spelling.unknown"])
    assert _check(tmp_path, capsys, DRAFT) == []


def test_text_output_names_the_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "utkast.beslut"
    path.write_text(dumps(DRAFT), encoding="utf-8")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "Tips     Bakgrund, stycke 1: Ordet ”handläggarn” finns inte i ordlistan." in out
