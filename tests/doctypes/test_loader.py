"""Tests for beslut.doctypes.loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.today import TODAY

from beslut.doctypes import load_doctype, load_doctypes, loader
from beslut.doctypes.loader import DocTypeError
from beslut.model.example import example_draft


def test_shipped_types_load() -> None:
    types = load_doctypes()
    assert types[0].key == "beslutsarende"
    for doctype in types:
        assert doctype.name
        assert doctype.sections
        assert all(s.heading for s in doctype.sections)


def test_example_draft_follows_its_type() -> None:
    draft, _ = example_draft(TODAY)
    doctype = load_doctype(draft.meta.doctype)
    assert [s.key for s in draft.sections] == [s.key for s in doctype.sections]
    assert doctype.standard_decisions[-1] == draft.decisions[-1]


def _write(folder: Path, name: str, text: str) -> None:
    (folder / "doctypes").mkdir(exist_ok=True)
    (folder / "doctypes" / f"{name}.toml").write_text(text, encoding="utf-8")


def test_organisation_folder_with_own_order(tmp_path: Path) -> None:
    _write(tmp_path, "b", 'name = "B"\norder = 1\n[[sections]]\nkey = "x"\nheading = "X"\n')
    _write(tmp_path, "a", 'name = "A"\norder = 2\n[decisions]\nstandard = ["Klart."]\n')
    types = load_doctypes(tmp_path)
    assert [t.key for t in types] == ["b", "a"]
    assert types[1].standard_decisions == ("Klart.",)
    assert types[0].section("x") is not None


def test_guidance_lines_are_joined_into_paragraphs(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "t",
        'name = "T"\n[[sections]]\nkey = "k"\nheading = "K"\n'
        'guidance = """\nEn rad\nsom fortsätter.\n\nNytt stycke.\n"""\n',
    )
    assert load_doctype("t", tmp_path).sections[0].guidance == (
        "En rad som fortsätter.\n\nNytt stycke."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name = ", "kan inte läsas"),
        ("[[sections]]\nkey = 'x'\n", "”sections nr 1.heading” saknas"),
    ],
)
def test_broken_files_name_the_problem(tmp_path: Path, text: str, expected: str) -> None:
    _write(tmp_path, "trasig", text)
    with pytest.raises(DocTypeError) as info:
        load_doctype("trasig", tmp_path)
    assert expected in info.value.user_message


def test_missing_type_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocTypeError) as info:
        load_doctype("saknas", tmp_path)
    assert "finns inte" in info.value.user_message
    with pytest.raises(DocTypeError):
        load_doctypes(tmp_path / "ingen")


def test_a_file_saved_as_ansi_is_a_swedish_error(tmp_path: Path) -> None:
    (tmp_path / "doctypes").mkdir()
    text = 'name = "Äldrenämndens ärende"\n'
    (tmp_path / "doctypes" / "ansi.toml").write_bytes(text.encode("cp1252"))
    for load in (lambda: load_doctype("ansi", tmp_path), lambda: load_doctypes(tmp_path)):
        with pytest.raises(DocTypeError) as info:
            load()
        assert info.value.user_message == (
            "Dokumenttypen i ansi.toml kan inte läsas: filen är inte sparad som UTF-8."
        )


def test_an_unreadable_file_names_the_problem_in_swedish(tmp_path: Path) -> None:
    (tmp_path / "doctypes" / "mapp.toml").mkdir(parents=True)  # a folder, not a file
    with pytest.raises(DocTypeError) as info:
        load_doctypes(tmp_path)
    assert "mapp.toml kan inte läsas: filen kan inte öppnas" in info.value.user_message


def test_each_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "b", 'name = "B"\norder = 1\n')
    _write(tmp_path, "a", 'name = "A"\norder = 2\n')
    reads: list[str] = []
    original = loader._read

    def counting(path: Path) -> dict[str, Any]:
        reads.append(path.name)
        return original(path)

    monkeypatch.setattr(loader, "_read", counting)
    assert [t.key for t in load_doctypes(tmp_path)] == ["b", "a"]
    assert sorted(reads) == ["a.toml", "b.toml"]


def test_a_part_has_the_names_it_goes_by_for_import(tmp_path: Path) -> None:
    folder = tmp_path / "doctypes"
    folder.mkdir()
    (folder / "egen.toml").write_text(
        'name = "Egen"\n[decisions]\nnames = ["Beslutsförslag"]\n'
        '[[sections]]\nkey = "synpunkter"\nheading = "Synpunkter"\n'
        'names = ["Förvaltningens bedömning", "* i sammanfattning"]\n',
        encoding="utf-8",
    )
    (doctype,) = load_doctypes(tmp_path)
    assert doctype.decision_names == ("Beslutsförslag",)
    assert doctype.sections[0].names == ("Förvaltningens bedömning", "* i sammanfattning")


def test_names_that_are_not_a_list_of_text_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "doctypes"
    folder.mkdir()
    (folder / "fel.toml").write_text(
        'name = "Fel"\n[[sections]]\nkey = "a"\nheading = "A"\nnames = "Bedömning"\n',
        encoding="utf-8",
    )
    with pytest.raises(DocTypeError):
        load_doctypes(tmp_path)


def test_a_type_may_name_its_own_word_template(tmp_path: Path) -> None:
    _write(tmp_path, "remiss", 'name = "Remiss"\ntemplate = "remissvar.docx"\n')
    _write(tmp_path, "vanlig", 'name = "Vanlig"\n')
    _write(tmp_path, "utanfor", 'name = "Utanför"\ntemplate = "../annan/mall.docx"\n')
    remiss, utanfor, vanlig = (load_doctype(k, tmp_path) for k in ("remiss", "utanfor", "vanlig"))
    assert remiss.template == "remissvar.docx" and remiss.folder == tmp_path
    assert remiss.template_file() == tmp_path / "remissvar.docx"  # looked up beside doctypes/
    assert vanlig.template == "" and vanlig.template_file() is None
    assert utanfor.template_file() is None  # a path, not a file name of the folder
    # Where a type was read does not make two equal types differ.
    assert load_doctype("remiss", tmp_path) == remiss


def test_a_template_that_is_not_text_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "fel", 'name = "Fel"\ntemplate = ["a.docx"]\n')
    with pytest.raises(DocTypeError) as caught:
        load_doctype("fel", tmp_path)
    assert "fel.toml" in caught.value.user_message and "template" in caught.value.user_message
