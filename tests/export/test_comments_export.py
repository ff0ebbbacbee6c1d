"""The draft's comments as real Word comments: only with ``beslut export --comments``,
ranged on the commented characters, replies and resolved threads in commentsExtended,
and back through ``beslut import FILE.docx --replace ID`` as the same comments."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]
from tests.cliutil import run_cli

from beslut.checks.findings import HEADING
from beslut.model.comments import Comment, Reply
from beslut.store import Store
from beslut.store.seed import seed_example

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = {"w": W, "w14": W14, "w15": W15}
AT = "2028-01-10T09:30:00+01:00"
LATER = "2028-01-11T14:05:00+01:00"


def _draft_with_comments(tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        draft = store.load_draft(1)
        decision = draft.decisions[0]
        start = decision.index("1 februari 2028")
        body = draft.section("bakgrund")
        assert body is not None
        word = body.blocks[0].text.index("läroplanen")
        comments = (
            Comment(
                "c1", "decisions", 0, "", start, start + len("1 februari 2028"), "Anna Chef",
                AT, "Stämmer datumet?", (Reply("Bo Kollega", LATER, "Ja, det är beslutat."),),
            ),
            Comment(
                "c2", "bakgrund", 0, "", word, word + len("läroplanen"), "Bo Kollega", AT,
                "Vilken läroplan?", resolved=True,
            ),
            Comment("c3", "arendet", 2, "", 0, 0, "Åsa Berg", LATER, "Rad ett\nRad två"),
            Comment("c4", "bakgrund", None, HEADING, 0, 4, "Åsa Berg", LATER, "Rubriken?"),
        )  # fmt: skip
        store.save_draft(1, replace(draft, comments=comments))
    return db


def _export(capsys: pytest.CaptureFixture[str], db: Path, out: Path, *extra: str) -> str:
    code, _out, err = run_cli(capsys, "--db", str(db), "export", "1", "-o", str(out), *extra)
    assert code == 0, err
    return err


def _part(path: Path, name: str) -> etree._Element | None:
    with zipfile.ZipFile(path) as archive:
        if name not in archive.namelist():
            return None
        return etree.fromstring(archive.read(name))


def _commented(document: etree._Element, comment_id: str) -> str:
    """The text between a comment's range start and end in the body."""
    inside = False
    text: list[str] = []
    for element in document.iter():
        if element.tag == f"{{{W}}}commentRangeStart" and element.get(f"{{{W}}}id") == comment_id:
            inside = True
        elif element.tag == f"{{{W}}}commentRangeEnd" and element.get(f"{{{W}}}id") == comment_id:
            return "".join(text)
        elif inside and element.tag == f"{{{W}}}t":
            text.append(element.text or "")
    raise AssertionError(f"no range for comment {comment_id}")


def test_without_the_option_the_export_has_no_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    _export(capsys, db, out)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        xml = archive.read("word/document.xml") + archive.read("[Content_Types].xml")
        rels = archive.read("word/_rels/document.xml.rels")
    assert not [n for n in names if "comments" in n.lower()]
    assert b"comment" not in xml.lower() and b"comment" not in rels.lower()


def test_comments_are_word_comments_on_the_commented_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    err = _export(capsys, db, out, "--comments")
    assert "kom inte med" not in err  # the one on a heading too
    comments = _part(out, "word/comments.xml")
    document = _part(out, "word/document.xml")
    extended = _part(out, "word/commentsExtended.xml")
    assert comments is not None and document is not None and extended is not None
    rows = [
        (
            c.get(f"{{{W}}}author"),
            c.get(f"{{{W}}}date"),
            c.get(f"{{{W}}}initials"),
            "\n".join("".join(p.itertext()) for p in c.iter(f"{{{W}}}p")),
        )
        for c in comments.iter(f"{{{W}}}comment")
    ]
    assert rows == [
        ("Anna Chef", AT, "AC", "Stämmer datumet?"),
        ("Bo Kollega", LATER, "BK", "Ja, det är beslutat."),
        ("Bo Kollega", AT, "BK", "Vilken läroplan?"),
        ("Åsa Berg", LATER, "ÅB", "Rad ett\nRad två"),
        ("Åsa Berg", LATER, "ÅB", "Rubriken?"),
    ]
    ids = [c.get(f"{{{W}}}id") for c in comments.iter(f"{{{W}}}comment")]
    assert _commented(document, ids[0]) == "1 februari 2028"
    assert _commented(document, ids[1]) == "1 februari 2028"  # the reply, as Word marks it
    assert _commented(document, ids[2]) == "läroplanen"
    assert _commented(document, ids[3]) == ""
    assert _commented(document, ids[4]) == "Bakg"  # characters 0..4 of the heading
    references = document.xpath("//w:commentReference/@w:id", namespaces=NS)
    assert sorted(references) == sorted(ids)
    with zipfile.ZipFile(out) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.comments+xml" in types and "commentsExtended+xml" in types
    assert 'Target="comments.xml"' in rels and 'Target="commentsExtended.xml"' in rels
    last = {
        c.get(f"{{{W}}}id"): c.findall(f"{{{W}}}p")[-1].get(f"{{{W14}}}paraId")
        for c in comments.iter(f"{{{W}}}comment")
    }
    threads = {
        e.get(f"{{{W15}}}paraId"): (e.get(f"{{{W15}}}paraIdParent"), e.get(f"{{{W15}}}done"))
        for e in extended.iter(f"{{{W15}}}commentEx")
    }
    assert threads[last[ids[0]]] == (None, "0")
    assert threads[last[ids[1]]] == (last[ids[0]], "0")
    assert threads[last[ids[2]]] == (None, "1")


