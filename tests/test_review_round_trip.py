"""The review round trip from the command line: the draft goes out as a .beslut file, a
colleague changes it, and it comes back with import-json --replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.review import send_for_review
from beslut.workflow.versions import list_versions


def _colleague_edits(path: Path, *, dnr: str | None = None) -> None:
    """What a colleague does in their beslut: change a decision point and a paragraph."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][0] = data["decisions"][0].replace("1 februari", "1 mars")
    data["sections"][0]["blocks"][0]["runs"][0]["text"] = "En kortare sammanfattning."
    if dnr is not None:
        data["meta"]["dnr"] = dnr
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_reviewed_file_replaces_the_text_and_keeps_the_old_as_a_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        store.create_draft(store.load_draft(1))  # a second draft, which must stay as it is
        sent = send_for_review(store, 1, tmp_path / "till kollegan")
        before = store.load_draft(1)
    assert sent.name == "till kollegan.beslut"
    _colleague_edits(sent)

    assert main(["--db", str(db), "import-json", str(sent), "--replace", "1"]) == 0
    out = capsys.readouterr().out
    assert "[-1 februari-]{+1 mars+}" in out.replace(
        "[-februari-]{+mars+}", "[-1 februari-]{+1 mars+}"
    ) or ("{+mars+}" in out)
    with Store.open(db) as store:
        after = store.load_draft(1)
        assert "1 mars" in after.decisions[0]
        assert after.sections[0].blocks[0].text == "En kortare sammanfattning."
        versions = list_versions(store, 1)
        assert [v.made.value for v in versions] == ["granskning", "granskning", "granskning"]
        assert versions[1].label == "Före granskad version (till kollegan.beslut)"
        assert store.load_revision(versions[1].id) == before
        assert store.load_draft(2).decisions == before.decisions  # the other draft untouched


def test_a_file_for_another_draft_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        sent = send_for_review(store, 1, tmp_path / "ut.beslut")
        before = store.load_draft(1)
    _colleague_edits(sent, dnr="IDN 2026/999")
    assert main(["--db", str(db), "import-json", str(sent), "--replace", "1"]) == 1
    err = capsys.readouterr().err
    assert "annat ärende" in err and "IDN 2026/999" in err and "--force" in err
    with Store.open(db) as store:
        assert store.load_draft(1) == before  # nothing replaced
    assert main(["--db", str(db), "import-json", str(sent), "--replace", "1", "--force"]) == 0
    with Store.open(db) as store:
        assert store.load_draft(1).meta.dnr == "IDN 2026/999"
