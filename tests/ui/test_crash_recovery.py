"""Text typed before the process is killed (SIGKILL) is there when beslut starts again."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from beslut.store import Store

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from beslut.store import Store
    from beslut.store.seed import seed_example
    from beslut.ui import errors
    from beslut.ui.main_window import MainWindow
    from tests.ui.helpers import type_text

    errors.dialogs_enabled = False
    app = QApplication([])
    store = Store.open(sys.argv[1], seed=seed_example)
    window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.show()
    window.open_draft(1)
    step = next(s for s in window.editor.sections if s.spec.key == "bakgrund")
    window.editor.go_to_step(step)
    window.autosaver.saved.connect(lambda when: print("SAVED", flush=True))
    type_text(step.editor.text_edit, " Tillägg skrivet före kraschen: åäö.")
    app.exec()
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "krasch.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(tmp_path / "q.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=root,
    )
    try:
        assert child.stdout is not None
        with selectors.DefaultSelector() as waiting:  # a broken autosave fails, not hangs
            waiting.register(child.stdout, selectors.EVENT_READ)
            assert waiting.select(timeout=60), "no autosave within 60 s"
        line = child.stdout.readline()
        assert line.strip() == "SAVED", line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    with Store.open(db) as store:  # "starts again": the store opens and migrates as the app does
        section = store.load_draft(1).section("bakgrund")
    assert section is not None
    assert "Tillägg skrivet före kraschen: åäö." in section.text

    done = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
