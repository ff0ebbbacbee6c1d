"""The limit on a paragraph's size: a longer paragraph is split where it reads best and
nothing is lost; import applies it and says so; export writes any paragraph."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from beslut.doctypes.loader import default_template_dir, load_doctypes
from beslut.export.document import render_docx
from beslut.importing import import_document
from beslut.model import Block, BlockKind, Draft, Run, Section
from beslut.model.draft import MAX_BLOCK_CHARS
from beslut.model.limits import split_long_blocks, split_notice, too_long, within_limits

P = BlockKind.PARAGRAPH


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    return [block.text for block in blocks]


def test_a_long_paragraph_is_cut_at_a_line_break_else_a_sentence_else_a_space() -> None:
    lines = Block.plain(P, "Första raden.\nAndra raden är här")
    assert _texts(split_long_blocks([lines], 20)) == ["Första raden.", "Andra raden är här"]
    sentences = Block.plain(P, "En mening här. Och en till. Sist")
    assert _texts(split_long_blocks([sentences], 30)) == ["En mening här. Och en till.", "Sist"]
    words = Block.plain(P, "ord ord ord ord ord ord")
    assert _texts(split_long_blocks([words], 10)) == ["ord ord", "ord ord", "ord ord"]
    solid = Block.plain(P, "x" * 25)
    assert _texts(split_long_blocks([solid], 10)) == ["x" * 10, "x" * 10, "x" * 5]
    short = Block.plain(P, "Kort.")
    assert split_long_blocks([short], 10) == (short,)


def test_formatting_links_and_footnotes_stay_with_their_text() -> None:
    block = Block(
        BlockKind.NUMBERED,
        (
            Run("Fet text här. ", bold=True),
            Run("Länk", link="https://start.stockholm/"),
            Run(" med not", note="Källa."),
            Run(" och slut.", italic=True),
            Run("", note="Sista noten."),
        ),
        level=1,
        start=3,
    )
    out = split_long_blocks([block], 20)
    assert len(out) > 1 and all(not too_long(b, 20) for b in out)
    assert [b.kind for b in out] == [BlockKind.NUMBERED] * len(out)
    assert out[0].start == 3 and {b.level for b in out} == {1}
    assert all(b.start is None for b in out[1:])
    runs = [run for b in out for run in b.runs]
    assert " ".join(b.text for b in out).replace("  ", " ") == block.text.rstrip()
    assert sorted(r.note for r in runs if r.note) == ["Källa.", "Sista noten."]
    assert all(r.bold for r in runs if "Fet" in r.text or "här." in r.text)
    assert [r.link for r in runs if "Länk" in r.text] == ["https://start.stockholm/"]
    assert runs[-1].note == "Sista noten."


def test_a_heading_s_rest_is_a_paragraph_and_tables_are_not_split() -> None:
    heading = Block(BlockKind.HEADING, (Run("Rubrik " * 5),), level=1)
    out = split_long_blocks([heading], 20)
    assert out[0].kind is BlockKind.HEADING and {b.kind for b in out[1:]} == {P}
    table = Block.table([["x" * 30, "y"]])
    assert too_long(table, 20) and split_long_blocks([table], 20) == (table,)


def test_within_limits_leaves_a_draft_that_fits_as_it_is() -> None:
    draft = Draft(sections=(Section("bakgrund", "Bakgrund", (Block.plain(P, "Kort."),)),))
    assert within_limits(draft) is draft
    long = Draft(sections=(Section("bakgrund", "Bakgrund", (Block.plain(P, "ab " * 10),)),))
    assert [len(b.text) for b in within_limits(long, 10).sections[0].blocks] == [8, 8, 8, 3]


def test_import_splits_a_paragraph_over_the_limit_and_says_so(tmp_path: Path) -> None:
    sentence = "Nämnden beslutar att simskolan startar i tre hallar. "
    body = sentence * (MAX_BLOCK_CHARS // len(sentence) + 100)
    path = tmp_path / "lång.txt"
    path.write_text(f"Bakgrund\n\n{body}\n", encoding="utf-8")
    item = import_document(path, load_doctypes(default_template_dir()))
    blocks = [b for s in item.draft.sections for b in s.blocks if b.text.startswith("Nämnden")]
    assert len(blocks) == 2 and all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks)
    assert blocks[0].text.endswith("hallar.")  # cut after a sentence
    assert sum(len(b.text) for b in blocks) + 1 == len(body.strip())
    assert split_notice() in item.found.notices


def test_export_writes_a_paragraph_longer_than_libxml2_reads_in_one_text() -> None:
    # One w:t of 10 MB was refused ("Text node too long"): export failed.
    text = "ord " * 2_700_000
    section = Section("bakgrund", "Bakgrund", (Block.plain(P, text),))
    data = render_docx(Draft(sections=(section,)))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("ord ord") > 1_000_000 and xml.count("<w:t ") > 10


def test_a_draft_file_with_a_paragraph_over_the_limit_is_split_when_read(
    tmp_path: Path,
) -> None:
    from beslut.model.jsonio import dumps
    from beslut.workflow.files import read_draft_file

    runs = tuple(Run("Ett stycke som aldrig tar slut. " * 1000, bold=k % 2 == 1) for k in range(40))
    section = Section("bakgrund", "Bakgrund", (Block(P, runs),))
    path = tmp_path / "lång.beslut"
    path.write_text(dumps(Draft(sections=(section,))), encoding="utf-8")
    draft, _files = read_draft_file(path)
    blocks = draft.sections[0].blocks
    assert len(blocks) == 2 and all(not too_long(block) for block in blocks)
    assert sum(len(block.text) for block in blocks) + 1 == len(section.blocks[0].text)
