"""Template folder, document types and their fallbacks: one answer for app and CLI."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from beslut.cli import main
from beslut.doctypes import default_template_dir
from beslut.settings import Settings, save_settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.exporting import export_stored
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


def _own_template(org: Path, name: str, marker: str) -> Path:
    """A copy of the city template in ``org`` whose first page says ``marker``."""
    target = org / name
    with (
        zipfile.ZipFile(org / "stadsmall.docx") as source,
        zipfile.ZipFile(target, "w") as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace("Tjänsteutlåtande".encode(), marker.encode())
            out.writestr(info, data)
    return target


def _name_template(org: Path, key: str, name: object) -> None:
    path = org / "doctypes" / f"{key}.toml"
    value = f'"{name}"' if isinstance(name, str) else str(name)
    path.write_text(f"template = {value}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_type_that_names_its_own_template_exports_with_it(org: Path) -> None:
    own = _own_template(org, "remissvar.docx", "Yttrande")
    _name_template(org, "remissvar", "remissvar.docx")
    settings = Settings(template_dir=str(org))
    resolved = resolve_doctype("remissvar", settings)
    assert resolved.template == own and resolved.notices == ()
    # The other types keep the organisation's template.
    assert resolve_doctype("beslutsarende", settings).template == org / "stadsmall.docx"


def test_a_missing_own_template_falls_back_to_the_organisations_with_a_notice(org: Path) -> None:
    _name_template(org, "remissvar", "remissvar.docx")
    resolved = resolve_doctype("remissvar", Settings(template_dir=str(org)))
    assert resolved.doctype.key == "remissvar"
    assert resolved.template == org / "stadsmall.docx"
    (notice,) = resolved.notices
    assert "remissvar.docx" in notice and str(org) in notice and "stadsmall.docx" in notice


def test_an_own_template_named_with_a_path_is_not_looked_for_outside(org: Path) -> None:
    _own_template(org, "remissvar.docx", "Yttrande")
    _name_template(org, "remissvar", "../org/remissvar.docx")
    resolved = resolve_doctype("remissvar", Settings(template_dir=str(org)))
    assert resolved.template == org / "stadsmall.docx"
    assert len(resolved.notices) == 1 and "../org/remissvar.docx" in resolved.notices[0]


def test_a_template_that_is_not_a_file_name_leaves_the_type_out(org: Path) -> None:
    _name_template(org, "remissvar", 3)
    offered = available_doctypes(Settings(template_dir=str(org)))
    assert "remissvar" not in [d.key for d in offered.types]
    assert any("remissvar.toml" in n and "template" in n for n in offered.notices)


def _first_page(path: Path) -> list[str]:
    table = docx.Document(str(path)).tables[0]
    return [p.text for c in table._cells for p in c.paragraphs]


def test_export_and_the_command_line_use_the_types_own_template(
    org: Path, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _own_template(org, "beslutsarende.docx", "Beslutsunderlag")
    _name_template(org, "beslutsarende", "beslutsarende.docx")
    settings = Settings(template_dir=str(org))
    with Store.open(db_path, seed=seed_example) as store:
        save_settings(store, settings)
        exported = export_stored(store, 1, tmp_path / "tu.docx", settings)
    assert exported.notices == ()
    assert "Beslutsunderlag" in _first_page(tmp_path / "tu.docx")
    # beslut export reads the same settings from the database.
    assert main(["--db", str(db_path), "export", "1", "-o", str(tmp_path / "cli.docx")]) == 0
    assert "Beslutsunderlag" in _first_page(tmp_path / "cli.docx")
    # Without the file the organisation's template is used, and the command line says so.
    (org / "beslutsarende.docx").unlink()
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "1", "-o", str(tmp_path / "cli2.docx")]) == 0
    assert "Tjänsteutlåtande" in _first_page(tmp_path / "cli2.docx")
    assert "beslutsarende.docx" in capsys.readouterr().err
