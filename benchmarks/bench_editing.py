"""Benchmark the editing loop: typing into a draft with 100 KB of text, and opening it.

Run by hand: python3 dev.py bench (or .venv/bin/python benchmarks/bench_editing.py).
Each figure is repeated and printed as median and worst, with its ratio to a floor
measured in the same run on the same text:

(a) Typing: the main window over a real store with the draft open on the step Ärendet,
    the cursor at the end of its text; 10 key presses a second go to the text area for
    about 10 seconds while autosave runs, and a 5 ms heartbeat timer records how long
    the event loop goes without turning. Goal: the longest gap at most 16 ms (a frame).
    Floor: the same loop over a bare QTextEdit holding the same text.
(b) Opening: from MainWindow.open_draft until the event loop is idle again with the
    editor shown. Goal: at most 5 times the floor, a bare QTextEdit.setHtml of the same
    text as HTML (shown the same way).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import filler, report  # noqa: I001

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from beslut.ui.runtime import share_interpreter

TEXT_SIZE = 100_000
TYPING_SECONDS = 10.0
KEYS_PER_SECOND = 10
HEARTBEAT_MS = 5
TYPING_ROUNDS = 2
OPEN_ROUNDS = 9
WINDOW_SIZE = (1280, 800)
TYPED = "simskola för alla i årskurs 1–3 "  # sent as text, so Swedish letters go too


def section_blocks(size: int, seed: int = 5) -> tuple[Block, ...]:
    """About ``size`` characters as a TU's Ärendet has them: paragraphs with some bold and
    italic, sub-headings, and bullet and numbered lists."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    length = 0
    while length < size:
        roll = rng.random()
        if roll < 0.06:
            block = Block.plain(
                BlockKind.HEADING, filler(rng.randint(15, 40), rng.randint(0, 10**6))
            )
        elif roll < 0.2:
            kind = BlockKind.BULLET if roll < 0.15 else BlockKind.NUMBERED
            block = Block.plain(kind, filler(rng.randint(40, 160), rng.randint(0, 10**6)))
        else:
            text = filler(rng.randint(300, 900), rng.randint(0, 10**6))
            runs: tuple[Run, ...] = (Run(text),)
            if rng.random() < 0.5:  # a bold or italic phrase; the editor saves no others
                cut = sorted(rng.sample(range(1, len(text) - 1), 2))
                bold, italic = rng.choice([(True, False), (False, True), (True, True)])
                middle = Run(text[cut[0] : cut[1]], bold, italic)
                runs = (Run(text[: cut[0]]), middle, Run(text[cut[1] :]))
            block = Block(BlockKind.PARAGRAPH, runs)
        blocks.append(block)
        length += len(block.text) + 1
    return tuple(blocks)


def big_draft() -> Draft:
    meta = Metadata(
        title="Avgiftsfri simskola för alla barn i årskurs 1–3",
        doctype="beslutsarende",
        namnd="Idrottsnämnden",
        dnr="IDN 2026/242",
        forvaltning="Idrottsförvaltningen",
    )
    sections = (
        Section("sammanfattning", "Sammanfattning", (Block.plain("paragraph", filler(600, 1)),)),
        Section("arendet", "Ärendet", section_blocks(TEXT_SIZE)),
    )
    return Draft(meta, ("Idrottsnämnden inför avgiftsfri simskola.",), sections)


def blocks_html(blocks: Sequence[Block]) -> str:
    """The blocks as the plain HTML a bare QTextEdit would be given."""
    out: list[str] = []
    open_list = ""
    for block in blocks:
        tag = {BlockKind.BULLET: "ul", BlockKind.NUMBERED: "ol"}.get(block.kind, "")
        if tag != open_list:
            out.append(f"</{open_list}>" if open_list else "")
            out.append(f"<{tag}>" if tag else "")
            open_list = tag
        inner = "".join(_run_html(run) for run in block.runs)
        if tag:
            out.append(f"<li>{inner}</li>")
        elif block.kind is BlockKind.HEADING:
            out.append(f"<h3>{inner}</h3>")
        else:
            out.append(f"<p>{inner}</p>")
    out.append(f"</{open_list}>" if open_list else "")
    return "".join(out)


def _run_html(run: Run) -> str:
    text = escape(run.text, quote=False)
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return text


def spread(name: str, samples: Sequence[float]) -> None:
    print(
        f"  ({name}: median {statistics.median(samples):.2f} ms, worst {max(samples):.2f} ms"
        f" of {len(samples)})"
    )


