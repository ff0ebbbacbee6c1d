"""Benchmark start-up: process start to main window shown with 1,000 drafts in the list.

The floor is a bare PySide6 QMainWindow started the same way in the same run (a new
Python process that imports QtWidgets, shows a window and quits when the event loop
is idle). Goal: beslut --smoke-test takes at most 1.3 times the floor.
Also measures how long autosave blocks the GUI thread for a draft with 100 KB of text
(goal: never more than 16 ms).
"""

from __future__ import annotations

import compileall
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import filler, report, wall_ms  # noqa: I001

from beslut.model import Block, BlockKind, Draft, Metadata, Section
from beslut.store import Store

# The floor's script, shared with the frozen benchmark (bench_frozen.py).
BARE = Path(__file__).resolve().parents[1] / "packaging" / "bare_window.py"


def fill(path: Path, n: int) -> None:
    with Store.open(path) as store, store._atomic():
        for i in range(n):
            text = filler(3000, i)
            section = Section("arendet", "Ärendet", (Block.plain(BlockKind.PARAGRAPH, text),))
            meta = Metadata(title=f"Ärende {i}", namnd="Idrottsnämnden", dnr=f"IDN 2026/{i}")
            store.create_draft(Draft(meta, sections=(section,)))


def bench_startup(folder: Path) -> bool:
    # An installed beslut has its bytecode, as PySide6 (the floor) has; a checkout run
    # with PYTHONDONTWRITEBYTECODE would otherwise compile every module at each start.
    import beslut

    compileall.compile_dir(Path(beslut.__file__).parent, quiet=1)
    db = folder / "start.db"
    fill(db, 1000)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    floor, ours = wall_ms(
        [
            [sys.executable, str(BARE)],
            [sys.executable, "-m", "beslut", "--db", str(db), "--smoke-test"],
        ],
        env,
    )
    return report(
        "start-up to main window, 1,000 drafts", ours, 1.3 * floor, "bare QMainWindow", floor
    )


def bench_autosave_blocking(folder: Path) -> bool:
    """The GUI-thread part of one autosave after a keystroke: collecting the draft from the
    editor (the 100 KB section is converted to the model again) and handing it over."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from beslut.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = Store.open(folder / "autosave.db")
    text = filler(100_000, 3)
    blocks = tuple(
        Block.plain(BlockKind.PARAGRAPH, text[i : i + 800]) for i in range(0, len(text), 800)
    )
    draft = Draft(
        Metadata(title="Stort", doctype="beslutsarende"),
        sections=(Section("arendet", "Ärendet", blocks),),
    )
    draft_id = store.create_draft(draft)
    window = MainWindow(store, QSettings(str(folder / "q.ini"), QSettings.Format.IniFormat))
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    times = []
    text_edit = editor.sections[0].editor.text_edit
    for _ in range(30):
        cursor = text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText("x")  # a keystroke, so the section is converted again
        start = time.perf_counter()
        window.autosaver.changed()
        window.autosaver.save_now()  # the GUI-thread part: collect + hand to the worker
        times.append((time.perf_counter() - start) * 1000)
        window.autosaver.flush()
    floor_start = time.perf_counter()
    editor.sections[0].editor.text_edit.toPlainText()
    floor = (time.perf_counter() - floor_start) * 1000
    window.close()
    store.close()
    del app
    worst = max(times)
    print(
        f"(autosave GUI-thread times: median {statistics.median(times):.2f} ms; each: "
        + " ".join(f"{t:.1f}" for t in times)
        + ")"
    )
    return report(
        "autosave 100 KB: longest GUI-thread block", worst, 16, "QTextDocument.toPlainText", floor
    )


def main() -> int:
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp:
        folder = Path(tmp)
        results = [bench_startup(folder), bench_autosave_blocking(folder)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
