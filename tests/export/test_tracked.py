"""The tracked-changes export: Word revisions that pandoc accepts into the new text and
rejects into the old one, and marks Word and LibreOffice read (ids, author, date)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from tests.export.trackeddraft import NEW_DECISION, NEW_PARAGRAPH, REMOVED_BULLET, old_and_new
from tests.today import TODAY

from beslut.diff import Op, align
from beslut.export.document import render_docx
from beslut.export.marked import merge_runs
from beslut.export.revisions import Tracked
from beslut.export.tracked import merged_blocks
from beslut.model import Block, BlockKind, Draft, Run, Section
from beslut.model.example import example_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def _tracked(tmp_path: Path, old: Draft | None = None, new: Draft | None = None) -> Path:
    before, after = old_and_new()
    data = render_docx(new or after, tracked=Tracked(old or before, "Anna Ek", WHEN))
    path = tmp_path / "spårad.docx"
    path.write_bytes(data)
    return path


def _plain(tmp_path: Path, name: str, draft: Draft) -> Path:
    path = tmp_path / name
    path.write_bytes(render_docx(draft))
    return path


def _body(path: Path) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read("word/document.xml"))


# pandoc keeps an empty list item, heading or table row where a whole one was deleted
# (accept) or inserted (reject): it wraps a list item before it merges a deleted
# paragraph mark, and reads no row marks. Word and LibreOffice remove them (see
# test_tracked_libreoffice.py), so empty blocks are left out of the comparison, and
# list numbers with them (pandoc counts the empty items).
_EMPTY = re.compile(r"^(\d+\.|-|#+)\s*$|^[\s|+-]+$")
_NUMBER = re.compile(r"^\d+\.\s+")


def _text(run_tool: Callable[..., str], path: Path, *options: str) -> list[str]:
    out = run_tool("pandoc", "-f", "docx", *options, "-t", "plain", "--wrap=none", path)
    lines = [line.rstrip() for line in out.splitlines()]
    return [_NUMBER.sub("", line) for line in lines if line and not _EMPTY.match(line)]


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_pandoc_accepts_the_new_text_and_rejects_back_to_the_old(
    tmp_path: Path, run_tool: Callable[..., str], mode: str
) -> None:
    old, new = old_and_new()
    tracked = _tracked(tmp_path)
    resolved = _text(run_tool, tracked, f"--track-changes={mode}")
    expected = _plain(tmp_path, "väntad.docx", new if mode == "accept" else old)
    assert resolved == _text(run_tool, expected)
    shown = "\n".join(resolved)
    if mode == "accept":
        assert NEW_PARAGRAPH in shown and NEW_DECISION in shown
        assert REMOVED_BULLET.rstrip(",") not in shown
        assert "Beslutet justeras omedelbart." not in shown
        assert "Ärendets beredning" not in shown
    else:
        assert NEW_PARAGRAPH not in shown and NEW_DECISION not in shown
        assert REMOVED_BULLET in shown and "Beslutet justeras omedelbart." in shown


def test_pandoc_sees_the_words_inserted_and_deleted(
    tmp_path: Path, run_tool: Callable[..., str]
) -> None:
    marked = run_tool(
        "pandoc", "-f", "docx", "--track-changes=all", "-t", "markdown", "--wrap=none",
        _tracked(tmp_path),
    )  # fmt: skip
    inserted = re.findall(r"\[([^\]]*)\]\{\.insertion[^}]*\}", marked)
    deleted = re.findall(r"\[([^\]]*)\]\{\.deletion[^}]*\}", marked)
    assert "kostnadsfri" in inserted and "avgiftsfri" in deleted  # a changed word
    assert "och unga" in inserted  # inserted words
    assert "därför" in deleted  # a deleted word
    assert "beslutar att införa" in inserted and "inför" in deleted  # a decision point
    assert 'author="Anna Ek"' in marked and "2026-03-01T09:30:00Z" in marked


def test_every_revision_has_its_own_id_an_author_and_a_date(tmp_path: Path) -> None:
    body = _body(_tracked(tmp_path))
    marks = [*body.iter(f"{W}ins"), *body.iter(f"{W}del")]
    assert len(marks) > 20
    ids = [mark.get(f"{W}id") for mark in marks]
    assert len(set(ids)) == len(ids)
    others = {e.get(f"{W}id") for e in body.iter() if e.tag not in (f"{W}ins", f"{W}del")}
    assert not set(ids) & others  # not shared with the template's bookmarks either
    assert {mark.get(f"{W}author") for mark in marks} == {"Anna Ek"}
    assert {mark.get(f"{W}date") for mark in marks} == {"2026-03-01T09:30:00Z"}


def test_deleted_text_is_del_text_and_inserted_text_is_t(tmp_path: Path) -> None:
    body = _body(_tracked(tmp_path))
    for deleted in body.iter(f"{W}del"):
        assert not list(deleted.iter(f"{W}t"))
    for inserted in body.iter(f"{W}ins"):
        assert not list(inserted.iter(f"{W}delText"))
    for change in (*body.iter(f"{W}ins"), *body.iter(f"{W}del")):
        assert not list(change.iter(f"{W}hyperlink"))  # w:ins/w:del hold runs, not links


def _paragraph(body: ElementTree.Element, text: str) -> ElementTree.Element:
    for paragraph in body.iter(f"{W}p"):
        words = "".join(paragraph.itertext())
        if words == text:
            return paragraph
    raise AssertionError(f"no paragraph {text!r}")


def test_a_whole_paragraph_has_its_mark_deleted_or_inserted(tmp_path: Path) -> None:
    body = _body(_tracked(tmp_path))
    for text, tag in (
        (REMOVED_BULLET, "del"),
        ("Beslutet justeras omedelbart.", "del"),
        (NEW_PARAGRAPH, "ins"),
        (NEW_DECISION, "ins"),
    ):
        paragraph = _paragraph(body, text)
        mark = paragraph.find(f"{W}pPr/{W}rPr/{W}{tag}")
        assert mark is not None, text
        runs = paragraph.findall(f"{W}r")
        assert not runs, f"{text}: every run is inside its w:{tag}"
    kept = _paragraph(body, "Beslutet justeras omedelbart.")
    assert kept.find(f"{W}pPr/{W}numPr") is not None  # still in the decision list


def _table(body: ElementTree.Element, text: str) -> ElementTree.Element:
    """The table holding ``text`` (the template has tables of its own)."""
    return next(t for t in body.iter(f"{W}tbl") if text in "".join(t.itertext()))


def test_a_new_table_has_every_row_and_word_inserted(tmp_path: Path) -> None:
    body = _body(_tracked(tmp_path))
    table = _table(body, "Simlärare")
    rows = table.findall(f"{W}tr")
    assert all(row.find(f"{W}trPr/{W}ins") is not None for row in rows)
    inserted = sum(len(ins.findall(f"{W}r")) for ins in table.iter(f"{W}ins"))
    assert inserted == len(list(table.iter(f"{W}r"))) > 0  # every run inside a w:ins


def test_a_changed_table_cell_is_merged_word_by_word(tmp_path: Path) -> None:
    draft, _files = example_draft(TODAY)
    table = Block.table([["Post", "Kostnad"], ["Simlärare", "720 000 kr"], ["Bad", "1 kr"]])
    changed = Block.table(
        [["Post", "Kostnad"], ["Simlärare", "750 000 kr"], ["Bad", "2 kr"], ["Ny", "3 kr"]]
    )

    def with_table(block: Block) -> Draft:
        return Draft(draft.meta, draft.decisions, (Section("arendet", "Ärendet", (block,)),))

    body = _body(_tracked(tmp_path, with_table(table), with_table(changed)))
    rows = _table(body, "Simlärare").findall(f"{W}tr")
    added = [row.find(f"{W}trPr/{W}ins") is not None for row in rows]
    assert added == [False, False, False, True]  # a new row; the others merged cell by cell
    deleted = ["".join(d.itertext()) for d in body.iter(f"{W}del")]
    inserted = ["".join(i.itertext()) for i in body.iter(f"{W}ins")]
    assert "720" in deleted and "750" in inserted
    assert "1" in deleted and "2" in inserted and "Ny" in inserted and "Bad" not in deleted


def test_the_same_text_exports_without_a_single_revision(tmp_path: Path) -> None:
    old, _new = old_and_new()
    body = _body(_tracked(tmp_path, old, old))
    assert not list(body.iter(f"{W}ins")) and not list(body.iter(f"{W}del"))
    plain = _body(_plain(tmp_path, "vanlig.docx", old))
    assert "".join(body.itertext()) == "".join(plain.itertext())


def test_the_plain_export_has_no_revisions(tmp_path: Path) -> None:
    _old, new = old_and_new()
    data = render_docx(new)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<w:ins " not in xml and "<w:del " not in xml


def test_merged_runs_keep_formatting_links_and_notes_with_their_words() -> None:
    old = (Run("Nämnden beslutar "), Run("idag", bold=True, note="Se bilaga."))
    new = (Run("Nämnden "), Run("beslutar", link="https://stockholm.se"), Run(" idag", bold=True))
    runs, ops = merge_runs(old, new)
    merged = [(r.text, o, r.bold, r.link, r.note) for r, o in zip(runs, ops, strict=True)]
    link = "https://stockholm.se"
    assert merged == [
        ("Nämnden ", Op.EQUAL, False, "", ""),
        ("beslutar", Op.DELETE, False, "", ""),  # given a link: replaced
        ("beslutar", Op.INSERT, False, link, ""),
        (" ", Op.DELETE, False, "", ""),  # made bold
        (" ", Op.INSERT, True, "", ""),
        ("idag", Op.DELETE, True, "", "Se bilaga."),  # its note removed
        ("idag", Op.INSERT, True, "", ""),
    ]
    kept = "".join(r.text for r, o in zip(runs, ops, strict=True) if o is not Op.DELETE)
    removed = "".join(r.text for r, o in zip(runs, ops, strict=True) if o is not Op.INSERT)
    assert kept == "Nämnden beslutar idag" and removed == "Nämnden beslutar idag"


def test_a_changed_word_inside_a_run_keeps_the_run_around_it() -> None:
    runs, ops = merge_runs(
        (Run("att 2027 gäller", italic=True),), (Run("att 2028 gäller", italic=True),)
    )
    assert [(r.text, o) for r, o in zip(runs, ops, strict=True)] == [
        ("att ", Op.EQUAL),
        ("2027", Op.DELETE),
        ("2028", Op.INSERT),
        (" gäller", Op.EQUAL),
    ]
    assert all(r.italic for r in runs)


def test_a_rewritten_paragraph_is_the_old_deleted_then_the_new_inserted() -> None:
    old = [Block.plain(BlockKind.PARAGRAPH, t) for t in ("Helt annan text.", "Mer gammalt.")]
    new = [Block.plain(BlockKind.PARAGRAPH, "Något nytt här.")]
    blocks, marks = merged_blocks(old, new)
    assert [(b.text, m.paragraph if m else None) for b, m in zip(blocks, marks, strict=True)] == [
        ("Helt annan text.", Op.DELETE),  # the deleted ones first, as a reader compares
        ("Mer gammalt.", Op.DELETE),
        ("Något nytt här.", Op.INSERT),
    ]
    kept = [Block.plain(BlockKind.PARAGRAPH, "Nämnden beslutar att 2027 gäller.")]
    changed = [Block.plain(BlockKind.PARAGRAPH, "Nämnden beslutar att 2028 gäller.")]
    blocks, marks = merged_blocks(kept, changed)
    assert len(blocks) == 1 and marks[0] is not None and marks[0].paragraph is None


def test_an_insertion_beside_an_inserted_paragraph_is_written_whole(tmp_path: Path) -> None:
    draft, _files = example_draft(TODAY)

    def part(*texts: str) -> Draft:
        blocks = tuple(Block.plain(BlockKind.PARAGRAPH, t) for t in texts)
        return Draft(draft.meta, (), (Section("arendet", "Ärendet", blocks),))

    old, new = part("ett två tre", "Sista."), part("ett två tre fyra", "Nytt.", "Sista.")
    body = _body(_tracked(tmp_path, old, new))
    assert _paragraph(body, "ett två tre").find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert _paragraph(body, "ett två tre fyra").find(f"{W}pPr/{W}rPr/{W}ins") is not None


def test_a_paragraph_added_before_a_changed_one_leaves_that_one_word_by_word() -> None:
    old = [Block.plain(BlockKind.PARAGRAPH, "Simskolan startar den 1 februari 2027.")]
    new = [
        Block.plain(BlockKind.PARAGRAPH, "Ett helt nytt stycke."),
        Block.plain(BlockKind.PARAGRAPH, "Simskolan startar den 1 mars 2027."),
    ]
    assert align([b.text for b in old], [b.text for b in new]) == [(0, 0), (None, 1)]
    assert align([b.text for b in old], [b.text for b in new], by_words=True) == [
        (None, 0),
        (0, 1),
    ]
    _blocks, marks = merged_blocks(old, new)
    assert [m.paragraph if m else None for m in marks] == [Op.INSERT, None]
    assert marks[1] is not None and Op.DELETE in marks[1].runs  # "februari" -> "mars"


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_the_first_page_s_changed_facts_are_revisions_too(
    tmp_path: Path, run_tool: Callable[..., str], mode: str
) -> None:
    old, _new = old_and_new()
    meta = old.meta
    person = replace(meta.handlaggare, telefon="08-508 999 99")
    new = replace(
        old,
        meta=replace(
            meta,
            title=meta.title + " och vuxna",
            dnr="IDN 2026/999",
            avdelning="",
            handlaggare=person,
        ),
    )
    tracked = _tracked(tmp_path, old, new)
    resolved = _text(run_tool, tracked, f"--track-changes={mode}")
    assert resolved == _text(
        run_tool, _plain(tmp_path, "väntad.docx", new if mode == "accept" else old)
    )
    body = _body(tracked)
    inserted = ["".join(i.itertext()) for i in body.iter(f"{W}ins")]
    deleted = ["".join(d.itertext()) for d in body.iter(f"{W}del")]
    assert " och vuxna" in inserted  # the ärendemening word by word
    assert meta.title not in deleted
    assert meta.dnr in deleted and "IDN 2026/999" in inserted  # little in common: whole
    assert meta.avdelning in deleted  # a fact removed
    assert "123" in deleted and "999" in inserted  # 08-508 123 45 -> 08-508 999 99
    with zipfile.ZipFile(tracked) as archive:
        headers = [archive.read(n).decode() for n in archive.namelist() if "header" in n]
    assert any("IDN 2026/999" in h for h in headers)  # the running header: the new Dnr
    assert not any("<w:ins " in h or "<w:del " in h or "\ue100" in h for h in headers)
