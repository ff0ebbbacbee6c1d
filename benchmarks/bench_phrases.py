"""Benchmark reuse (issue 26): the list of earlier points and paragraphs for a typed
word, over 10,000 drafts.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_phrases.py).
The store is filled through Store.create_drafts, the app's own path, so the phrase
index is the one the app keeps. The drafts are generated from a seeded random.Random:
8 nämnder, 4 document types, decision points from templates (so near-duplicates are
common, as in real TUs), three text parts of 4-8 paragraphs each; a fifth are exported,
a tenth klar, one in twenty in the trash.

Each figure is the median of repeated runs of find_phrases (a current draft given, as
in the app), printed with its ratio to a floor measured in the same run on the same
data: a bare ``SELECT rowid FROM phrases_fts WHERE phrases_fts MATCH ?`` of the same
word as a prefix. Goal: at most 30 ms and at most 3 times the floor. A rare word (a
place's full name, 700 matches) misses the ratio: its floor is half a millisecond, and
ranking and reading the 20 hits shown costs some milliseconds whatever the word.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import PLACES, WORDS, median_ms, report  # noqa: I001

from beslut.doctypes.loader import load_doctypes
from beslut.model import Block, BlockKind, Draft, Metadata, Section, Status
from beslut.store import Store, fts_query
from beslut.workflow.phrases import find_phrases

N_DRAFTS = 10_000
GOAL_MS = 30.0
GOAL_RATIO = 3.0
SEED = 26
NAMNDER = [
    "Idrottsnämnden",
    "Kulturnämnden",
    "Utbildningsnämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Socialnämnden",
    "Trafiknämnden",
    "Stadsbyggnadsnämnden",
    "Äldrenämnden",
]
DOCTYPES = ["beslutsarende", "remissvar", "informationsarende", "svar_pa_skrivelse"]
MORE_WORDS = [
    "godkänner",
    "avslår",
    "uppdrar",
    "överlämnar",
    "hänvisar",
    "rapporten",
    "taxor",
    "avgifter",
    "lokaler",
    "upphandling",
    "föreningar",
    "bidrag",
    "ansökan",
    "planen",
    "policyn",
    "riktlinjer",
    "uppföljning",
    "verksamhetsplan",
    "delårsrapport",
    "medborgarförslag",
]
POINTS = [
    "{namnd} godkänner förvaltningens förslag till {what}.",
    "{namnd} avslår ansökan om {what} från {place}.",
    "{namnd} uppdrar åt förvaltningen att utreda {what} i {place}.",
    "{namnd} överlämnar ärendet om {what} till kommunstyrelsen.",
    "{namnd} hänvisar till tjänsteutlåtandet som svar på remissen om {what}.",
    "{namnd} godkänner rapporten om {what}.",
    "Beslutet justeras omedelbart.",
    "{namnd} beslutar att {what} i {place} ska gälla från 1 januari {year}.",
]
WHAT = ["taxor", "avgifter", "lokaler", "upphandling", "bidrag", "simskola", "planen", "policyn"]


def sentence(rng: random.Random, words: list[str]) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(sentence(rng, words) for _ in range(rng.randint(1, 4)))


def generated(n: int, rng: random.Random) -> tuple[Draft, bool, bool]:
    """Draft ``n``, whether it was exported, whether it is in the trash."""
    namnd = rng.choice(NAMNDER)
    place = rng.choice(PLACES)
    words = [*WORDS, *MORE_WORDS, place]
    points = tuple(
        rng.choice(POINTS).format(
            namnd=namnd if rng.random() < 0.8 else "Nämnden",
            what=rng.choice(WHAT),
            place=rng.choice(PLACES),
            year=rng.randint(2020, 2027),
        )
        for _ in range(rng.randint(1, 4))
    )
    sections = tuple(
        Section(
            key,
            heading,
            tuple(
                Block.plain(rng.choice((BlockKind.PARAGRAPH,) * 5 + (BlockKind.BULLET,)), text)
                for text in (paragraph(rng, words) for _ in range(rng.randint(4, 8)))
            ),
        )
        for key, heading in (
            ("sammanfattning", "Sammanfattning"),
            ("bakgrund", "Bakgrund"),
            ("arendet", "Ärendet"),
        )
    )
    status = Status.KLAR if rng.random() < 0.1 else Status.UTKAST
    meta = Metadata(
        title=f"{rng.choice(MORE_WORDS).capitalize()} i {place} {n}",
        namnd=namnd,
        doctype=rng.choice(DOCTYPES),
        dnr=f"{namnd[:3].upper()} 2026/{n}",
        status=status,
    )
    return Draft(meta, points, sections), rng.random() < 0.2, rng.random() < 0.05


def fill(path: Path) -> None:
    """The store of N_DRAFTS drafts."""
    rng = random.Random(SEED)
    start = time.perf_counter()
    batch: list[tuple[Draft, bool, bool]] = []
    with Store.open(path) as store:

        def flush() -> None:
            ids = store.create_drafts((draft, None) for draft, _e, _t in batch)
            for draft_id, (_d, exported, trashed) in zip(ids, batch, strict=True):
                if exported:
                    store.add_revision(draft_id, f"Exporterad till {draft_id}.docx")
                if trashed:
                    store.delete_draft(draft_id)
            batch.clear()

        for n in range(N_DRAFTS):
            batch.append(generated(n, rng))
            if len(batch) == 500:
                flush()
        flush()
        rows = store._conn.execute("SELECT count(*) FROM phrases").fetchone()[0]
    took = time.perf_counter() - start
    print(f"(set-up: {N_DRAFTS} drafts, {rows} indexed points and paragraphs, {took:.1f} s)")


def bench_typed(path: Path, current: Draft, part: str, typed: str) -> tuple[bool, bool]:
    types = load_doctypes()
    with Store.open(path) as store:

        def ours() -> object:
            return find_phrases(store, part, typed, current=current, doctypes=types)

        hits = ours()
        assert isinstance(hits, list)
        value = median_ms(ours, repeat=21)
    conn = sqlite3.connect(path)
    query = fts_query(typed)
    sql = "SELECT rowid FROM phrases_fts WHERE phrases_fts MATCH ?"
    matches = len(conn.execute(sql, (query,)).fetchall())
    floor = median_ms(lambda: conn.execute(sql, (query,)).fetchall(), repeat=21)
    conn.close()
    name = f"{part} {typed!r} ({matches} matches, {len(hits)} hits)"
    met = report(name, value, GOAL_MS, "bare FTS5 MATCH", floor)
    return met, value <= GOAL_RATIO * floor


def main(argv: list[str]) -> int:
    """``bench_phrases.py [DB]``: with DB, a database this benchmark filled before is
    used again (and made when missing), so a second run skips the set-up."""
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        path = Path(argv[0]) if argv else Path(tmp) / "phrases.db"
        if not path.exists():
            fill(path)
        current, _e, _t = generated(N_DRAFTS, random.Random(SEED + 1))  # being written
        results = [
            bench_typed(path, current, part, typed)
            for part, typed in (
                ("beslut", "godkänner"),
                ("beslut", "nämnden god"),
                ("beslut", "sims"),
                ("bakgrund", "budget"),
                ("bakgrund", "kista"),
                ("bakgrund", "kistabiblioteket"),
                ("bakgrund", "kommunstyrelsen remiss"),
                ("arendet", "b"),
            )
        ]
        with Store.open(path) as store:
            empty = median_ms(
                lambda: find_phrases(store, "bakgrund", "", current=current), repeat=21
            )
        print(f"{'bakgrund, nothing typed':<44} {empty:8.2f} ms  (for information)")
    ratio_met = sum(ratio for _time, ratio in results)
    print(f"within {GOAL_RATIO:g} x the floor: {ratio_met} of {len(results)}")
    return 0 if all(time_ok and ratio for time_ok, ratio in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
