"""Benchmark the store: saving a 100 KB draft, searching and listing 10,000 drafts.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_store.py).
Each figure is printed with the ratio to a floor measured in the same run on the
same data: plain sqlite3 doing the least the same task needs.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import PLACES, filler, median_ms, report
from beslut.model import Block, BlockKind, Draft, Metadata, Section
from beslut.model.jsonio import body_json
from beslut.store import Store

N_DRAFTS = 10_000


def draft_of(size: int, seed: int, title: str) -> Draft:
    text = f"Ärendet gäller {PLACES[seed % len(PLACES)]}. " + filler(size, seed)
    chunks = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    blocks = tuple(Block.plain(BlockKind.PARAGRAPH, chunk) for chunk in chunks)
    return Draft(
        Metadata(title=title, namnd="Idrottsnämnden", dnr=f"IDN 2026/{seed}"),
        decisions=("Idrottsnämnden godkänner förslaget.",),
        sections=(Section("arendet", "Ärendet", blocks),),
    )


def bench_save(folder: Path) -> bool:
    draft = draft_of(100_000, 7, "Stort utkast")
    with Store.open(folder / "save.db") as store:
        draft_id = store.create_draft(draft)
        ours = median_ms(lambda: store.save_draft(draft_id, draft))
    floor_conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    floor_conn.execute("PRAGMA journal_mode = WAL")
    floor_conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    floor_conn.execute("INSERT INTO t VALUES (1, '')")

    def floor() -> None:
        floor_conn.execute("UPDATE t SET body = ? WHERE id = 1", (body_json(draft),))

    floor_ms = median_ms(floor)
    floor_conn.close()
    return report(
        "save a draft with 100 KB of text", ours, 10, "sqlite3 UPDATE of its JSON", floor_ms
    )


def fill(path: Path) -> None:
    start = time.perf_counter()
    with Store.open(path) as store, store._atomic():
        for n in range(N_DRAFTS):
            store.create_draft(draft_of(5_000, n, f"Ärende {n} om simskola"))
    print(f"(set-up: {N_DRAFTS} drafts of 5 KB in {time.perf_counter() - start:.1f} s)")


def bench_search(path: Path, query: str, goal_ms: float) -> bool:
    with Store.open(path) as store:
        ours = median_ms(lambda: store.list_drafts(query))
        hits = len(store.list_drafts(query))
    conn = sqlite3.connect(path)
    sql = "SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?"
    fts = " ".join(f'"{word}"*' for word in query.split())
    floor_ms = median_ms(lambda: conn.execute(sql, (fts,)).fetchall())
    conn.close()
    name = f"search 10,000 drafts: {query!r} ({hits} hits)"
    return report(name, ours, goal_ms, "bare FTS5 MATCH", floor_ms)


def bench_open_and_list(path: Path) -> bool:
    def ours() -> None:
        with Store.open(path) as store:
            assert len(store.list_drafts()) == N_DRAFTS

    def floor() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT id, title, namnd, modified FROM drafts").fetchall()
        conn.close()

    return report(
        "open the store and list 10,000 drafts",
        median_ms(ours, 15),
        50,
        "sqlite3 connect + SELECT",
        median_ms(floor, 15),
    )


def main() -> int:
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        results = [bench_save(folder)]
        fill(folder / "many.db")
        many = folder / "many.db"
        results += [
            bench_search(many, "Kistabiblioteket", 10),
            bench_search(many, "kista", 10),
            # A word in every draft returns the whole list: held to the listing's goal.
            bench_search(many, "kommunstyrelsen remiss", 50),
            bench_open_and_list(many),
        ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
