"""Exporting a stored draft records its version; an unknown type exports with a notice."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import docx

from beslut.doctypes import default_template_dir
from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.exporting import export_stored


def test_a_stored_draft_is_exported_and_its_version_kept(tmp_path: Path, db_path: Path) -> None:
    with Store.open(db_path, seed=seed_example) as store:
        exported = export_stored(store, 1, tmp_path / "tu.docx", Settings(), attachments=True)
        assert exported.written[0] == tmp_path / "tu.docx"
        assert len(exported.written) == 1 + len(store.load_draft(1).file_refs())
        (revision,) = store.list_revisions(1)
        assert revision.id == exported.revision and revision.label == "Exporterad till tu.docx"
        assert store.load_revision(revision.id) == store.load_draft(1)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "tu.docx")).paragraphs)
    assert "Avgiftsfri simskola" in text


def test_a_read_only_database_exports_without_a_version(tmp_path: Path, db_path: Path) -> None:
    Store.open(db_path, seed=seed_example).close()
    with Store.open(db_path, read_only=True) as store:
        exported = export_stored(store, 1, tmp_path / "tu.docx", Settings())
        assert exported.revision is None and exported.written[0].exists()


def test_an_unknown_type_and_a_folder_that_disappeared(tmp_path: Path, db_path: Path) -> None:
    org = tmp_path / "org"
    shutil.copytree(default_template_dir(), org)
    settings = Settings(template_dir=str(org))
    with Store.open(db_path, seed=seed_example) as store:
        draft = store.load_draft(1)
        renamed = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, doctype="x"))
        store.save_draft(1, renamed)
        shutil.rmtree(org)  # the organisation's share went away
        exported = export_stored(store, 1, tmp_path / "tu.docx", settings)
    assert exported.written[0].stat().st_size > 0
    assert len(exported.notices) == 2
    assert "går inte att nå" in exported.notices[0] and "”x”" in exported.notices[1]
