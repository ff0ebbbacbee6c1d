"""The ``beslut export`` subcommand, through beslut.cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from beslut.cli import main
from beslut.model import Draft
from beslut.model.jsonio import dumps


def _draft_file(example: tuple[Draft, dict[str, bytes]], folder: Path) -> Path:
    draft, files = example
    path = folder / "utkast.json"
    path.write_text(dumps(draft, files), encoding="utf-8")
    return path


def test_export_a_draft_file_with_bilagor(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _draft_file(example, tmp_path)
    out = tmp_path / "ut" / "tu.docx"
    out.parent.mkdir()
    assert main(["export", str(source), "-o", str(out), "--attachments"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == str(out)
    assert len(printed) == 3 and all(Path(p).is_file() for p in printed)
    assert Document(str(out)).paragraphs[0].text == example[0].meta.title


def test_export_a_stored_draft_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A new database starts with the example draft as number 1.
    assert main(["export", "1", "-o", str(tmp_path)]) == 0
    (written,) = capsys.readouterr().out.splitlines()
    assert Path(written).parent == tmp_path and written.endswith(".docx")


def test_bad_input_is_a_swedish_message_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "saknas.json"), "-o", str(tmp_path / "x.docx")]) == 1
    assert "varken numret på ett utkast eller en fil" in capsys.readouterr().err
    assert main(["export", "1", "-o", str(tmp_path / "saknas" / "x.docx")]) == 1
    assert "finns inte" in capsys.readouterr().err


def test_a_missing_output_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "1"])
    assert caught.value.code == 2
