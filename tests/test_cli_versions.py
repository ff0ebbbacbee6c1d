"""beslut versions / save-version / diff / restore on a real database."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from beslut.store import Store
from tests.cliutil import run_cli


def test_versions_are_saved_listed_compared_and_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    code, out, _err = run_cli(capsys, "--db", db, "save-version", "1", "--label", "Till chefen")
    assert code == 0
    first = int(out)
    with Store.open(Path(db)) as store:
        draft = store.load_draft(1)
        changed = replace(draft, decisions=("Idrottsnämnden säger nej.", *draft.decisions[1:]))
        store.save_draft(1, changed)
        exported = store.add_revision(1, "Exporterad till a.docx")

    code, out, _err = run_cli(capsys, "--db", db, "versions", "1", "--json")
    rows = json.loads(out)
    assert [(r["id"], r["label"], r["made"]) for r in rows] == [
        (exported, "Exporterad till a.docx", "export"),
        (first, "Till chefen", "spara"),
    ]
    assert all({"id", "created", "label"} <= set(r) for r in rows)

    code, out, _err = run_cli(capsys, "--db", db, "diff", "1", "--from", str(first))
    assert code == 0
    assert "{+säger+}" in out and "[-inför-]" in out
    assert "Sammanfattning: oförändrat" in out

    code, out, _err = run_cli(capsys, "--db", db, "restore", "1", str(first))
    assert code == 0
    with Store.open(Path(db)) as store:
        assert store.load_draft(1).decisions == draft.decisions  # back to the version
        kept = store.list_revisions(1)[0]
        assert kept.label == f"Före återställning av version {first}"
        assert store.load_revision(kept.id).decisions[0] == "Idrottsnämnden säger nej."


def test_a_version_of_another_draft_or_none_is_said_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    code, _out, err = run_cli(capsys, "--db", db, "diff", "1")
    assert code == 1 and "inga versioner" in err
    code, _out, err = run_cli(capsys, "--db", db, "restore", "1", "999")
    assert code == 1 and "ingen version 999" in err
