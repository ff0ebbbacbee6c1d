"""The plain-text conventions (beslut/textformat.py) both ways: what the text export
writes, the import reads back, footnotes included."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.importing.facts import is_fact_line
from beslut.importing.textnotes import text_blocks
from beslut.model import Block, BlockKind, Draft, Run
from beslut.model.example import example_draft
from beslut.settings import Settings
from beslut.workflow.exporting import export_draft
from tests.importing.drafts import big_draft
from tests.richdraft import rich_draft
from tests.today import TODAY


def _notes(draft: Draft) -> list[list[tuple[str, str]]]:
    """Each block's text up to each footnote, with the note."""
    out = []
    for section in draft.sections:
        for block in section.blocks:
            if block.kind is BlockKind.TABLE:
                continue
            text, marks = "", []
            for run in block.runs:
                text += run.text
                if run.note:
                    marks.append((text, run.note))
            out.append(marks)
    return out


def _noted_draft() -> Draft:
    draft = example_draft(TODAY)[0]
    blocks = (
        Block(BlockKind.HEADING, (Run("Badets skick", note="Se bilaga 2."),), level=1),
        Block(
            BlockKind.PARAGRAPH,
            (
                Run("Badet byggdes 1974", note="Enligt [1] arkivet, 2026"),
                Run(" och behöver rustas upp.", note="besiktningen 2026-03-01"),
                Run(" Ventilationen är uttjänt."),
            ),
        ),
        Block(BlockKind.BULLET, (Run("taket läcker", note="Sedan 2019."),)),
        Block(BlockKind.TABLE, rows=(((Run("År"),), (Run("Kostnad | mnkr"),)),)),
    )
    first = draft.sections[0]
    return replace(draft, sections=(replace(first, blocks=blocks), *draft.sections[1:]))


def test_footnotes_written_to_text_come_back_on_their_runs(tmp_path: Path) -> None:
    draft = _noted_draft()
    target = tmp_path / "tu.txt"
    export_draft(draft, lambda sha: b"", target, Settings())
    text = target.read_text(encoding="utf-8")
    assert "Badet byggdes 1974[2] och behöver rustas upp.[3]" in text
    assert "\n[2] Enligt [1] arkivet, 2026\n" in text
    back = import_document(target, load_doctypes()).draft
    table = Block.table([["År", "Kostnad / mnkr"]], header_rows=1)  # "|" is a cell's edge
    assert back.sections[0].blocks == (*draft.sections[0].blocks[:3], table)


@pytest.mark.parametrize("make", [rich_draft, big_draft], ids=["rich", "100KB"])
def test_every_footnote_of_a_draft_comes_back_through_text(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = make()
    target = tmp_path / "tu.txt"
    export_draft(draft, lambda sha: b"", target, Settings())
    back = import_document(target, load_doctypes()).draft
    assert _notes(back) == _notes(draft)
    assert sum(len(marks) for marks in _notes(draft)) >= 1


def test_a_bracketed_number_without_its_note_line_stays_text() -> None:
    (block,) = [r.block for r in text_blocks("Se källan [1] och [2].\n", is_fact_line)]
    assert block.runs == (Run("Se källan [1] och [2]."),)
