"""Benchmark the tracked-changes export: a 100 KB draft with changes spread through it
(bench_versions.py's: a word changed in every tenth block, a block removed and one added
in every part; here also a decision point changed) exported with the changes since the
older text marked as Word revisions.

Goal: at most 1.5 times the plain export of the same (newer) draft, measured in the same
run, which is the floor.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tests.importing.drafts import big_draft  # noqa: E402

from _util import median_ms, report  # noqa: E402
from bench_versions import changed  # noqa: E402
from beslut.export.document import render_docx  # noqa: E402
from beslut.export.revisions import Tracked  # noqa: E402

GOAL = 1.5  # times the plain export


def main() -> int:
    old = big_draft()
    new = changed(old)
    if new.decisions:
        point = new.decisions[0].replace(" ", " inte ", 1)
        new = replace(new, decisions=(point, *new.decisions[1:]))
    tracked = Tracked(old, "Anna Ek", dt.datetime.now(dt.UTC))
    text = sum(len(s.text) for s in old.sections)
    data = render_docx(new, tracked=tracked)
    print(f"  {text / 1000:.0f} KB of text, {len(data) / 1000:.0f} KB .docx with revisions")
    plain = median_ms(lambda: render_docx(new), repeat=15)
    ours = median_ms(lambda: render_docx(new, tracked=tracked), repeat=15)
    print(f"{'floor: plain render_docx, same draft':<44} {plain:8.2f} ms")
    name = "render_docx with tracked changes, 100 KB"
    return 0 if report(name, ours, GOAL * plain, "plain export", plain) else 1


if __name__ == "__main__":
    raise SystemExit(main())
