"""Text typed before the process is killed (SIGKILL) is there when beslut starts again."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from beslut.store import Store
from tests.lines import Lines

# A child process with the example draft open on Bakgrund, as a user starts it.
_OPEN_ON_BAKGRUND = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from beslut.store import Store
    from beslut.store.seed import seed_example
    from beslut.ui.main_window import MainWindow
    from tests.ui.helpers import type_text
    from tests.ui.scripted import ScriptedMessages

    app = QApplication([])
    store = Store.open(sys.argv[1], seed=seed_example)
    window = MainWindow(
        store, QSettings(sys.argv[2], QSettings.Format.IniFormat), messages=ScriptedMessages()
    )
    window.show()
    window.open_draft(1)
    step = next(s for s in window.editor.sections if s.spec.key == "bakgrund")
    window.editor.go_to_step(step)
    """
)

CHILD = _OPEN_ON_BAKGRUND + textwrap.dedent(
    """
    window.autosaver.saved.connect(lambda when: print("SAVED", flush=True))
    type_text(step.editor.text_edit, " Tillägg skrivet före kraschen: åäö.")
    app.exec()
    """
)


@pytest.mark.slow
def test_text_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "krasch.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(tmp_path / "q.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env,
        cwd=root,
    )
    output = Lines(child.stdout)
    try:
        line = output.next(60, "autosave")  # a broken autosave fails, not hangs
        assert line.strip() == "SAVED", line
    finally:
        child.kill()  # SIGKILL; TerminateProcess on Windows
        child.wait(10)
    assert child.returncode != 0  # killed, not ended

    with Store.open(db) as store:  # "starts again": the store opens and migrates as the app does
        section = store.load_draft(1).section("bakgrund")
    assert section is not None
    assert "Tillägg skrivet före kraschen: åäö." in section.text

    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), "--smoke-test"],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


TYPIST = _OPEN_ON_BAKGRUND + textwrap.dedent(
    """
    edit = step.editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    text = sys.argv[3]
    typed = 0

    def key():
        global typed
        type_text(edit, text[typed % len(text)])
        print("T", typed, flush=True)
        typed += 1

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(125)  # 8 characters a second, never a pause
    app.exec()
    """
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _stored_after(text: str, marker: str) -> int:
    """How many of the letters typed after ``marker`` are in ``text``."""
    at = text.rfind(marker)
    return 0 if at < 0 else len(text[at + len(marker) :].split("\n")[0])


@pytest.mark.slow
def test_steady_typing_loses_at_most_two_seconds_to_sigkill(tmp_path: Path) -> None:
    import sqlite3
    import time

    db = tmp_path / "typist.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    losses = []
    for run in range(5):
        marker = f" [körning {run}] "
        letters = LETTERS * 4
        child = subprocess.Popen(
            [sys.executable, "-c", TYPIST, str(db), str(tmp_path / "q.ini"), marker + letters],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            env=env,
            cwd=root,
        )
        output = Lines(child.stdout)
        try:
            output.next(60, "the typist's first key")
            time.sleep(4 + run * 0.37)  # kill at a different moment of the save cycle
        finally:
            child.kill()  # SIGKILL; TerminateProcess on Windows
            child.wait(10)
        out = output.text()
        # Only whole lines count: a kill can cut the last one short.
        keys = [int(m.group(1)) for m in re.finditer(r"^T (\d+)\n", out, re.MULTILINE)]
        assert keys, out
        typed = 1 + max(keys)
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        with Store.open(db) as store:
            section = store.load_draft(1).section("bakgrund")
        assert section is not None
        for earlier in range(run):  # what earlier runs saved is still there
            assert f" [körning {earlier}] " in section.text
        stored = _stored_after(section.text, marker.rstrip())
        letters_typed = max(0, typed - len(marker))
        lost_seconds = (letters_typed - max(0, stored - 1)) / 8
        losses.append(lost_seconds)
        assert lost_seconds <= 2.0, (run, typed, stored, losses)
    print("seconds of typing lost per kill:", losses)
