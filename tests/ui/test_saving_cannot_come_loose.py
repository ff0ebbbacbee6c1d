"""Saving never comes loose from the disk: the scenario of a file dialog in the database's
folder, another process's `beslut list`, typing, "Sparat", SIGKILL, played for real.

The app runs in a child process as a user starts it; the test is the other process and
the power cut. On POSIX, closing any descriptor of the database's files dropped the app's
SQLite locks (Qt's file dialog opened them to sniff their type); `beslut list` then took
itself for the last user and deleted the write-ahead log, and every later autosave went
into a file without a name.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.lines import Lines
from tests.ui.scripted import ScriptedMessages

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton
    from beslut.store import Store
    from beslut.store.seed import seed_example
    from beslut.ui.main_window import MainWindow
    from beslut.ui.messages import Messages
    from tests.ui.helpers import type_text

    db, ini, how = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QApplication([])
    store = Store.open(db, seed=seed_example)
    window = MainWindow(store, QSettings(ini, QSettings.Format.IniFormat), messages=Messages())
    window.resize(1000, 700)
    window.show()
    window.open_draft(1)
    steps = {s.spec.key: s for s in window.editor.sections}

    def wait(ms):
        QTest.qWait(ms)

    def browse_the_database_folder():
        dialog = app.activeModalWidget()
        assert isinstance(dialog, QFileDialog), dialog
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClicks(name, os.path.dirname(os.path.abspath(db)))
        QTest.keyClick(name, Qt.Key.Key_Return)  # into the folder, as a user types it
        for _ in range(10):  # shown and drawn: the rows' icons and types are asked for
            wait(150)
            dialog.grab()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    if how == "dialog":
        page = window.editor.attachments
        window.editor.go_to_step(page)
        button = next(
            b for b in page.findChildren(QPushButton) if b.text() == "&Lägg till filer…"
        )
        QTimer.singleShot(300, browse_the_database_folder)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # the dialog runs until Escape
    else:  # a library in this process opens and closes the database's files
        for suffix in ("", "-wal", "-shm"):
            fd = os.open(db + suffix, os.O_RDONLY)
            os.read(fd, 100)
            os.close(fd)
    print("DIALOG CLOSED", flush=True)
    sys.stdin.readline()  # the other process has run `beslut list`

    def saved(when):
        banner = window._banner
        shown = banner.label.text() if banner is not None and banner.isVisible() else ""
        print("SAVED", window.saved_label.text(), "|", shown.replace(chr(10), " "), flush=True)

    window.autosaver.saved.connect(saved)
    bakgrund = steps["bakgrund"]
    window.editor.go_to_step(bakgrund)
    edit = bakgrund.editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " Skrivet efter dialogen: åäö.")
    app.exec()
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a Windows lock belongs to its handle")
@pytest.mark.parametrize("how", ["dialog", "library"])
def test_text_typed_after_a_file_dialog_survives_sigkill(how: str, tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(tmp_path / "q.ini"), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )
    output = Lines(child.stdout)
    try:
        assert output.next(60, "the dialog's end") == "DIALOG CLOSED"
        listed = subprocess.run(
            [sys.executable, "-m", "beslut", "--db", str(db), "list"],
            capture_output=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=60,
        )
        assert listed.returncode == 0, listed.stderr
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        saved = output.next(60, "a save")
        assert saved.startswith("SAVED Sparat"), saved
    finally:
        child.send_signal(signal.SIGKILL)
        _out, err = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, err

    with Store.open(db) as store:  # the next start
        section = store.load_draft(1).section("bakgrund")
    assert section is not None
    assert "Skrivet efter dialogen: åäö." in section.text
    if how == "library":  # the store noticed, opened the files anew, and said so
        assert "| Ett annat program rörde databasfilen" in saved, saved
    else:  # nothing came loose: the dialog left the locks alone
        assert saved.split("|", 1)[1].strip() == "", saved


def test_attaching_the_database_itself_is_refused_unread(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot
) -> None:
    """A click on "Lägg till filer…" with the database's own -wal chosen: a Swedish
    message, no bilaga, and the log the store writes to is still the one on disk."""
    wal = os.stat(f"{store.path}-wal").st_ino
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.attachments)
    before = len(store.load_draft(1).attachments)
    button = next(
        b for b in editor.attachments.findChildren(QPushButton) if b.text() == "&Lägg till filer…"
    )
    messages.opened.append([Path(f"{store.path}-wal"), store.path])
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    editor.attachments.wait_for_files()
    qtbot.waitUntil(lambda: len(messages.errors) >= 1)
    assert "gui.db-wal är en av filerna i beslut:s egen databas" in messages.errors[0]
    assert window.autosaver.flush() is None
    assert os.stat(f"{store.path}-wal").st_ino == wal
    with Store.open(store.path) as fresh:
        assert len(fresh.load_draft(1).attachments) == before
