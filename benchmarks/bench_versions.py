"""Benchmark the comparison of two versions: a 100 KB draft against itself with changes
spread through it (a word changed in every tenth block, a block removed and one added in
every part), word by word, as ``beslut diff`` and the Versioner view do it.

Goal: at most 50 ms. The floor, in the same run: difflib comparing the two versions'
whole texts line by line (the least a comparison must do).
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.drafts import big_draft  # noqa: E402

from _util import median_ms, report  # noqa: E402
from beslut.diff import compare  # noqa: E402
from beslut.model import Block, BlockKind, Draft, Run  # noqa: E402


def changed(draft: Draft) -> Draft:
    sections = []
    for section in draft.sections:
        blocks = list(section.blocks)
        for i in range(0, len(blocks), 10):
            block = blocks[i]
            if block.kind is not BlockKind.TABLE and block.runs:
                first = block.runs[0]
                words = first.text.split(" ")
                words[len(words) // 2] = "ändrat"
                blocks[i] = replace(
                    block, runs=(replace(first, text=" ".join(words)), *block.runs[1:])
                )
        del blocks[len(blocks) // 2]
        blocks.insert(len(blocks) // 3, Block(BlockKind.PARAGRAPH, (Run("Ett nytt stycke."),)))
        sections.append(replace(section, blocks=tuple(blocks)))
    return replace(draft, sections=tuple(sections))


def main() -> int:
    old = big_draft()
    new = changed(old)
    parts = compare(old, new)
    lines = sum(1 for p in parts for line in p.lines if line.changed)
    text = sum(len(s.text) for s in old.sections)
    print(f"  {text / 1000:.0f} KB of text, {lines} changed lines found")
    a = "\n".join(s.text for s in old.sections).split("\n")
    b = "\n".join(s.text for s in new.sections).split("\n")
    ours = median_ms(lambda: compare(old, new), repeat=15)
    floor = median_ms(lambda: list(difflib.SequenceMatcher(None, a, b).get_opcodes()), repeat=15)
    return 0 if report("compare two versions of 100 KB", ours, 50, "difflib on lines", floor) else 1


if __name__ == "__main__":
    raise SystemExit(main())