def test_exported_comments_come_back_as_the_same_comments_and_no_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    _export(capsys, db, out, "--comments")
    with Store.open(db) as store:
        before = store.load_draft(1)
    code, said, err = run_cli(capsys, "--db", str(db), "import", str(out), "--replace", "1")
    assert code == 0, err
    assert "väntar med 0 föreslagna" in said
    with Store.open(db) as store:
        after = store.load_draft(1)
    assert after.comments == before.comments
    code, said, _err = run_cli(capsys, "--db", str(db), "changes", "1", "--json")
    assert json.loads(said) == []


def test_a_draft_from_the_exported_file_gets_the_comments_on_the_same_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Into a draft without them, the file's comments land where they were."""
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    _export(capsys, db, out, "--comments")
    with Store.open(db) as store:
        before = store.load_draft(1)
        store.save_draft(1, replace(before, comments=()))
    assert run_cli(capsys, "--db", str(db), "import", str(out), "--replace", "1")[0] == 0
    with Store.open(db) as store:
        after = store.load_draft(1)

    def key(c: Comment) -> tuple[object, ...]:
        return (c.part, c.index, c.start, c.end, c.author, c.created, c.text, c.replies, c.resolved)

    assert [key(c) for c in after.comments] == [key(c) for c in before.comments]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc reads the comments")
def test_pandoc_reads_the_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    _export(capsys, db, out, "--comments")
    tree = json.loads(
        subprocess.run(
            ["pandoc", "--track-changes=all", "-t", "json", str(out)],
            check=True, capture_output=True, text=True,
        ).stdout
    )  # fmt: skip
    starts: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Span":
                (_id, classes, attributes), content = node["c"]
                if "comment-start" in classes:
                    starts.append((dict(attributes)["author"], _plain(content)))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree["blocks"])
    assert starts == [
        ("Anna Chef", "Stämmer datumet?"),
        ("Bo Kollega", "Ja, det är beslutat."),
        ("Åsa Berg", "Rubriken?"),  # in document order: the heading before its text
        ("Bo Kollega", "Vilken läroplan?"),
        ("Åsa Berg", "Rad ett ¶ Rad två"),  # pandoc marks a comment's paragraph break
    ]


def _plain(content: object) -> str:
    words: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                words.append(node["c"])
            elif node.get("t") in ("Space", "SoftBreak", "LineBreak"):
                words.append(" ")
            else:
                walk(node.get("c"))
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(content)
    return " ".join("".join(words).split())


def test_publish_and_comments_do_not_go_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    code, _out, err = run_cli(
        capsys, "--db", str(db), "export", "1", "-o", str(out), "--publish", "--comments"
    )
    assert code != 0 and "--comments" in err and not out.exists()


def test_libreoffice_reads_the_comments_resolved_or_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice is not installed")
    db = _draft_with_comments(tmp_path)
    out = tmp_path / "tu.docx"
    _export(capsys, db, out, "--comments")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    content = _part(tmp_path / "tu.odt", "content.xml")
    assert content is not None
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    loext = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
    texts = {
        "".join(a.itertext()): a.get(f"{{{loext}}}resolved")
        for a in content.iter(f"{{{office}}}annotation")
    }
    assert len(texts) == 5
    assert [v for k, v in texts.items() if "Vilken läroplan?" in k] == ["true"]
    assert [v for k, v in texts.items() if "Stämmer datumet?" in k] == ["false"]


def test_a_range_across_runs_splits_them_and_a_note_stays_at_its_run_end() -> None:
    from beslut.export.comments import marked_runs
    from beslut.export.runs import Inline
    from beslut.model.draft import Run

    class Notes:
        def add_note(self, text: str, inline: Inline) -> int:
            return 7

    runs = [Run("Hej på "), Run("dig du", bold=True, note="En not")]
    xml = marked_runs(runs, Inline(notes=Notes()), [(4, "[S]"), (10, "[E]")])
    root = etree.fromstring(
        f'<w:p xmlns:w="{W}">{xml.replace("[S]", "<w:s/>").replace("[E]", "<w:e/>")}</w:p>'
    )
    order = [
        e.text if e.tag == f"{{{W}}}t" else etree.QName(e).localname
        for e in root.iter(f"{{{W}}}t", f"{{{W}}}s", f"{{{W}}}e", f"{{{W}}}footnoteReference")
    ]
    assert order == ["Hej ", "s", "på ", "dig", "e", " du", "footnoteReference"]
