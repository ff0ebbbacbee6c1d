"""Tests for beslut.checks.context: shared tokenization and the file check."""

from __future__ import annotations

from beslut.checks import DECISIONS, CheckConfig
from beslut.checks.context import Context, file_check
from beslut.checks.lix import Lix
from beslut.model import Block, BlockKind, Draft, Section

SAME = "Simskolan startar i februari."


def _draft() -> Draft:
    blocks = (
        Block.plain(BlockKind.PARAGRAPH, SAME),
        Block.plain(BlockKind.HEADING, "Kostnader"),
        Block.plain(BlockKind.PARAGRAPH, SAME),
    )
    return Draft(
        decisions=("Nämnden inför simskola.",), sections=(Section("arendet", "Ärendet", blocks),)
    )


def test_the_same_text_is_tokenized_once() -> None:
    ctx = Context(_draft(), CheckConfig())
    units = [u for u in ctx.running_text() if u.text == SAME]
    assert len(units) == 2
    assert ctx.sentences(units[0]) is ctx.sentences(units[1])


def test_lix_per_part_counts_running_text_only() -> None:
    ctx = Context(_draft(), CheckConfig())
    # Ärendet: two blocks of Simskolan(9) startar(7) i februari(8): 4 words, 3 long each.
    # Decisions: Nämnden(7) inför(5) simskola(8): 3 words, 2 long.
    assert ctx.lix_by_part() == {"arendet": Lix(8, 2, 6), DECISIONS: Lix(3, 1, 2)}
    assert [u.text for u in ctx.headings()] == ["Ärendet", "Kostnader"]


def test_file_check_from_a_set_or_a_predicate() -> None:
    assert file_check(None) is None
    exists = file_check({"a" * 64})
    assert exists is not None and exists("a" * 64) and not exists("b" * 64)

    def never(sha256: str) -> bool:
        return False

    assert file_check(never) is never