def settle(ms: int = 200) -> None:
    """Let the event loop run for ``ms`` (queued events, deferred deletes, layout)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def idle() -> None:
    """Run the event loop until nothing is queued any more."""
    QApplication.sendPostedEvents()
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)


# --- (a) typing ----------------------------------------------------------------------


def type_for(edit: QTextEdit, seconds: float) -> list[float]:
    """Type into ``edit`` at KEYS_PER_SECOND for ``seconds``; the heartbeat's gaps in ms."""
    beats: list[float] = []
    typed = 0

    def press() -> None:
        nonlocal typed
        char = TYPED[typed % len(TYPED)]
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, edit, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )
        typed += 1

    keys = QTimer()
    keys.setTimerType(Qt.TimerType.PreciseTimer)
    keys.setInterval(1000 // KEYS_PER_SECOND)
    keys.timeout.connect(press)
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(HEARTBEAT_MS)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    heart.start()
    keys.start()
    loop.exec()
    keys.stop()
    heart.stop()
    assert typed >= seconds * KEYS_PER_SECOND * 0.8, f"only {typed} keys were typed"
    return [(b - a) * 1000 for a, b in pairwise(beats)]


def open_window(store: Store, folder: Path) -> MainWindow:
    window = MainWindow(store, QSettings(str(folder / "q.ini"), QSettings.Format.IniFormat))
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def arendet_step(window: MainWindow) -> SectionStep:
    assert window.editor is not None
    return next(step for step in window.editor.sections if step.spec.key == "arendet")


def bench_typing(store: Store, draft_id: int, folder: Path, html: str) -> bool:
    window = open_window(store, folder)
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    step = arendet_step(window)
    editor.go_to_step(step)
    edit = step.editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    saves: list[str] = []
    window.autosaver.saved.connect(saves.append)
    settle(1500)  # the checks started by opening are done
    ours: list[list[float]] = []
    for _ in range(TYPING_ROUNDS):
        ours.append(type_for(edit, TYPING_SECONDS))
        settle(300)
    window.autosaver.flush()
    stored = store.load_draft(draft_id).section("arendet")
    assert stored is not None and stored.text == step.section().text, "the typing was not saved"
    editor.wait_for_background()
    window.close()
    settle(100)

    bare = QWidget()
    bare.resize(*WINDOW_SIZE)
    floor_edit = QTextEdit(bare)
    floor_edit.resize(*WINDOW_SIZE)
    floor_edit.setHtml(html)
    bare.show()
    floor_edit.setFocus()
    floor_edit.moveCursor(floor_edit.textCursor().MoveOperation.End)
    settle(300)
    floors = []
    for _ in range(TYPING_ROUNDS):
        floors.append(type_for(floor_edit, TYPING_SECONDS))
        settle(300)
    bare.close()

    longest = [max(gaps) for gaps in ours]
    floor_longest = [max(gaps) for gaps in floors]
    print(f"(autosaves while typing: {len(saves)} in {TYPING_ROUNDS * TYPING_SECONDS:g} s)")
    spread("longest gap per round", longest)
    spread("median gap per round", [statistics.median(gaps) for gaps in ours])
    spread("floor: longest gap per round", floor_longest)
    met = report(
        "typing in 100 KB: longest event-loop gap",
        max(longest),
        16,
        "bare QTextEdit",
        max(floor_longest),
    )
    median_gap = statistics.median([gap for gaps in ours for gap in gaps])
    floor_median = statistics.median([gap for gaps in floors for gap in gaps])
    report("typing in 100 KB: median gap", median_gap, 2 * HEARTBEAT_MS, "bare", floor_median)
    return met and bool(saves)


# --- (b) opening ---------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    idle()
    return (time.perf_counter() - start) * 1000


def bench_opening(store: Store, draft_id: int, folder: Path, html: str) -> bool:
    window = open_window(store, folder)
    bare = QWidget()
    bare.resize(*WINDOW_SIZE)
    floor_edit = QTextEdit(bare)
    floor_edit.resize(*WINDOW_SIZE)
    bare.show()
    # The first opening imports the editor, the checks and the document types: that is
    # start-up's cost (bench_startup.py), so it is left out here.
    window.open_draft(draft_id)
    assert window.editor is not None
    window.editor.wait_for_background()
    window.back_to_list()
    settle(300)
    ours, loads, floors = [], [], []
    for _ in range(OPEN_ROUNDS):  # ours and the floor in turn: both see the same machine
        ours.append(timed(lambda: window.open_draft(draft_id)))
        editor = window.editor
        assert editor is not None
        editor.wait_for_background()  # the checks opening started, off the timing
        settle(100)
        draft = editor.draft
        loads.append(timed(lambda: editor.load(draft)))  # noqa: B023 (called at once)
        editor.wait_for_background()
        window.back_to_list()
        settle(100)
        floors.append(timed(lambda: floor_edit.setHtml(html)))
        floor_edit.clear()
        settle(100)
    window.close()
    bare.close()

    spread("MainWindow.open_draft", ours)
    spread("DraftEditor.load of the open draft", loads)
    spread("floor: QTextEdit.setHtml", floors)
    floor = statistics.median(floors)
    return report(
        "open a draft with 100 KB of text",
        statistics.median(ours),
        5 * floor,
        "QTextEdit.setHtml",
        floor,
    )


def _quiet(kind: object, context: object, message: str) -> None:
    """Qt's messages, without the offscreen platform's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> int:
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication([])
    share_interpreter()  # as the app does at start
    draft = big_draft()
    section = draft.section("arendet")
    assert section is not None
    html = blocks_html(section.blocks)
    print(f"(the draft: {len(section.text):,} characters in {len(section.blocks)} blocks)")
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        with Store.open(folder / "editing.db") as store:
            draft_id = store.create_draft(draft)
            results = [
                bench_opening(store, draft_id, folder, html),
                bench_typing(store, draft_id, folder, html),
            ]
    del app
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
