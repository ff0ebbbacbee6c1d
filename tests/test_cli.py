"""Tests for beslut.cli: the command line over the same core."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from beslut import __version__
from beslut.cli import main
from beslut.model.jsonio import draft_to_dict, loads


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _without_ids_and_times(text: str) -> dict[str, Any]:
    return draft_to_dict(loads(text)[0])


def test_first_start_lists_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    drafts = json.loads(out)
    assert len(drafts) == 1
    assert {"id", "title", "namnd", "dnr", "status", "modified"} <= drafts[0].keys()
    assert drafts[0]["namnd"] == "Idrottsnämnden"


def test_export_import_export_is_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "ett.json", tmp_path / "två.json"
    assert run(capsys, "export-json", "1", "-o", str(first))[0] == 0
    code, out, _ = run(capsys, "import-json", str(first), str(first))
    assert code == 0
    new_ids = out.split()
    assert new_ids == ["2", "3"]
    assert run(capsys, "export-json", new_ids[-1], "-o", str(second))[0] == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    files = loads(first.read_text(encoding="utf-8"))[1]
    assert len(files) == 2  # the bilaga files travel with the draft


def test_export_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export-json", "1", "-o", "-")
    assert code == 0
    assert loads(out)[0].meta.namnd == "Idrottsnämnden"


@pytest.mark.parametrize("query", ['"/', "AND (", "*", "simskola", "NOT", "'", "för"])
def test_search_never_fails(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "list", "--search", query, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_search_finds_text_in_sections(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "--search", "Husbybadet", "--json")
    assert [d["id"] for d in json.loads(out)] == [1]
    _, out, _ = run(capsys, "list", "--search", "badminton")
    assert "Inga utkast hittades." in out


def test_show_prints_the_draft(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "1")
    assert code == 0
    assert "Förslag till beslut" in out
    assert "  3. Beslutet justeras omedelbart." in out
    assert "Bilagor" in out


def test_show_reads_a_draft_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "utkast.json"
    run(capsys, "export-json", "1", "-o", str(path))
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "Idrottsnämnden" in out


def test_bad_input_is_exit_1_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "77")
    assert (code, err.strip()) == (1, "beslut: Utkastet 77 finns inte.")
    code, _, err = run(capsys, "show", str(tmp_path / "saknas.json"))
    assert code == 1
    assert "varken numret på ett utkast eller en fil" in err


def test_import_is_all_or_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "bra.json", tmp_path / "trasig.json"
    run(capsys, "export-json", "1", "-o", str(good))
    bad.write_text("{inte json", encoding="utf-8")
    code, out, err = run(capsys, "import-json", str(good), str(bad))
    assert code == 1
    assert out == ""
    assert "trasig.json" in err and "inte giltig JSON" in err
    assert "inget utkast importerades" in err
    _, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def test_newer_draft_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ny.json"
    run(capsys, "export-json", "1", "-o", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "import-json", str(path))
    assert code == 1
    assert "nyare version av beslut" in err


def test_usage_errors_are_exit_2_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export-json", "1"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "användning:" in err
    assert "följande argument krävs: -o/--output" in err


def test_db_option_wins_over_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "egen.db"
    run(capsys, "--db", str(db), "list")
    assert db.exists()
    assert not Path(os.environ["BESLUT_DB"]).exists()


def test_corrupt_database_is_a_swedish_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "trasig.db"
    db.write_bytes(b"x" * 4096)
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 1
    assert "inte en databas" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_console_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "BESLUT_DB": str(tmp_path / "sub.db")}
    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--version"],
        capture_output=True,
        encoding="utf-8",
        env=env,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"beslut {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "beslut", "list"], capture_output=True, encoding="utf-8", env=env
    )
    assert done.returncode == 0
    assert "Idrottsnämnden" in done.stdout


def test_export_fills_the_footer_from_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace

    import docx

    from beslut.settings import Settings, save_settings
    from beslut.store import Store, resolve_db_path
    from beslut.store.seed import seed_example

    with Store.open(resolve_db_path(None), seed=seed_example) as store:
        save_settings(store, replace(Settings(), adress="Box 8310, 104 20 Stockholm"))
    out = tmp_path / "tu.docx"
    code, printed, err = run(capsys, "export", "1", "-o", str(out))
    assert code == 0, err
    assert printed.strip() == str(out)
    document = docx.Document(str(out))
    footers = "".join("".join(s.first_page_footer._element.itertext()) for s in document.sections)
    assert "Box 8310, 104 20 Stockholm" in footers


def test_gui_that_cannot_load_qt_says_so_in_swedish(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import sys

    monkeypatch.setitem(sys.modules, "beslut.ui.app", None)  # importing it fails
    code, _, err = run(capsys)
    assert code == 1
    assert "Det grafiska programmet kan inte starta" in err
    assert "Traceback" not in err
    assert gc.isenabled()
