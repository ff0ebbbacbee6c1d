"""Benchmark typing in the reuse search fields (issue 26) over 10,000 drafts: the GUI
thread must never block over 16 ms (a frame) while the hits are searched.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_reuse_typing.py
[DB]); the store is bench_phrases.py's (made when DB is missing, about a minute).
The window opens a draft of the store, as a user would. A 5 ms heartbeat timer records
how long the event loop goes without turning while words are typed one key at a time:

- in "Tidigare beslut…" (Förslag till beslut), at a typist's pace (one key each 80 ms)
  and as fast as keys can be sent (a paste, a held key);
- in "Återanvänd text…" of Bakgrund, opened with Ctrl+Shift+Space.

Each run ends when the hits of the whole word are shown. Floor: the same heartbeat over
the same open window with nothing typed. Also printed: the time from the last key to
its hits shown.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import report  # noqa: I001
from bench_editing import _quiet, settle
from bench_phrases import fill
from _heartbeat import Heartbeat, idle_floor, run_until, turn

from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.reuse import PhrasePicker
from beslut.ui.runtime import share_interpreter
from beslut.ui.steps.section import SectionStep

GOAL_MS = 16.0
PACE_MS = 80  # a typist's pace between keys
WORDS = ["godkänner", "nämnden upp", "simskola", "kista"]
TEXT_WORDS = ["budget", "kommunstyrelsen", "kista"]
REUSE_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def key(widget: QWidget, char: str) -> None:
    """One key as type_text in the tests sends it (QTest.keyClicks aborts on ä)."""
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
    )


def type_word(
    field: QLineEdit, picker: PhrasePicker, word: str, pace_ms: int
) -> tuple[float, float]:
    """(longest heartbeat gap in ms, ms from the last key to its hits shown) for typing
    ``word`` into the empty ``field``, one key each ``pace_ms``."""
    field.clear()
    settle(400)  # the empty field's own search
    shown: list[float] = []
    picker.hits_shown.connect(lambda: shown.append(time.perf_counter()))
    last_key = 0.0
    with Heartbeat() as heart:
        for n, char in enumerate(word):
            run_until(heart.start + n * pace_ms / 1000)
            key(field, char)
            last_key = time.perf_counter()
        shown.clear()
        while not (shown and field.text() == word and picker.settled()):
            turn()
            if time.perf_counter() > last_key + 5:
                raise SystemExit(f"no hits shown for {word!r} within 5 s")
        run_until(time.perf_counter() + 0.1)  # and a little after: the list painted
    picker.hits_shown.disconnect()
    return heart.longest_ms(), (shown[-1] - last_key) * 1000


def run(label: str, field: QLineEdit, picker: PhrasePicker, words: list[str]) -> list[bool]:
    met = []
    for pace in (PACE_MS, 0):
        gaps, latencies, floors = [], [], []
        for word in words:
            floors.append(idle_floor())
            gap, latency = type_word(field, picker, word, pace)
            gaps.append(gap)
            latencies.append(latency)
        how = f"one key each {pace} ms" if pace else "keys as fast as sent"
        print(f"  ({label}, {how}: longest gaps {[round(g, 1) for g in gaps]} ms; last key to "
              f"hits shown: median {statistics.median(latencies):.0f} ms, "
              f"max {max(latencies):.0f} ms)")  # fmt: skip
        met.append(report(f"{label}, {how}: longest gap", max(gaps), GOAL_MS, "idle window",
                          max(floors)))  # fmt: skip
    return met


def main(argv: list[str]) -> int:
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    share_interpreter()  # as the app does at start
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        path = Path(argv[0]) if argv else folder / "phrases.db"
        if not path.exists():
            fill(path)
        with Store.open(path) as store:
            draft_id = max(summary.id for summary in store.list_drafts())
            window = MainWindow(store, QSettings(str(folder / "q.ini"), QSettings.Format.IniFormat))
            window.resize(1280, 800)
            window.show()
            window.open_draft(draft_id)
            editor = window.editor
            assert editor is not None
            settle(3000)  # the granskning and the first paint
            editor.go_to_step(editor.decisions)
            picker = editor.decisions.earlier
            assert picker is not None
            picker.field.setFocus()
            settle(500)
            met = run("Tidigare beslut…", picker.field, picker, WORDS)
            step = editor.step_for("bakgrund")
            assert isinstance(step, SectionStep)
            editor.go_to_step(step)
            settle(300)
            QTest.keyClick(step.editor.text_edit, Qt.Key.Key_Space, REUSE_KEYS)
            dialog = step.reuse_dialog
            assert dialog is not None
            settle(500)
            met += run("Återanvänd text…", dialog.picker.field, dialog.picker, TEXT_WORDS)
            dialog.hide()
            editor.wait_for_background()
            window.close()
    del app
    return 0 if all(met) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
