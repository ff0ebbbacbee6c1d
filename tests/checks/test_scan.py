"""Tests for beslut.checks.scan: the word-start check done outside the pattern."""

from __future__ import annotations

import re

from beslut.checks.scan import fold, scan


def _found(pattern: str, text: str, joiners: str = "_-") -> list[str]:
    return [m.group() for m in scan(re.compile(pattern), text, joiners)]


def test_matches_inside_words_are_skipped() -> None:
    assert _found("ej", "Nej, ej! Dej-ej ej_ej") == ["ej", "ej"]


def test_same_matches_as_a_lookbehind() -> None:
    text = "T2012-050-05828, 2010-02-22 och /2010-03-01 samt 12010-04-01."
    pattern = r"20\d\d-\d\d-\d\d"
    behind = [m.group() for m in re.finditer(r"(?<![\w/.:-])" + pattern, text)]
    assert _found(pattern, text, "_/.:-") == behind == ["2010-02-22"]


def test_a_rejected_match_is_retried_one_position_later() -> None:
    # "aab" is rejected at 1 (after "x"); "ab" at 3 follows a space and is kept.
    assert _found("a?ab|ab", "xaab ab") == ["ab"]


def test_empty_matches_do_not_loop() -> None:
    assert _found("x*", "ab") == [""]  # only at the start: elsewhere a letter precedes


def test_fold_keeps_positions_or_gives_up() -> None:
    assert fold("Nämnden ERHÅLLER") == "nämnden erhåller"
    assert fold("İzmir") is None
