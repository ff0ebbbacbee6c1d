"""Comments on the ärendemening, a section's heading, a table cell and a footnote as
Word comments (``beslut export --comments``): each range on the commented words (a
footnote's on its reference), read by pandoc and LibreOffice, and back through
``beslut import FILE.docx --replace ID`` on the same places."""

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

from beslut.checks.findings import HEADING, TITLE, text_field
from beslut.model import Block, BlockKind, Draft, Run
from beslut.model.comments import Comment
from beslut.store import Store
from beslut.store.seed import seed_example

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AT = "2028-01-10T09:30:00+01:00"
NOTE = "Enligt skolverkets kursplan i idrott och hälsa."
CELL = text_field((1, 1))


def _with_places(draft: Draft) -> Draft:
    """The example draft with a table and a footnote in Ärendet, and a comment on the
    ärendemening, the heading Ärendet, a table cell and the footnote."""
    section = draft.section("arendet")
    assert section is not None
    table = Block.table([["Simhall", "Platser"], ["Badhuset", "120 barn per termin"]])
    noted = Block(BlockKind.PARAGRAPH, (Run("Lektionerna följer kursplanen"), Run(".", note=NOTE)))
    blocks = (*section.blocks, table, noted)
    sections = tuple(replace(s, blocks=blocks) if s.key == "arendet" else s for s in draft.sections)
    draft = replace(draft, sections=sections)
    title = draft.meta.title
    t, n = title.index("simskola"), NOTE.index("kursplan")
    cell = "120 barn per termin".index("barn")
    table_at, note_at = len(blocks) - 2, len(blocks) - 1
    comments = (
        Comment("c1", "meta", None, TITLE, t, t + 8, "Anna Chef", AT, "Ärendemeningen?"),
        Comment("c2", "arendet", None, HEADING, 0, 7, "Bo Kollega", AT, "Rubriken?"),
        Comment("c3", "arendet", table_at, CELL, cell, cell + 4, "Åsa Berg", AT, "Barn?"),
        Comment("c4", "arendet", note_at, text_field(note=1), n, n + 8, "Åsa Berg", AT, "Källa?"),
    )
    return replace(draft, comments=comments)


@pytest.fixture
def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """(database, the .docx exported with --comments, what the export said)."""
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        store.save_draft(1, _with_places(store.load_draft(1)))
    out = tmp_path / "tu.docx"
    code, _out, err = run_cli(capsys, "--db", str(db), "export", "1", "-o", str(out), "--comments")
    assert code == 0, err
    return db, out, err


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _ranged(document: etree._Element, comment_id: str) -> tuple[str, list[str]]:
    """The text between a comment's range start and end, and the tags of the elements
    there that are no text (a footnote's reference)."""
    inside = False
    text: list[str] = []
    others: list[str] = []
    for element in document.iter():
        if element.tag == f"{{{W}}}commentRangeStart" and element.get(f"{{{W}}}id") == comment_id:
            inside = True
        elif element.tag == f"{{{W}}}commentRangeEnd" and element.get(f"{{{W}}}id") == comment_id:
            return "".join(text), others
        elif inside and element.tag == f"{{{W}}}t":
            text.append(element.text or "")
        elif inside and element.tag == f"{{{W}}}footnoteReference":
            others.append("footnoteReference")
    raise AssertionError(f"no range for comment {comment_id}")


def _style_of(element: etree._Element) -> str:
    """The paragraph style of the paragraph ``element`` stands in."""
    paragraph = next(a for a in element.iterancestors() if a.tag == f"{{{W}}}p")
    return str(paragraph.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS))


