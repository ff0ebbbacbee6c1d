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
from tests.cliutil import run_cli


def _colleague_edits(path: Path, *, dnr: str | None = None) -> None:
    """What a colleague does in their beslut: change a decision point and a paragraph."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["decisions"][0] = data["decisions"][0].replace("1 februari", "1 mars")
    data["sections"][0]["blocks"][0]["runs"][0]["text"] = "En kortare sammanfattning."
    if dnr is not None:
        data["meta"]["dnr"] = dnr
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_reviewed_file_waits_as_changes_that_are_decided_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        store.create_draft(store.load_draft(1))  # a second draft, which must stay as it is
        sent = send_for_review(store, 1, tmp_path / "till kollegan")
        before = store.load_draft(1)
    assert sent.name == "till kollegan.beslut"
    _colleague_edits(sent)

    code, out, _err = run_cli(
        capsys, "--db", str(db), "import-json", str(sent), "--replace", "1", "--reviewer", "Åsa"
    )
    assert code == 0 and "väntar med 2 föreslagna ändringar" in out
    with Store.open(db) as store:
        assert store.load_draft(1) == before  # untouched until a change is accepted

    code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1")
    assert code == 0
    assert "1. Förslag till beslut, punkt 1 – ersättning (Åsa)" in out
    assert "”februari” → ”mars”" in out
    assert "2. Sammanfattning, stycke 1" in out
    code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
    rows = json.loads(out)
    assert next((r["number"], r["kind"], r["old"], r["new"], r["author"]) for r in rows) == (
        1,
        "replace",
        "februari",
        "mars",
        "Åsa",
    )

    code, out, err = run_cli(capsys, "--db", str(db), "accept", "1", "7")
    assert code == 1 and "ingen ändring 7" in err and "1–2" in err
    code, out, err = run_cli(capsys, "--db", str(db), "accept", "1", "1", "--all")
    assert code == 2 and "--all" in err

    assert run_cli(capsys, "--db", str(db), "accept", "1", "1")[0] == 0
    with Store.open(db) as store:
        after = store.load_draft(1)
        assert "1 mars" in after.decisions[0]
        assert after.sections[0].blocks[0].text == before.sections[0].blocks[0].text
        assert store.get_review(1) is not None
    code, out, _err = run_cli(capsys, "--db", str(db), "reject", "1", "--all")
    assert code == 0 and "klar" in out
    with Store.open(db) as store:
        after = store.load_draft(1)
        assert "1 mars" in after.decisions[0]
        assert after.sections[0].blocks[0].text == before.sections[0].blocks[0].text
        assert store.get_review(1) is None
        versions = list_versions(store, 1)
        assert versions[0].label == "Granskad av Åsa"
        assert store.load_revision(versions[0].id) == after
        assert store.load_draft(2).decisions == before.decisions  # the other draft untouched
    code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1")
    assert "ingen granskning som väntar" in out


def test_accepting_all_gives_the_reviewed_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        sent = send_for_review(store, 1, tmp_path / "ut.beslut")
    _colleague_edits(sent)
    assert run_cli(capsys, "--db", str(db), "import-json", str(sent), "--replace", "1")[0] == 0
    code, out, _err = run_cli(capsys, "--db", str(db), "accept", "1", "--all")
    assert code == 0 and "Godtog 2 ändringar." in out
    with Store.open(db) as store:
        assert store.load_draft(1).sections[0].blocks[0].text == "En kortare sammanfattning."
        assert list_versions(store, 1)[0].label == "Granskad av ut"
    code, _out, err = run_cli(capsys, "--db", str(db), "accept", "1", "1")
    assert code == 1 and "ingen granskning som väntar" in err


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
        assert store.get_review(1) is None
    assert main(["--db", str(db), "import-json", str(sent), "--replace", "1", "--force"]) == 0
    capsys.readouterr()
    code, _out, _err = run_cli(capsys, "--db", str(db), "accept", "1", "--all")
    assert code == 0
    with Store.open(db) as store:
        assert store.load_draft(1).meta.dnr == "IDN 2026/999"


def test_accepted_changes_leave_the_comments_on_the_words_they_were_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """beslut accept ID N, one change at a time: the comments read back from the store
    still cover the words they were written on."""
    from dataclasses import replace

    from beslut.model.comments import Comment

    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        draft = store.load_draft(1)
        bakgrund = draft.section("bakgrund")
        assert bakgrund is not None
        first, second = bakgrund.blocks[0].text, bakgrund.blocks[1].text
        at, later = first.index("läroplanen"), second.index("verksamhetsplanen")
        comments = (
            Comment("c1", "bakgrund", 0, "", at, at + 10, "Anna", "2028-01-10T09:30:00", "Vilken?"),
            Comment("c2", "bakgrund", 1, "", later, later + 17, "Bo", "2028-01-10T09:31:00", "År?"),
        )
        store.save_draft(1, replace(draft, comments=comments))
        sent = send_for_review(store, 1, tmp_path / "ut.beslut")
    data = json.loads(sent.read_text(encoding="utf-8"))
    blocks = next(s for s in data["sections"] if s["key"] == "bakgrund")["blocks"]
    blocks[0]["runs"][0]["text"] = first.replace(
        "Enligt läroplanen", "Enligt den gällande läroplanen"
    )
    blocks.insert(1, {"kind": "paragraph", "runs": [{"text": "Ett nytt stycke om simhallarna."}]})
    sent.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run_cli(capsys, "--db", str(db), "import-json", str(sent), "--replace", "1")[0] == 0

    code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
    assert code == 0
    numbers = {row["kind"]: row["number"] for row in json.loads(out)}
    assert set(numbers) == {"insert", "insert_block"}
    for kind in ("insert_block", "insert"):  # the later change first, then the earlier
        _code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
        number = next(row["number"] for row in json.loads(out) if row["kind"] == kind)
        assert run_cli(capsys, "--db", str(db), "accept", "1", str(number))[0] == 0

    with Store.open(db) as store:
        after = store.load_draft(1)
        assert store.get_review(1) is None
    section = after.section("bakgrund")
    assert section is not None
    assert section.blocks[0].text.startswith("Enligt den gällande läroplanen")
    words = [
        (c.id, c.index, section.blocks[c.index or 0].text[c.start : c.end]) for c in after.comments
    ]
    assert words == [("c1", 0, "läroplanen"), ("c2", 2, "verksamhetsplanen")]
