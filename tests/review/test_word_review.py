"""A review done in Word comes back: beslut exports a TU, it is edited as Word edits it
(tracked changes with their authors, text changed without tracking, comments with a
reply), and ``beslut import FILE.docx --replace ID`` holds it as changes one by one."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.exporting import export_stored
from tests.cliutil import run_cli
from tests.review.wordedit import WordEdit

BAKGRUND = "Enligt läroplanen"
SYNPUNKTER = "Förvaltningen bedömer"
KOSTNAD = "Kostnaden ryms"


def _exported(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        written = export_stored(store, 1, tmp_path / "tu.docx", Settings()).written[0]
    return db, written


def _review(path: Path) -> Path:
    edit = WordEdit(path)
    edit.replace("Idrottsnämnden inför", "1 februari", "1 mars", "Anna Chef")
    edit.delete(BAKGRUND, ", varav 50 meter på rygg", "Bo Kollega")
    edit.insert(SYNPUNKTER, "Förvaltningen bedömer", " fortsatt", "Anna Chef")
    edit.delete_paragraph(KOSTNAD, "Bo Kollega")
    edit.move_paragraph("Simskolan startar", "Var fjärde elev", "Anna Chef")
    edit.untracked("Anmälan görs", "e-tjänst", "webbtjänst")
    edit.comment(
        BAKGRUND, "200 meter", "Anna Chef", "Stämmer siffran?", reply=("Bo Kollega", "Ja.")
    )
    edit.comment("Förvaltningen föreslår", "tio lektioner", "Bo Kollega", "Klart.", done=True)
    edit.last_modified_by("Greta Granskare")
    return edit.save(path.with_name("granskad.docx"))


def test_a_review_done_in_word_waits_as_changes_with_their_authors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exported = _exported(tmp_path)
    with Store.open(db) as store:
        before = store.load_draft(1)
    reviewed = _review(exported)
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(reviewed), "--replace", "1")
    assert code == 0, err
    assert "väntar med" in out and "2 kommentarer från filen" in out
    with Store.open(db) as store:
        draft = store.load_draft(1)
    assert draft.sections == before.sections and draft.decisions == before.decisions
    code, out, _err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
    rows = [(r["kind"], r["old"], r["new"], r["author"]) for r in json.loads(out)]
    assert ("replace", "februari", "mars", "Anna Chef") in rows
    # The word diff may place a deletion or insertion a word over: the same change.
    assert [r[3] for r in rows if r[0] == "delete" and "varav 50 meter" in r[1]] == ["Bo Kollega"]
    assert [r[3] for r in rows if r[0] == "insert" and r[2].strip() == "fortsatt"] == ["Anna Chef"]
    assert ("replace", "e-tjänst", "webbtjänst", "Greta Granskare") in rows
    deleted = [r for r in rows if r[0] == "delete_block" and r[1].startswith(KOSTNAD)]
    assert [r[3] for r in deleted] == ["Bo Kollega"]
    # The paragraph Word moved (w:moveFrom, w:moveTo) is one change with both places.
    moved = [r for r in json.loads(out) if "Simskolan startar" in r["old"] + r["new"]]
    assert [(r["kind"], r["author"]) for r in moved] == [("move_block", "Anna Chef")]
    assert moved[0]["old"] == moved[0]["new"] and moved[0]["index"] != moved[0]["new_index"]
    assert " → " in moved[0]["where"]
    code, text, _err = run_cli(capsys, "--db", str(db), "changes", "1")
    line = next(x for x in text.splitlines() if "flyttat stycke" in x)
    assert line.split(". ", 1)[1].startswith(moved[0]["where"]) and "(Anna Chef)" in line
    comments = {c.text: c for c in draft.comments}
    asked = comments["Stämmer siffran?"]
    assert (asked.author, asked.resolved) == ("Anna Chef", False)
    assert [(r.author, r.text) for r in asked.replies] == [("Bo Kollega", "Ja.")]
    section = draft.section(asked.part)
    assert section is not None and asked.index is not None
    assert section.blocks[asked.index].text[asked.start : asked.end] == "200 meter"
    assert comments["Klart."].resolved


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc reads the reviewed file")
def test_accepting_all_gives_what_word_shows_and_rejecting_all_the_draft_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exported = _exported(tmp_path)
    reviewed = _review(exported)
    with Store.open(db) as store:
        before = store.load_draft(1)
    assert run_cli(capsys, "--db", str(db), "import", str(reviewed), "--replace", "1")[0] == 0
    assert run_cli(capsys, "--db", str(db), "accept", "1", "--all")[0] == 0
    with Store.open(db) as store:
        accepted = export_stored(store, 1, tmp_path / "godtagen.docx", Settings()).written[0]
    assert _pandoc(accepted) == _pandoc(reviewed)

    db2 = tmp_path / "t2.db"
    shutil.copy(db, db2)
    with Store.open(db) as store:
        store.save_draft(1, before)
    assert run_cli(capsys, "--db", str(db), "import", str(reviewed), "--replace", "1")[0] == 0
    assert run_cli(capsys, "--db", str(db), "reject", "1", "--all")[0] == 0
    with Store.open(db) as store:
        after = store.load_draft(1)
    assert (after.meta, after.decisions, after.sections) == (
        before.meta,
        before.decisions,
        before.sections,
    )


def _pandoc(path: Path) -> list[str]:
    out = subprocess.run(
        ["pandoc", "--track-changes=accept", "-t", "plain", "--wrap=none", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [" ".join(p.split()) for p in out.split("\n\n") if p.strip()]


def test_an_unchanged_export_gives_no_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exported = _exported(tmp_path)
    code, out, _err = run_cli(capsys, "--db", str(db), "import", str(exported), "--replace", "1")
    assert code == 0 and "väntar med 0 föreslagna" in out


def test_a_word_file_for_another_draft_is_not_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exported = _exported(tmp_path)
    edit = WordEdit(exported)
    edit.untracked("Avgiftsfri simskola", "simskola", "badskola")
    other = edit.save(tmp_path / "annan.docx")
    code, _out, err = run_cli(capsys, "--db", str(db), "import", str(other), "--replace", "1")
    assert code != 0 and "ärendemeningen" in err
    with Store.open(db) as store:
        assert store.get_review(1) is None


@pytest.mark.parametrize("kind", ["deep", "missing", "broken"])
def test_hostile_comments_give_a_swedish_message_or_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db, exported = _exported(tmp_path)
    edit = WordEdit(exported)
    edit.comment(BAKGRUND, "200 meter", "Anna", "Ok?")
    path = edit.save(tmp_path / "fientlig.docx")
    parts = {}
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    head = b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    if kind == "deep":
        inner = b"<w:p>" * 5000 + b"</w:p>" * 5000
        parts["word/comments.xml"] = (
            head + b'<w:comment w:id="0">' + inner + b"</w:comment></w:comments>"
        )
    elif kind == "missing":
        parts["word/comments.xml"] = head + b'<w:comment w:id="77"><w:p/></w:comment></w:comments>'
    else:
        parts["word/comments.xml"] = head + b"<w:comment"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, _out, err = run_cli(capsys, "--db", str(db), "import", str(path), "--replace", "1")
    assert "Traceback" not in err
    if kind == "missing":  # a comment no range refers to stands at the ärendemening
        assert code == 0
        with Store.open(db) as store:
            assert [c.field for c in store.load_draft(1).comments] == ["title"]
    else:
        assert code != 0 and "fientlig.docx kan inte importeras" in err
