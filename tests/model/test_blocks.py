"""The block rules of the editor and of paste, without a QApplication (the core imports
no Qt: tests/test_core_is_qt_free.py)."""

from __future__ import annotations

from beslut.model.blocks import (
    blocks_from_text,
    has_text,
    merge_runs,
    normalize_blocks,
    pasted_block,
    slice_runs,
    without_placeholders,
)
from beslut.model.draft import Block, BlockKind, Run

P, H, B, N = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET, BlockKind.NUMBERED


def test_normalize_drops_blank_blocks_merges_runs_and_unbolds_headings() -> None:
    given = (
        Block(P, (Run("Först "), Run(""), Run("sedan"), Run(" fet", bold=True))),
        Block(P, (Run("   "),)),
        Block(H, (Run("Rubrik", bold=True), Run("\ufffc"))),
    )
    assert normalize_blocks(given) == (
        Block(P, (Run("Först sedan"), Run(" fet", bold=True))),
        Block(H, (Run("Rubrik"),)),
    )
    normal = (Block(P, (Run("Redan"), Run(" rätt", italic=True))),)
    assert normalize_blocks(normal)[0] is normal[0]  # kept as it is


def test_runs() -> None:
    assert merge_runs([("a", False, False), ("", True, False), ("b", False, False)]) == (Run("ab"),)
    runs = (Run("Hej "), Run("du", bold=True), Run(" där"))
    assert slice_runs(runs, 2, 6) == (Run("j "), Run("du", bold=True))
    assert not has_text((Run("  "),)) and has_text(runs)
    assert without_placeholders("a\ufffcb\ufdd0") == "ab"


def test_plain_text_paste_reads_list_markers() -> None:
    text = "Inledning\n• första\n- andra\n2. tredje\n\n  slut  "
    assert blocks_from_text(text) == (
        Block.plain(P, "Inledning"),
        Block.plain(B, "första"),
        Block.plain(B, "andra"),
        Block.plain(N, "tredje"),
        Block.plain(P, "slut"),
    )


def test_a_word_list_marker_becomes_a_list_item() -> None:
    assert pasted_block(Block.plain(P, "·\xa0\xa0Punkt ett"), trim=True) == Block.plain(
        B, "Punkt ett"
    )
    assert pasted_block(Block.plain(P, "3.\xa0Tre"), trim=True) == Block.plain(N, "Tre")
    assert pasted_block(Block.plain(P, "  text  "), trim=False) == Block.plain(P, "  text  ")
    assert pasted_block(Block.plain(P, "   "), trim=True) is None