def test_every_place_gets_a_word_comment_on_its_words(exported: tuple[Path, Path, str]) -> None:
    _db, out, err = exported
    assert "kom inte med" not in err
    comments = _part(out, "word/comments.xml")
    document = _part(out, "word/document.xml")
    ids = {"".join(c.itertext()): c.get(f"{{{W}}}id") for c in comments.iter(f"{{{W}}}comment")}
    assert set(ids) == {"Ärendemeningen?", "Rubriken?", "Barn?", "Källa?"}
    assert _ranged(document, ids["Ärendemeningen?"]) == ("simskola", [])
    assert _ranged(document, ids["Rubriken?"]) == ("Ärendet", [])
    assert _ranged(document, ids["Barn?"]) == ("barn", [])
    # Word ignores a comment range inside a footnote: it is on the note's reference.
    assert _ranged(document, ids["Källa?"]) == ("", ["footnoteReference"])
    footnotes = _part(out, "word/footnotes.xml")
    assert NOTE in "".join(footnotes.itertext())

    def start(comment_id: str | None) -> etree._Element:
        found = document.xpath(f"//w:commentRangeStart[@w:id='{comment_id}']", namespaces=NS)
        assert len(found) == 1
        return found[0]

    assert _style_of(start(ids["Ärendemeningen?"])) == "Title"  # where the template has it
    assert start(ids["Barn?"]).xpath("ancestor::w:tc", namespaces=NS)
    references = document.xpath("//w:commentReference/@w:id", namespaces=NS)
    assert sorted(references) == sorted(ids.values())
    title = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='Title']", namespaces=NS)[0]
    assert "".join(title.itertext()) == "Avgiftsfri simskola för barn i årskurs 1–3 från 2028"
    assert "\ue000" not in etree.tostring(document, encoding="unicode")


def test_a_template_without_the_arendemening_in_its_body_leaves_that_comment_out(
    tmp_path: Path,
) -> None:
    from docx import Document as open_document

    from beslut.export.document import default_template, render_docx

    template = open_document(str(default_template()))
    for paragraph in template.paragraphs:
        if "{{ titel }}" in paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    path = tmp_path / "mall.docx"
    template.save(str(path))
    with Store.open(tmp_path / "t.db", seed=seed_example) as store:
        draft = _with_places(store.load_draft(1))
    notices: list[str] = []
    data = render_docx(draft, template=path, comments=True, notices=notices)
    assert notices == [
        "1 kommentar kom inte med i Word-filen: texten den står på finns inte i dokumentet."
    ]
    out = tmp_path / "tu.docx"
    out.write_bytes(data)
    texts = ["".join(c.itertext()) for c in _part(out, "word/comments.xml").iter(f"{{{W}}}comment")]
    assert sorted(texts) == ["Barn?", "Källa?", "Rubriken?"]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc reads the comments")
def test_pandoc_sees_the_comments(exported: tuple[Path, Path, str]) -> None:
    _db, out, _err = exported
    native = subprocess.run(
        ["pandoc", "--track-changes=all", "-t", "json", str(out)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    starts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Span":
                (_id, classes, attributes), _content = node["c"]
                if "comment-start" in classes:
                    starts.append(dict(attributes)["author"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(native)["blocks"])
    assert sorted(starts) == sorted(["Anna Chef", "Bo Kollega", "Åsa Berg", "Åsa Berg"])


def test_libreoffice_renders_the_file_with_its_comments(
    exported: tuple[Path, Path, str], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice is not installed")
    _db, out, _err = exported
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(out)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    pdf = tmp_path / "pdf" / "tu.pdf"
    assert pdf.is_file(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_the_comments_come_back_on_the_same_places(
    exported: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, out, _err = exported
    with Store.open(db) as store:
        before = store.load_draft(1)
        store.save_draft(1, replace(before, comments=()))
    code, said, err = run_cli(capsys, "--db", str(db), "import", str(out), "--replace", "1")
    assert code == 0, err
    assert "väntar med 0 föreslagna" in said
    with Store.open(db) as store:
        after = store.load_draft(1)

    def place(c: Comment) -> tuple[object, ...]:
        return (c.text, c.part, c.index, c.field, c.start, c.end)

    expected = [place(c) for c in before.comments]
    # The footnote's comment comes back on the note, on all of it: Word holds it on the
    # note's reference, not on words of the note.
    expected[3] = ("Källa?", "arendet", before.comments[3].index, text_field(note=1), 0, len(NOTE))
    assert [place(c) for c in after.comments] == expected
