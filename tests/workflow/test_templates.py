"""Template folder, document types and their fallbacks: one answer for app and CLI."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from beslut.doctypes import default_template_dir
from beslut.settings import Settings
from beslut.workflow.templates import (
    available_doctypes,
    resolve_doctype,
    template_source,
)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    """An organisation's template folder: a copy of the shipped one."""
    folder = tmp_path / "org"
    shutil.copytree(default_template_dir(), folder)
    return folder


def test_no_folder_chosen_uses_the_shipped_one() -> None:
    source = template_source(Settings())
    assert source.builtin and source.template is None and source.notices == ()


def test_the_organisations_folder_wins(org: Path) -> None:
    source = template_source(Settings(template_dir=str(org)))
    assert source.folder == org and source.notices == ()
    assert source.template == org / "stadsmall.docx"


def test_a_folder_that_disappears_falls_back_with_a_notice(org: Path) -> None:
    settings = Settings(template_dir=str(org))
    assert len(available_doctypes(settings).types) == 4
    shutil.rmtree(org)  # the share went away (the laptop is offline)
    source = template_source(settings)
    assert source.builtin and source.template is None
    assert str(org) in source.notices[0] and "går inte att nå" in source.notices[0]
    offered = available_doctypes(settings)
    assert offered.types[0].key == "beslutsarende"
    assert offered.notices == source.notices


def test_a_folder_without_doctypes_keeps_its_word_template(org: Path) -> None:
    shutil.rmtree(org / "doctypes")
    source = template_source(Settings(template_dir=str(org)))
    assert source.builtin and source.template == org / "stadsmall.docx"
    assert "doctypes" in source.notices[0]


def test_a_broken_type_file_is_left_out_and_named(org: Path) -> None:
    (org / "doctypes" / "remissvar.toml").write_bytes("name = 'Remiss\xe4r".encode("cp1252"))
    offered = available_doctypes(Settings(template_dir=str(org)))
    assert "remissvar" not in [d.key for d in offered.types]
    assert len(offered.types) == 3
    assert len(offered.notices) == 1 and "remissvar.toml" in offered.notices[0]


def test_an_unknown_type_falls_back_and_says_so(org: Path) -> None:
    settings = Settings(template_dir=str(org))
    resolved = resolve_doctype("gammal_typ", settings)
    assert resolved.doctype.key == available_doctypes(settings).types[0].key
    (notice,) = resolved.notices
    assert "gammal_typ" in notice and str(org) in notice


def test_a_known_type_has_no_notice() -> None:
    resolved = resolve_doctype("remissvar", Settings())
    assert resolved.doctype.key == "remissvar" and resolved.notices == ()


def test_every_type_broken_falls_back_to_the_shipped_ones(org: Path) -> None:
    for path in (org / "doctypes").glob("*.toml"):
        path.write_text("[trasig", encoding="utf-8")
    offered = available_doctypes(replace(Settings(), template_dir=str(org)))
    assert len(offered.types) == 4  # the shipped ones
    assert any("inga dokumenttyper" in n for n in offered.notices)
