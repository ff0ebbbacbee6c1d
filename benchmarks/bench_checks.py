"""Benchmark the checks: every rule over a draft with 110 KB of text and over a 5-page TU.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_checks.py).
Each figure is the median of repeated runs, printed with its ratio to a floor measured
in the same run on the same text: one regular-expression pass that splits all of it
into words (the least any check of the text must do).
Goals: 110 KB at most 100 ms (also with 20 tables, list levels, footnotes and links in
it: about 40 pages); a typical 5-page TU at most 10 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_ms, report  # noqa: I001

from beslut.checks import default_config, run_checks, section_lix
from beslut.checks.tokens import WORD
from beslut.doctypes.loader import load_doctype
from beslut.model import Attachment, Block, BlockKind, Draft, FileRef, Metadata, Run, Section

# Sentences in the style of real tjänsteutlåtanden, a few with faults the rules find.
SENTENCES = [
    "Förvaltningen föreslår att nämnden inför avgiftsfri simskola för barn i årskurs 1–3.",
    "Var fjärde elev i årskurs 6 klarar inte skolans krav på simkunnighet.",
    "Ärendet har beretts av avdelningen för anläggning och evenemang i samråd med "
    "utbildningsförvaltningen.",
    "Simskolan startar den 1 februari 2027 i Eriksdalsbadet, Husbybadet och Farsta simhall.",
    "Kostnaden beräknas till 1,2 miljoner kronor per år och ryms inom nämndens budget.",
    "Föreningen erhåller bidrag för bassängtid enligt bilaga 1.",
    "Det saknas emellertid tydliga mätbara mål och konkreta anvisningar för "
    "integrationsarbetet även om det också är nödvändigt med övergripande inriktningsmål.",
    "De som ska leda det fortsatta arbetet med att nå stadens mål bör bibringas det "
    "samlade kunnande som finns såväl inom staden som på nationell och europeisk nivå "
    "angående förutsättningarna för ett framgångsrikt utvecklingsarbete.",
    "Remisstiden går ut 2004-12-22 och svaret lämnas till kommunstyrelsen.",
    "Förvaltningen följer upp resultatet efter första året och återkommer till nämnden.",
    "Avgiften är i dag det vanligaste skälet till att familjer avstår från simskola.",
    "Anmälan görs av vårdnadshavare i stadens e-tjänst  senast tre veckor före start .",
    "Bassängtiden är redan bokad för skolsimning under förmiddagarna.",
    "Ärendet har Dnr 1.5.1-135-2012 och hänger samman med T2012-050-05828.",
    "Vad har lyckats? Vad har varit mindre lyckat?",
    "Målen är följande: fler barn ska kunna simma och färre ska drunkna.",
    "Simföreningarna i staden har fått lämna synpunkter på upplägget, bl.a. om tiderna.",
    "Beträffande lokalerna torde inga ombyggnader erfordras.",
]
HEADINGS = ["Kostnader och finansiering", "Vem simskolan är till för", "Information"]


def paragraph(rng: random.Random) -> Block:
    return Block.plain(BlockKind.PARAGRAPH, " ".join(rng.sample(SENTENCES, rng.randint(3, 6))))


def section(key: str, heading: str, size: int, rng: random.Random) -> Section:
    blocks: list[Block] = []
    length = 0
    while length < size:
        if rng.random() < 0.08:
            blocks.append(Block.plain(BlockKind.HEADING, rng.choice(HEADINGS)))
        elif rng.random() < 0.15:
            blocks.append(Block.plain(BlockKind.BULLET, rng.choice(SENTENCES)))
        else:
            blocks.append(paragraph(rng))
        length += len(blocks[-1].text) + 1
    return Section(key, heading, tuple(blocks))


def tu_draft(size: int, seed: int = 1) -> Draft:
    """A beslutsärende with about ``size`` characters of text in its sections."""
    rng = random.Random(seed)
    parts = [
        ("sammanfattning", "Sammanfattning", 0.05),
        ("beredning", "Ärendets beredning", 0.05),
        ("bakgrund", "Bakgrund", 0.2),
        ("arendet", "Ärendet", 0.45),
        ("synpunkter", "Förvaltningens synpunkter", 0.25),
    ]
    ref = FileRef("Kostnadsberäkning.pdf", 1000, "a" * 64)
    return Draft(
        meta=Metadata(
            title="Avgiftsfri simskola för barn i årskurs 1–3",
            dnr="IDN 2026/242",
            date=dt.date(2026, 3, 2),
            meeting_date=dt.date(2026, 4, 7),
        ),
        decisions=(
            "Idrottsnämnden inför avgiftsfri simskola för barn i årskurs 1–3.",
            "Idrottsnämnden avsätter 1,2 miljoner kronor till simskolan.",
            "Beslutet justeras omedelbart.",
        ),
        sections=tuple(section(k, h, int(size * share), rng) for k, h, share in parts),
        attachments=(Attachment("Kostnadsberäkning", ref), Attachment("Schema", ref)),
    )


def with_rich_content(draft: Draft, tables: int = 20, seed: int = 2) -> Draft:
    """``draft`` with ``tables`` cost tables spread over its sections, and a nested list,
    a footnote and a link beside each: the content of a long report."""
    rng = random.Random(seed)
    sections = [list(s.blocks) for s in draft.sections]
    for n in range(tables):
        rows = [["Åtgärd", "2027", "2028", "Kommentar"]]
        rows += [
            [
                f"Åtgärd {n}.{r}",
                f"{rng.randint(1, 99)},{r}",
                str(rng.randint(100, 999)),
                "Enligt plan.",
            ]
            for r in range(8)
        ]
        extra = [
            Block.plain(BlockKind.PARAGRAPH, "Kostnaderna fördelas så här:"),
            Block.table(rows),
            Block(BlockKind.BULLET, (Run("Finansieras inom ramen"),), level=1),
            Block(
                BlockKind.PARAGRAPH,
                (
                    Run("Se "),
                    Run("anläggningsplanen", link="https://start.stockholm/plan"),
                    Run(".", note="Beslutad av nämnden 2026-02-10."),
                ),
            ),
        ]
        blocks = sections[n % len(sections)]
        at = rng.randint(0, len(blocks))
        blocks[at:at] = extra
    rebuilt = tuple(
        replace(s, blocks=tuple(b)) for s, b in zip(draft.sections, sections, strict=True)
    )
    return replace(draft, sections=rebuilt)


def all_text(draft: Draft) -> str:
    return "\n".join([*draft.decisions, *(s.text for s in draft.sections)])


def bench_all_rules(name: str, size: int, goal_ms: float, *, rich: bool = False) -> bool:
    draft = with_rich_content(tu_draft(size)) if rich else tu_draft(size)
    config = default_config()
    doctype = load_doctype("beslutsarende")
    files = {"a" * 64}
    text = all_text(draft)
    report_ = run_checks(draft, config, doctype=doctype, files=files)
    print(
        f"  {len(text.encode('utf-8')) / 1000:.0f} KB, {report_.total_lix.words} words, "
        f"{sum(len(s.blocks) for s in draft.sections)} blocks, "
        f"{len(report_.findings)} findings"
    )
    ours = median_ms(lambda: run_checks(draft, config, doctype=doctype, files=files))
    floor = median_ms(lambda: WORD.findall(text))
    return report(name, ours, goal_ms, "one regex pass into words", floor)


def bench_live_lix() -> bool:
    """LIX of the largest section of the 110 KB draft, as a panel shows it while typing."""
    draft = tu_draft(110_000)
    biggest = max(draft.sections, key=lambda s: len(s.text))
    config = default_config()
    ours = median_ms(lambda: section_lix(biggest, config))
    floor = median_ms(lambda: WORD.findall(biggest.text))
    name = f"LIX of one section ({len(biggest.text) // 1000} KB)"
    return report(name, ours, 20, "one regex pass into words", floor)


def main() -> int:
    results = [
        bench_all_rules("all rules, draft with 110 KB of text", 110_000, 100),
        bench_all_rules("all rules, 40 pages with 20 tables", 100_000, 100, rich=True),
        bench_all_rules("all rules, a typical 5-page TU", 15_000, 10),
        bench_live_lix(),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
