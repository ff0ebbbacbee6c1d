"""A long draft with tables (about 40 pages in LibreOffice), for the pagination tests.

Tables of different lengths fall at different places on their pages, so some start
near the bottom of a page and some split across one, each with a header row that says
"Rubrikrad N", which the tests look for at the top and bottom of pages.
"""

from __future__ import annotations

import dataclasses
import random

from tests.richdraft import rich_draft

from beslut.model import Block, BlockKind, Draft, Run

_TEXT = (
    "nämnden förvaltningen beslutar ärendet bakgrund simskola budget kostnad barn skola "
    "staden idrott anläggning avtal uppdrag verksamhet förslag bedömning remiss utredning "
    "samråd synpunkter invånare trygghet ekonomi miljö och att som för med på av till i om "
    "har är en ett den det de inom enligt"
)
WORDS = tuple(_TEXT.split())
TABLES = 20


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def table(number: int, rng: random.Random) -> Block:
    """A table of 4 to 22 body rows under one header row "Rubrikrad N"."""
    rows = [[f"Rubrikrad {number}", "Kostnad (tkr)", "Kommentar"]]
    for row in range(4 + (number * 7) % 19):
        rows.append([f"Post {number}.{row + 1}", f"{rng.randint(10, 9999)}", sentence(rng)])
    return Block.table(rows)


def long_draft(tables: int = TABLES) -> Draft:
    """The rich draft with a long Ärendet: paragraphs, sub-headings, lists and tables."""
    rng = random.Random(11)
    base = rich_draft()
    blocks: list[Block] = []
    for number in range(1, tables + 1):
        blocks.append(Block(BlockKind.HEADING, (Run(f"Delområde {number}"),), level=1))
        for _ in range(2 + number % 3):
            blocks.append(Block.plain(BlockKind.PARAGRAPH, text(rng, 7)))
        blocks.append(Block.plain(BlockKind.PARAGRAPH, f"Kostnaderna för delområde {number}:"))
        blocks.append(table(number, rng))
        blocks.append(Block.plain(BlockKind.PARAGRAPH, text(rng, 5)))
        blocks.append(Block.plain(BlockKind.PARAGRAPH, "Hinder som framkommit på konferenserna:"))
        for level in (0, 1, 0):
            blocks.append(Block(BlockKind.BULLET, (Run(sentence(rng)),), level=level))
        blocks.append(Block(BlockKind.NUMBERED, (Run(sentence(rng)),)))
    sections = tuple(
        dataclasses.replace(s, blocks=(*s.blocks, *blocks)) if s.key == "arendet" else s
        for s in base.sections
    )
    return dataclasses.replace(base, sections=sections)
