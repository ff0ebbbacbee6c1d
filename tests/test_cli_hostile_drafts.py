"""Every command that reads a draft file refuses a hostile one with exit 1 and a Swedish
message naming the file and the limit, never a traceback or an "unexpected error"
(issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cliutil import run_cli
from tests.model.hostiledrafts import HOSTILE, write_hostile


def _refused(err: str, path: Path, words: str) -> None:
    assert err.startswith(f"beslut: {path}: "), err
    assert words in err
    assert "Traceback" not in err and "oväntat fel" not in err
    assert err.strip().splitlines()[1:] in ([], ["beslut: inget utkast importerades."])


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("command", ["show", "import-json"])
def test_a_hostile_file_is_exit_1_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    path, words = write_hostile(tmp_path, name)
    code, out, err = run_cli(capsys, command, str(path))
    assert code == 1 and out == ""
    _refused(err, path, words)


@pytest.mark.parametrize("name", ["deep", "long-int", "over-size", "nan"])
@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export-json", "-o", "-"],
        ["export", "-o", "{out}"],
        ["import-json", "--replace", "1"],
    ],
    ids=["check", "export-json", "export", "import-json-replace"],
)
def test_every_command_that_reads_a_draft_file_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    path, words = write_hostile(tmp_path, name)
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    args = [a.replace("{out}", str(out_dir)) for a in command]
    args.insert(1, str(path))  # the file where the draft's id may stand
    code, out, err = run_cli(capsys, *args)
    assert code == 1 and out == ""
    _refused(err, path, words)
    assert list(out_dir.iterdir()) == []
