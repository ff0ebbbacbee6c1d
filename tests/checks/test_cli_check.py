"""Tests for ``beslut check``: the command over a draft file and a stored draft."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.model import Attachment, Draft, FileRef, Metadata
from beslut.model.example import example_draft
from beslut.model.jsonio import dumps
from beslut.store import Store, resolve_db_path

FAULTY = Draft(
    meta=Metadata(title="Avsiktsförklaring om integration", dnr="IDN 2026/242"),
    decisions=("att godkänna avsiktsförklaringen i enlighet med föreliggande förslag",),
    attachments=(Attachment("Avsiktsförklaring", FileRef("a.pdf", 3, "c" * 64)),),
)


def _file(tmp_path: Path, draft: Draft, files: dict[str, bytes] | None = None) -> str:
    path = tmp_path / "utkast.json"
    path.write_text(dumps(draft, files), encoding="utf-8")
    return str(path)


def test_errors_give_exit_code_one_and_swedish_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", _file(tmp_path, FAULTY)]) == 1
    out = capsys.readouterr().out
    assert "Fel      Förslag till beslut, punkt 1: Börja inte" in out
    # The draft file embeds no file for the bilaga, so it is missing.
    assert "[attachments.file_missing]" in out
    assert re.fullmatch(r"[1-9]\d* fel, \d+ varning(?:ar)?, \d+ tips\.", out.splitlines()[-1])


def test_json_output_is_a_list_of_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", _file(tmp_path, FAULTY), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"decision.att", "decision.dependent"} <= {item["rule"] for item in data}
    assert set(data[0]) >= {"rule", "severity", "message", "location"}


def test_the_example_passes_from_a_file_and_from_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    assert main(["check", _file(tmp_path, draft, files)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Granskningen hittade inget att anmärka på."
    with Store.open(resolve_db_path(None)) as store:
        draft_id = store.create_draft(draft, files)
    assert main(["check", str(draft_id), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(item["severity"] == "tips" for item in data)


def test_a_missing_source_is_a_swedish_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "finns-inte.json"]) == 1
    assert "är varken numret på ett utkast eller en fil" in capsys.readouterr().err


def _store_settings(**values: object) -> None:
    from beslut.settings import Settings, save_settings

    with Store.open(resolve_db_path(None)) as store:
        save_settings(store, replace(Settings(), **values))  # type: ignore[arg-type]


def test_a_rule_switched_off_in_the_settings_is_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    draft = replace(draft, decisions=("att godkänna simskolan.", *draft.decisions[1:]))
    source = _file(tmp_path, draft, files)
    assert main(["check", source]) == 1
    assert "[decision.att]" in capsys.readouterr().out
    _store_settings(disabled_rules=("decision.att",))
    assert main(["check", source]) == 0
    assert "[decision.att]" not in capsys.readouterr().out


def test_the_users_own_dnr_pattern_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    source = _file(tmp_path, draft, files)
    _store_settings(dnr_pattern=r"SN \d{4}/\d+")
    assert main(["check", source]) == 0  # a varning, not an error
    out = capsys.readouterr().out
    assert f"Dnr ”{draft.meta.dnr}” har inte det format som är inställt" in out
    assert "[meta.dnr]" in out


def test_the_template_folder_in_the_settings_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    source = _file(tmp_path, draft, files)
    folder = tmp_path / "mallar"
    (folder / "doctypes").mkdir(parents=True)
    (folder / "doctypes" / f"{draft.meta.doctype}.toml").write_text(
        'name = "Eget"\n[[sections]]\nkey = "yttrande"\nheading = "Yttrande"\nrequired = true\n',
        encoding="utf-8",
    )
    _store_settings(template_dir=str(folder))
    assert main(["check", source]) == 1
    assert "Avsnittet ”Yttrande” måste fyllas i" in capsys.readouterr().out


def test_a_broken_own_dnr_pattern_is_a_swedish_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    _store_settings(dnr_pattern="SN [0-9")
    assert main(["check", _file(tmp_path, draft, files)]) == 1
    assert "Mönstret för diarienummer ”SN [0-9”" in capsys.readouterr().err
