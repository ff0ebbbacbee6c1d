"""The command line and the app give the same answers: revisions on export, the gate
before a document leaves, one notice for an unknown type or an unreachable folder."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.doctypes import default_template_dir
from beslut.model.draft import Block, BlockKind
from beslut.settings import load_settings, save_settings
from beslut.store import Store

PERSONNUMMER = "Sökanden, 811218-9876, har fått svar."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "list"]) == 0  # created with the example draft
    return path


def _add_text(db: Path, text: str) -> None:
    with Store.open(db) as store:
        draft = store.load_draft(1)
        sections = tuple(
            dataclasses.replace(s, blocks=(*s.blocks, Block.plain(BlockKind.PARAGRAPH, text)))
            if s.key == "bakgrund"
            else s
            for s in draft.sections
        )
        store.save_draft(1, dataclasses.replace(draft, sections=sections))


def test_export_by_id_keeps_a_version(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "export", "1", "-o", str(tmp_path / "tu.docx")]) == 0
    with Store.open(db) as store:
        assert [r.label for r in store.list_revisions(1)] == ["Exporterad till tu.docx"]


def test_a_personnummer_needs_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_text(db, PERSONNUMMER)
    target = tmp_path / "tu.docx"
    assert main(["--db", str(db), "export", "1", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "1 personnummer" in err and "--force" in err
    assert not target.exists()
    assert main(["--db", str(db), "export", "1", "-o", str(target), "--force"]) == 0
    assert target.exists()
    assert "1 personnummer" in capsys.readouterr().err  # still said, on stderr


def test_an_unreachable_folder_and_an_unknown_type_say_the_same_in_check_and_export(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org = tmp_path / "org"
    shutil.copytree(default_template_dir(), org)
    with Store.open(db) as store:
        save_settings(store, dataclasses.replace(load_settings(store), template_dir=str(org)))
        draft = store.load_draft(1)
        store.save_draft(
            1, dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, doctype="gammal"))
        )
    shutil.rmtree(org)
    main(["--db", str(db), "check", "1"])
    check_err = capsys.readouterr().err
    assert main(["--db", str(db), "export", "1", "-o", str(tmp_path / "tu.docx")]) == 0
    export_err = capsys.readouterr().err
    # export also says how accessible the document it wrote is (workflow/accessibility.py)
    assert check_err + "beslut: Tillgänglighet: inga problem hittades.\n" == export_err
    assert str(org) in check_err and "”gammal”" in check_err and "går inte att nå" in check_err
