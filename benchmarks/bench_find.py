"""Benchmark find and replace over a 100 KB draft with 20 tables, footnotes and links.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_find.py).
Each figure is the median of repeated runs, printed with its ratio to a floor measured
in the same run on the same text: str.find counting the query in all the draft's texts
joined into one string (the least any search must do: read the text once).
Goal (issue 23): find in the 100 KB draft at most 20 ms, with or without match case and
whole words. Printed for information: a one-letter query (about 8,000 hits, so mostly the
cost of one Location per hit) and replace all (one action, not one per keystroke).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median_ms, report  # noqa: I001
from bench_checks import tu_draft, with_rich_content

from beslut.checks.units import text_units
from beslut.model import Draft
from beslut.workflow.find import Query, find_all, replace_all


def count_floor(text: str, needle: str) -> int:
    """How many times ``needle`` occurs in ``text``: str.find from one hit to the next."""
    count, at = 0, text.find(needle)
    while at >= 0:
        count, at = count + 1, text.find(needle, at + len(needle))
    return count


def bench_find(draft: Draft, joined: str, query: Query, name: str) -> bool:
    hits = len(find_all(draft, query))
    ours = median_ms(lambda: find_all(draft, query))
    floor = median_ms(lambda: count_floor(joined, query.text))
    return report(f"{name} ({hits} hits)", ours, 20, "str.find over the joined text", floor)


def main() -> int:
    draft = with_rich_content(tu_draft(100_000))
    joined = "\n".join(unit.text for unit in text_units(draft))
    print(
        f"  {len(joined.encode('utf-8')) / 1000:.0f} KB in {len(text_units(draft))} texts, "
        f"{sum(len(s.blocks) for s in draft.sections)} blocks"
    )
    results = [
        bench_find(draft, joined, Query("nämnden"), "find a common word"),
        bench_find(draft, joined, Query("Husbybadet", match_case=True), "find, match case"),
        bench_find(draft, joined, Query("för", whole_words=True), "find, whole words"),
        bench_find(draft, joined, Query("fjärrvärme"), "find a word not in the draft"),
        bench_find(draft, joined, Query("st"), "find two letters"),
    ]
    # One letter: thousands of hits, so mostly the cost of a Location per hit.
    hits = len(find_all(draft, Query("e")))
    ours = median_ms(lambda: find_all(draft, Query("e")))
    floor = median_ms(lambda: count_floor(joined, "e"))
    print(
        f"{f'find one letter ({hits} hits), for information':<44} {ours:8.2f} ms"
        f"  floor str.find over the joined text: {floor:.2f} ms, ratio {ours / floor:.2f}"
    )
    query = Query("nämnden")
    _new, count = replace_all(draft, query, "styrelsen")
    ours = median_ms(lambda: replace_all(draft, query, "styrelsen"), repeat=9)
    floor = median_ms(lambda: joined.replace("nämnden", "styrelsen"))
    print(
        f"{f'replace all ({count} hits), for information':<44} {ours:8.2f} ms"
        f"  floor str.replace over the joined text: {floor:.2f} ms, ratio {ours / floor:.2f}"
    )
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
