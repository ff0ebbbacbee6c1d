"""Write PNG screenshots of the main window and of every editor step (the example draft).

Run under a display, for example:  xvfb-run -s "-screen 0 1400x900x24" \\
    .venv/bin/python docs/make_screenshots.py [OUT_DIR]
Without a display it falls back to Qt's offscreen platform. The README shows
docs/screenshots/main-window.png.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.app import _install_translations
from beslut.ui.main_window import MainWindow
from beslut.ui.style import STYLE


def _slug(text: str) -> str:
    text = text.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE)
    _install_translations(app, "sv")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bilder.db", seed=seed_example)
        window = MainWindow(store, QSettings(str(Path(tmp) / "q.ini"), QSettings.Format.IniFormat))
        window.resize(1320, 820)
        window.show()
        _settle(app)
        window.grab().save(str(out / "main-window.png"))
        window.open_draft(1)
        editor = window.editor
        assert editor is not None
        editor.run_checks()
        editor._checker.wait()
        for row, step in enumerate(editor.steps, start=1):
            editor.step_list.setCurrentRow(row - 1)
            _settle(app)
            window.grab().save(str(out / f"step-{row:02d}-{_slug(step.title)}.png"))
        _failed_save(app, window, store, out)
        window.close()
        store.close()
        with Store.open(Path(tmp) / "bilder.db", read_only=True) as read_only:
            window = MainWindow(
                read_only, QSettings(str(Path(tmp) / "q.ini"), QSettings.Format.IniFormat)
            )
            window.resize(1320, 820)
            window.show()
            window.open_draft(1)
            _settle(app)
            window.grab().save(str(out / "read-only.png"))
            window.close()
    print(f"screenshots in {out}")


def _failed_save(app: QApplication, window: MainWindow, store: Store, out: Path) -> None:
    """The bar a failed save shows: the database may not grow (a full disk)."""
    editor = window.editor
    assert editor is not None
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    step = next(s for s in editor.sections if s.spec.key == "bakgrund")
    editor.go_to_step(step)
    step.editor.text_edit.append("Skrivet när disken var full. " * 1500)
    window.autosaver.flush()
    _settle(app)
    window.grab().save(str(out / "save-failed.png"))
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    window.autosaver.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "screenshots")
