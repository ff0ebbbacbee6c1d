"""Drafts for the import tests: the example, and a 100 KB draft with every block kind."""

from __future__ import annotations

import random
from dataclasses import replace

from beslut.model import Block, BlockKind, Draft, Run
from tests.richdraft import rich_draft

# Swedish-like words for the filler text (the import benchmark runs on this draft too).
_WORDS = (
    "nämnden förvaltningen beslutar ärendet badet budget kostnad barn skola staden idrott "
    "anläggning avtal uppdrag verksamhet förslag bedömning remiss utredning samråd "
    "synpunkter invånare trygghet ekonomi miljö och att som för med på av till i om har"
)
WORDS = _WORDS.split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def big_draft(size: int = 100_000, seed: int = 7) -> Draft:
    """The rich draft with its parts grown to about ``size`` characters: paragraphs,
    both heading levels, nested bullets, numbered lists that continue and restart,
    tables, footnotes, links, bold and italic."""
    rng = random.Random(seed)
    base = rich_draft()
    sections = []
    share = size // len(base.sections)
    for section in base.sections:
        blocks = list(section.blocks)
        length = len(section.text)
        while length < share:
            pick = rng.randrange(8)
            if pick == 0:
                block = Block(
                    BlockKind.HEADING,
                    (Run(_sentence(rng)[:40].rstrip(". ")),),
                    level=rng.choice((1, 2)),
                )
            elif pick == 1:
                block = Block(
                    BlockKind.BULLET, (Run(_sentence(rng)),), level=rng.choice((0, 0, 1, 2))
                )
            elif pick == 2:
                block = Block(
                    BlockKind.NUMBERED, (Run(_sentence(rng)),), start=rng.choice((None, None, 1))
                )
            elif pick == 3:
                rows = [["Åtgärd", "Kostnad"]] + [
                    [_sentence(rng)[:30].rstrip(), f"{rng.randint(1, 99)},5"] for _ in range(4)
                ]
                block = Block.table(rows)
            elif pick == 4:
                block = Block(
                    BlockKind.PARAGRAPH,
                    (
                        Run(_sentence(rng) + " "),
                        Run("fetstil", bold=True),
                        Run(" och "),
                        Run("kursiv", italic=True),
                        Run(" text", note=_sentence(rng)),
                        Run(". Se "),
                        Run("planen", link="https://start.stockholm/plan"),
                        Run("."),
                    ),
                )
            else:
                block = Block.plain(BlockKind.PARAGRAPH, _paragraph(rng))
            blocks.append(block)
            length += len(block.text)
        sections.append(replace(section, blocks=_canonical(blocks)))
    return replace(base, sections=tuple(sections))


def _canonical(blocks: list[Block]) -> tuple[Block, ...]:
    """``start=1`` on a part's first numbered item prints as no start at all: written
    without it, as the import reads it."""
    out, numbered = [], False
    for block in blocks:
        if block.kind is BlockKind.NUMBERED and block.level == 0:
            if not numbered and block.start == 1:
                block = replace(block, start=None)
            numbered = True
        out.append(block)
    return tuple(out)


__all__ = ["big_draft"]
