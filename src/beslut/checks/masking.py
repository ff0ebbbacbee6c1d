"""A publication copy of a draft: every confirmed personal-data finding replaced by a mark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from beslut.checks.findings import Finding, Location
from beslut.checks.fixes import current_text, replace_ranges
from beslut.model.draft import Block, BlockKind, Draft, Run, Section

# The text that stands where personal data was (document text: always Swedish).
MASK = "[personuppgift borttagen]"


def mask(draft: Draft, findings: Iterable[Finding]) -> Draft:
    """``draft`` with the range of every finding replaced by MASK, formatting kept.

    Overlapping ranges in one text become one mark. A link whose address holds what was
    masked ("mailto:anna@...") loses its address, so the copy never carries it.
    """
    by_text: dict[Location, list[tuple[int, int]]] = {}
    for finding in findings:
        loc = finding.location
        if loc.start is None or loc.end is None or loc.end <= loc.start:
            continue
        key = Location(loc.part, loc.index, loc.field)
        by_text.setdefault(key, []).append((loc.start, loc.end))
    removed: set[str] = set()
    for loc, spans in by_text.items():
        text = current_text(draft, loc)
        merged = _merged(spans, len(text))
        removed.update(text[a:b].lower() for a, b in merged)
        draft = replace_ranges(draft, loc, [(a, b, MASK) for a, b in merged])
    return _without_links(draft, removed) if removed else draft


def _merged(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(start, 0), min(end, size)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif start < end:
            out.append((start, end))
    return out


def _without_links(draft: Draft, removed: set[str]) -> Draft:
    """Drop the address of links that point at a masked value or whose text was masked."""

    def clean(runs: tuple[Run, ...]) -> tuple[Run, ...]:
        def keep(run: Run) -> bool:
            link = run.link.lower()
            return not (MASK in run.text or any(value in link for value in removed))

        if not any(run.link and not keep(run) for run in runs):
            return runs
        return tuple(run if not run.link or keep(run) else replace(run, link="") for run in runs)

    def block(b: Block) -> Block:
        if b.kind is BlockKind.TABLE:
            rows = tuple(tuple(clean(cell) for cell in row) for row in b.rows)
            return replace(b, rows=rows)
        return replace(b, runs=clean(b.runs))

    def section(s: Section) -> Section:
        return replace(s, blocks=tuple(block(b) for b in s.blocks))

    return replace(draft, sections=tuple(section(s) for s in draft.sections))
