"""An older and a newer text of the example TU, with every kind of change the tracked
export marks: words inserted, deleted and changed, a paragraph added and one removed,
a whole part removed, a heading renamed, a word made bold, decision points changed,
added and removed, a bilaga removed and a table added."""

from __future__ import annotations

import dataclasses
import datetime as dt

from beslut.model import Block, BlockKind, Draft, Run
from beslut.model.example import example_draft

TODAY = dt.date(2026, 2, 22)
NEW_PARAGRAPH = "Ett helt nytt stycke om simskolans lärare."
REMOVED_BULLET = "inte redan kan simma 25 meter,"
NEW_DECISION = "Nämnden ger förvaltningen i uppdrag att följa upp simskolan."


def old_and_new() -> tuple[Draft, Draft]:
    old, _files = example_draft(TODAY)
    sections = {s.key: s for s in old.sections}

    def change(key: str, blocks: list[Block], **fields: str) -> None:
        sections[key] = dataclasses.replace(sections[key], blocks=tuple(blocks), **fields)

    blocks = list(sections["sammanfattning"].blocks)
    text = blocks[0].text.replace("avgiftsfri", "kostnadsfri")  # a changed word
    text = text.replace("Förvaltningen", "Idrottsförvaltningen")
    text = text.replace(" därför", "")  # a deleted word
    blocks[0] = Block.plain(BlockKind.PARAGRAPH, text.replace("alla barn", "alla barn och unga"))
    blocks.insert(1, Block.plain(BlockKind.PARAGRAPH, NEW_PARAGRAPH))
    change("sammanfattning", blocks)
    blocks = list(sections["arendet"].blocks)
    assert blocks[4].text == REMOVED_BULLET
    del blocks[4]  # a deleted paragraph (a bullet item)
    blocks.append(Block.table([["Post", "Kostnad"], ["Simlärare", "720 000 kr"]]))
    change("arendet", blocks, heading="Ärendet i korthet")
    blocks = list(sections["bakgrund"].blocks)
    rest = blocks[0].text.removeprefix("Enligt läroplanen")
    blocks[0] = Block(
        BlockKind.PARAGRAPH, (Run("Enligt "), Run("läroplanen", bold=True), Run(rest))
    )
    change("bakgrund", blocks)
    del sections["beredning"]  # a whole part removed
    decisions = list(old.decisions)
    decisions[0] = decisions[0].replace("inför", "beslutar att införa")
    decisions.insert(1, NEW_DECISION)
    decisions.pop()  # "Beslutet justeras omedelbart."
    new = dataclasses.replace(
        old,
        sections=tuple(sections.values()),
        decisions=tuple(decisions),
        attachments=old.attachments[1:],
    )
    return old, new
