"""A database another program holds after the files are written: the export says what
it did, and keeps the version when the database lets go in time."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow import exporting
from beslut.workflow.exporting import export_stored


def _hold(db_path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_database_held_to_the_end_keeps_the_files_and_says_so(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "RECORD_PAUSE", 0.05)
    with Store.open(db_path, seed=seed_example) as store:
        draft = store.load_draft(1)
        store._conn.execute("PRAGMA busy_timeout = 50")
        other = _hold(db_path)
        try:
            exported = export_stored(store, 1, tmp_path / "tu.docx", Settings(), draft=draft)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert exported.revision is None
        assert (tmp_path / "tu.docx").stat().st_size > 0
        (notice,) = exported.notices
        assert notice.startswith("Exporten är sparad (tu.docx), men den kunde inte antecknas")
        assert "annat program" in notice
        assert store.list_revisions(1) == []


@pytest.mark.real_time
def test_a_database_that_lets_go_gets_the_version(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "RECORD_PAUSE", 0.5)
    with Store.open(db_path, seed=seed_example) as store:
        draft = store.load_draft(1)
        store._conn.execute("PRAGMA busy_timeout = 50")
        other = _hold(db_path)

        def release() -> None:
            other.execute("ROLLBACK")
            other.close()

        let_go = threading.Timer(0.2, release)
        let_go.start()
        try:
            exported = export_stored(store, 1, tmp_path / "tu.docx", Settings(), draft=draft)
        finally:
            let_go.join()
        assert exported.revision is not None and exported.notices == ()
        assert [r.id for r in store.list_revisions(1)] == [exported.revision]


def test_a_bilaga_that_cannot_be_written_keeps_the_documents_version(
    tmp_path: Path, db_path: Path
) -> None:
    from beslut.export import WriteError
    from beslut.export.filenames import attachment_filename

    with Store.open(db_path, seed=seed_example) as store:
        draft = store.load_draft(1)
        (tmp_path / attachment_filename(1, draft.attachments[0])).mkdir()  # a folder in the way
        with pytest.raises(WriteError) as caught:
            export_stored(
                store, 1, tmp_path / "tu.docx", Settings(), attachments=True, overwrite=True
            )
        assert caught.value.user_message.endswith("Tjänsteutlåtandet är sparat som tu.docx.")
        assert caught.value.written == (tmp_path / "tu.docx",)
        assert (tmp_path / "tu.docx").stat().st_size > 0
        (revision,) = store.list_revisions(1)
        assert revision.label == "Exporterad till tu.docx"


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")
def test_a_failing_pdf_keeps_the_documents_version(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from beslut.export import PdfConversionError

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text("#!/bin/sh\necho trasig >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    with Store.open(db_path, seed=seed_example) as store:
        with pytest.raises(PdfConversionError) as caught:
            export_stored(store, 1, tmp_path / "tu.docx", Settings(), pdf=True)
        assert "Word-filen är sparad" in caught.value.user_message
        (revision,) = store.list_revisions(1)
        assert revision.label == "Exporterad till tu.docx"
