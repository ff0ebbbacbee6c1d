"""Benchmark the word diff of two long versions: a TU whose first part is one paragraph
of 50,000 words, and the same with every tenth word changed (so every sentence is
changed, the case that took difflib word by word minutes), compared part by part as the
Versioner view, ``beslut diff`` and the tracked-changes export compare them.

Goal: under 2 s (issue 22). The floor, measured in the same run, is what any word diff
must do at least: both versions cut into words with the diff's own pattern and each word
hashed.

Run by hand: ``.venv/bin/python benchmarks/bench_diff.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import filler, median_ms, report  # noqa: I001

from beslut.diff import compare
from beslut.diffwords import _TOKEN, Op
from beslut.model import Block, BlockKind, Draft
from beslut.model.example import example_draft

WORDS = 50_000
GOAL_MS = 2000.0


def every_tenth_word_changed(text: str) -> str:
    words = text.split(" ")
    for k in range(0, len(words), 10):
        words[k] = "kommunen" if words[k] != "kommunen" else "regionen"
    return " ".join(words)


def with_paragraph(base: Draft, text: str) -> Draft:
    block = Block.plain(BlockKind.PARAGRAPH, text)
    first = dataclasses.replace(base.sections[0], blocks=(block,))
    return dataclasses.replace(base, sections=(first, *base.sections[1:]))


def floor(old: str, new: str) -> int:
    return len({hash(t) for t in _TOKEN.findall(old)} | {hash(t) for t in _TOKEN.findall(new)})


def main() -> int:
    base, _ = example_draft(dt.date(2026, 2, 22))
    text = filler(WORDS * 7, 1)
    changed = every_tenth_word_changed(text)
    old, new = with_paragraph(base, text), with_paragraph(base, changed)
    part = compare(old, new)[2]
    kept = sum(len(p.text) for line in part.lines for p in line.pieces if p.op is Op.EQUAL)
    print(f"  {len(text.split())} words, {kept / len(text):.0%} of the text kept unchanged")
    base_ms = median_ms(lambda: floor(text, changed), repeat=5, warmup=1)
    ours = median_ms(lambda: compare(old, new), repeat=5, warmup=1)
    name = f"diff.compare, one paragraph of {WORDS} words"
    return 0 if report(name, ours, GOAL_MS, "cut into words and hash", base_ms) else 1


if __name__ == "__main__":
    raise SystemExit(main())
