"""beslut export ID -o OUT.docx --changes-since REV on a real database."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from beslut.settings import Settings, save_settings
from beslut.store import Store
from tests.cliutil import run_cli


def _document(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _pandoc(path: Path, mode: str) -> str:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    args = [pandoc, "-f", "docx", f"--track-changes={mode}", "-t", "plain", str(path)]
    return subprocess.run(
        args, capture_output=True, encoding="utf-8", check=True, timeout=60
    ).stdout


def test_the_changes_since_a_version_are_tracked_in_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    code, out, _err = run_cli(capsys, "--db", db, "save-version", "1", "--label", "Till chefen")
    assert code == 0
    first = int(out)
    with Store.open(Path(db)) as store:
        save_settings(store, Settings(name="Anna Ek"))
        draft = store.load_draft(1)
        point = draft.decisions[0].replace("inför", "beslutar att införa")
        store.save_draft(1, replace(draft, decisions=(point, *draft.decisions[1:])))
        modified = store.summary(1).modified
    target = tmp_path / "spårad.docx"
    code, out, err = run_cli(
        capsys, "--db", db, "export", "1", "-o", str(target), "--changes-since", str(first)
    )
    assert code == 0, err
    assert out.strip() == str(target)
    xml = _document(target)
    assert '<w:delText xml:space="preserve">inför</w:delText>' in xml
    assert '<w:t xml:space="preserve">beslutar att införa</w:t>' in xml
    assert 'w:author="Anna Ek"' in xml
    assert f'w:date="{modified[:19]}Z"' in xml  # the time the text was changed
    with Store.open(Path(db)) as store:  # the export is a version, as every export is
        assert store.list_revisions(1)[0].label == "Exporterad till spårad.docx"


def test_pandoc_reads_the_old_text_back_from_the_cli_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    _code, out, _err = run_cli(capsys, "--db", db, "save-version", "1")
    with Store.open(Path(db)) as store:
        draft = store.load_draft(1)
        store.save_draft(1, replace(draft, decisions=draft.decisions[1:]))
    target = tmp_path / "spårad.docx"
    run_cli(capsys, "--db", db, "export", "1", "-o", str(target), "--changes-since", out.strip())
    rejected, accepted = (_pandoc(target, mode) for mode in ("reject", "accept"))
    first = draft.decisions[0][:40]
    assert first in rejected.replace("\n", " ") and first not in accepted.replace("\n", " ")


def test_a_wrong_version_a_draft_file_or_a_text_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    target = str(tmp_path / "ut.docx")
    code, _out, err = run_cli(
        capsys, "--db", db, "export", "1", "-o", target, "--changes-since", "99"
    )
    assert code == 1 and "har ingen version 99" in err
    assert not Path(target).exists()
    _code, out, _err = run_cli(capsys, "--db", db, "save-version", "1")
    text = str(tmp_path / "ut.txt")
    code, _out, err = run_cli(capsys, "--db", db, "export", "1", "-o", text, "--changes-since", out)
    assert code == 1 and "Word-fil" in err
    draft_file = tmp_path / "utkast.json"
    run_cli(capsys, "--db", db, "export-json", "1", "-o", str(draft_file))
    code, _out, err = run_cli(
        capsys, "--db", db, "export", str(draft_file), "-o", target, "--changes-since", "1"
    )
    assert code == 1 and "sparat utkast" in err
