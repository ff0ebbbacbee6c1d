"""Benchmark deciding a proposed change in the app: a 100 KB draft with a received review
of 50 changes; Godta clicked on one change at a time.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_decide.py).
A 5 ms heartbeat timer records how long the event loop goes without turning from the
click until the panel shows the changes left. Goal: the longest gap at most 16 ms (a
frame). Floor: the same heartbeat over the same open window with nothing clicked. Also
printed: how long a decision takes from the click to the list shown again.
"""

from __future__ import annotations

import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import report  # noqa: I001
from bench_editing import _quiet, big_draft, settle
from _heartbeat import Heartbeat, turn

from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from beslut.model import Block, Draft, Run
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.ui.changes_flow import ChangesController
from beslut.ui.main_window import MainWindow
from beslut.workflow.changes import receive_for_review
from beslut.ui.runtime import share_interpreter

CHANGES = 50
DECISIONS = 6


def reviewed(draft: Draft, seed: int = 11) -> Draft:
    """``draft`` with one word replaced in CHANGES paragraphs of Ärendet."""
    rng = random.Random(seed)
    section = draft.section("arendet")
    assert section is not None
    blocks = list(section.blocks)
    chosen = rng.sample(
        [i for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.runs) == 1], CHANGES
    )
    for i in chosen:
        words = blocks[i].text.split(" ")
        k = rng.randrange(1, len(words) - 1)
        words[k] = "granskat"
        blocks[i] = Block(blocks[i].kind, (Run(" ".join(words)),))
    sections = tuple(
        dataclasses.replace(s, blocks=tuple(blocks)) if s.key == "arendet" else s
        for s in draft.sections
    )
    return dataclasses.replace(draft, sections=sections)


def beat(seconds: float, action: object = None, done: object = None) -> tuple[float, float]:
    """(longest heartbeat gap in ms, ms until ``done()``) with ``action()`` run first."""
    finished = 0.0
    with Heartbeat() as heart:
        if callable(action):
            action()
        while time.perf_counter() < heart.start + seconds:
            turn()
            if not finished and callable(done) and done():
                finished = time.perf_counter()
    return heart.longest_ms(), (finished - heart.start) * 1000


def main() -> int:
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    share_interpreter()  # as the app does at start
    draft = big_draft()
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        with Store.open(folder / "decide.db") as store:
            draft_id = store.create_draft(draft)
            path = folder / "Granskare.beslut"
            path.write_text(dumps(reviewed(store.load_draft(draft_id))), encoding="utf-8")
            found = receive_for_review(store, draft_id, path)
            print(f"(the review: {len(found)} changes in a draft of 100 KB)")
            window = MainWindow(store, QSettings(str(folder / "q.ini"), QSettings.Format.IniFormat))
            window.resize(1280, 800)
            window.show()
            window.open_draft(draft_id)
            editor = window.editor
            assert editor is not None
            controller = editor.findChild(ChangesController)
            assert isinstance(controller, ChangesController)
            settle(3000)
            floors, gaps, times = [], [], []
            for _ in range(DECISIONS):
                floors.append(beat(1.0)[0])
                assert controller.shown is not None and controller.shown.changes
                left = len(controller.shown.changes)
                controller.panel.choose(controller.shown.changes[0].number)

                def click() -> None:
                    QTest.mouseClick(controller.panel.accept_button, Qt.MouseButton.LeftButton)

                def shown_again(left: int = left) -> bool:
                    shown = controller.shown
                    return not controller.busy and shown is not None and len(shown.changes) < left

                gap, took = beat(1.5, click, shown_again)
                gaps.append(gap)
                times.append(took)
                settle(300)
            editor.wait_for_background()
            window.close()
    print(f"  (per decision: longest gaps {[round(g, 1) for g in gaps]} ms)")
    print(f"  (click to list shown again: median {statistics.median(times):.0f} ms)")
    met = report(
        "decide one change: longest event-loop gap", max(gaps), 16, "idle window", max(floors)
    )
    del app
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
