"""Word-level comparison of two versions of a draft, part by part."""

from __future__ import annotations

from dataclasses import replace

from beslut.diff import Op, Piece, compare, render_plain, words
from beslut.model import Block, BlockKind, Section
from beslut.model.example import example_draft
from tests.today import TODAY


def test_words_marks_only_the_words_that_changed() -> None:
    assert words(
        "Simskolan startar 2027 i tre hallar.", "Simskolan startar 2028 i tre hallar."
    ) == (
        Piece(Op.EQUAL, "Simskolan startar "),
        Piece(Op.DELETE, "2027"),
        Piece(Op.INSERT, "2028"),
        Piece(Op.EQUAL, " i tre hallar."),
    )
    assert words("", "Ny text") == (Piece(Op.INSERT, "Ny text"),)


def test_compare_finds_changes_in_decisions_parts_and_fields() -> None:
    old = example_draft(TODAY)[0]
    section = old.sections[0]
    blocks = (*section.blocks[:1], Block.plain(BlockKind.PARAGRAPH, "Ett nytt stycke."))
    new = replace(
        old,
        meta=replace(old.meta, title=old.meta.title.replace("2028", "2029")),
        decisions=(old.decisions[0], old.decisions[1].replace("1,2", "1,5")),
        sections=(replace(section, blocks=blocks), *old.sections[1:], Section("ny", "Ny del")),
    )
    parts = {p.key: p for p in compare(old, new)}
    title = parts["meta"].lines[0]
    assert title.op is None and Piece(Op.INSERT, "2029") in title.pieces
    decisions = parts["decisions"].lines
    assert [line.op for line in decisions] == [Op.EQUAL, None, Op.DELETE]
    assert Piece(Op.INSERT, "1,5") in decisions[1].pieces
    summary = parts[section.key].lines
    assert [line.op for line in summary][:1] == [Op.EQUAL]
    assert any(line.op is Op.INSERT or line.op is None for line in summary[1:])
    assert not parts["bakgrund"].changed
    text = render_plain(tuple(parts.values()))
    assert "[-2028-]{+2029+}" in text and "Bakgrund: oförändrat" in text
