"""``beslut FIL`` (a double-click on a .beslut file) opens the file's draft in the editor,
as a new draft with its bilagor; a bad or missing file is said and nothing is made; a
second start hands the file to the window that already has the database open."""

from __future__ import annotations

import dataclasses
import gc
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.cli import main
from beslut.model.draft import Draft
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui import app, instance
from beslut.ui.main_window import MainWindow
from beslut.ui.open_file import open_file
from tests.model.hostiledrafts import HOSTILE, write_hostile
from tests.ui.scripted import ScriptedMessages

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Simskola från en fil: åäö"


def write_draft_file(folder: Path, name: str = "Simskola.beslut") -> tuple[Path, Draft]:
    """The example draft under its own title, its bilaga files embedded, as a .beslut file
    (written by beslut's own export, from another database)."""
    with Store.open(folder / "annan.db", seed=seed_example) as other:
        example = other.load_draft(1)
        files = other.files_for(example)
    draft = dataclasses.replace(example, meta=dataclasses.replace(example.meta, title=TITLE))
    path = folder / name
    path.write_text(dumps(draft, files), encoding="utf-8")
    return path, draft


def stored(db: Path) -> list[Draft]:
    """The drafts in ``db``, read by a store of its own (what is on disk)."""
    with Store.open(db, read_only=True) as store:
        return [store.load_draft(d.id) for d in store.list_drafts()]


class Seen:
    """What the window showed once the app was up, before the user closed it."""

    def __init__(self) -> None:
        self.windows = 0
        self.editing = False
        self.title = ""
        self.window_title = ""
        self.draft: Draft | None = None
        self.list_rows: list[str] = []


@pytest.fixture
def start_app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., tuple[int, Seen]]]:
    """Start beslut through main(), as the command line and a double-click do, answered
    by ``messages``; look at the window once the event loop runs, then close it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    ini = tmp_path / "qsettings.ini"  # not the user's own settings
    monkeypatch.setattr(
        app, "QSettings", lambda *_: QSettings(str(ini), QSettings.Format.IniFormat)
    )
    style = qapp.styleSheet()

    def start(argv: list[str], messages: ScriptedMessages) -> tuple[int, Seen]:
        monkeypatch.setattr(app, "Messages", lambda: messages)
        db = Path(argv[argv.index("--db") + 1])
        seen = Seen()

        def look() -> None:
            windows = [  # --smoke-test's quit may have closed it already
                w
                for w in qapp.topLevelWidgets()
                if isinstance(w, MainWindow) and w.store.path == db
            ]
            try:
                seen.windows = len(windows)
                window = windows[0]
                seen.list_rows = [row.title for row in window.list_page.model.rows]
                editor = window.editor
                if editor is not None and window.pages.currentWidget() is editor:
                    seen.editing = True
                    seen.title = editor.metadata.title_edit.text()
                    seen.draft = editor.collect()
                seen.window_title = window.windowTitle()
            finally:
                for window in windows:
                    if window.isVisible():
                        window.close()  # as the user closes it: the app then quits
                qapp.quit()

        timer = QTimer()  # once the event loop runs: the window is up
        timer.setSingleShot(True)
        timer.timeout.connect(look)
        timer.start(0)
        try:
            code = main(argv)
        finally:
            timer.stop()  # a start that ended before its event loop leaves no look behind
            # Closing the last window posts a request to quit of its own: left, it would
            # end every event loop of the tests that follow.
            QCoreApplication.removePostedEvents(qapp, QEvent.Type.Quit)
        return code, seen

    yield start
    qapp.setStyleSheet(style)
    gc.unfreeze()  # the app froze what start-up made, and may have left the collector off
    gc.enable()


def test_a_draft_file_opens_in_the_editor(
    start_app: Callable[..., tuple[int, Seen]], tmp_path: Path
) -> None:
    path, draft = write_draft_file(tmp_path)
    db = tmp_path / "min.db"
    messages = ScriptedMessages()
    code, seen = start_app(["--db", str(db), str(path)], messages)
    assert code == 0
    assert messages.everything == []
    assert seen.windows == 1
    assert seen.editing, "the editor was not open on the file's draft"
    assert seen.title == TITLE
    assert seen.window_title == f"{TITLE} – beslut"
    assert seen.draft == draft  # every part, as the file has it
    assert seen.draft is not None and len(seen.draft.attachments) == 2
    drafts = stored(db)
    assert [d.meta.title for d in drafts].count(TITLE) == 1
    opened = next(d for d in drafts if d.meta.title == TITLE)
    assert opened == draft
    assert opened.decisions and opened.sections[0].blocks
    with Store.open(db, read_only=True) as store:  # the bilaga files came with it
        assert store.has_files(r.sha256 for r in opened.file_refs()) == {
            r.sha256 for r in draft.file_refs()
        }
    assert len(drafts) == 2  # the example, and the file's draft


def test_a_smoke_test_with_a_file_opens_it_too(
    start_app: Callable[..., tuple[int, Seen]], tmp_path: Path
) -> None:
    path, draft = write_draft_file(tmp_path, "utkast.json")
    db = tmp_path / "rök.db"
    messages = ScriptedMessages()
    code, seen = start_app(["--smoke-test", str(path), "--db", str(db)], messages)
    assert code == 0 and messages.everything == []
    assert seen.editing and seen.title == TITLE
    assert draft in stored(db)


@pytest.mark.parametrize("broken", ["not JSON", "other JSON", "empty"])
def test_a_bad_file_is_said_and_the_list_shown(
    start_app: Callable[..., tuple[int, Seen]], tmp_path: Path, broken: str
) -> None:
    path = tmp_path / "Trasig.beslut"
    content = {"not JSON": b"{inte json", "other JSON": b'{"name": "x"}', "empty": b""}
    path.write_bytes(content[broken])
    db = tmp_path / "min.db"
    messages = ScriptedMessages()
    code, seen = start_app(["--db", str(db), str(path)], messages)
    assert code == 0  # the app started all the same
    assert len(messages.errors) == 1 and messages.asked == messages.told == []
    assert str(path) in messages.errors[0]
    assert "inte giltig JSON" in messages.errors[0] or "inte ett utkast" in messages.errors[0]
    assert seen.windows == 1 and not seen.editing
    assert len(seen.list_rows) == 1 and seen.list_rows[0].startswith("Avgiftsfri simskola")
    assert len(stored(db)) == 1  # nothing was made


def test_a_missing_file_is_said_and_the_list_shown(
    start_app: Callable[..., tuple[int, Seen]], tmp_path: Path
) -> None:
    path = tmp_path / "Finns inte.beslut"
    db = tmp_path / "min.db"
    messages = ScriptedMessages()
    code, seen = start_app(["--db", str(db), str(path)], messages)
    assert code == 0
    assert messages.errors == [f"Filen {path} finns inte."]
    assert seen.windows == 1 and not seen.editing
    assert len(seen.list_rows) == 1
    assert len(stored(db)) == 1


# --- a second start hands the file over ---------------------------------------------------


def test_the_window_opens_a_forwarded_file(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    path, draft = write_draft_file(tmp_path, "100% klar, åäö.beslut")
    server = instance.listen(store.path, window, lambda file: open_file(window, file))
    window.open_draft(1)  # the user is writing another draft
    window.showMinimized()
    try:
        assert instance.ask_to_come_forward(store.path, tries=1, file=path)
        qtbot.waitUntil(lambda: window.editor is not None and window.draft_id != 1, timeout=5000)
    finally:
        server.close()
    assert not window.isMinimized()
    assert window.editor is not None
    assert window.editor.metadata.title_edit.text() == TITLE
    assert window.editor.collect() == draft
    assert messages.everything == []
    assert TITLE in [row.title for row in window.list_page.model.rows]
    assert len(stored(store.path)) == 2


def test_a_forwarded_bad_file_is_said_and_nothing_made(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    path = tmp_path / "Trasig.beslut"
    path.write_text("[1, 2", encoding="utf-8")
    server = instance.listen(store.path, window, lambda file: open_file(window, file))
    try:
        assert instance.ask_to_come_forward(store.path, tries=1, file=path)
        qtbot.waitUntil(lambda: bool(messages.errors), timeout=5000)
    finally:
        server.close()
    assert str(path) in messages.errors[0]
    assert window.editor is None
    assert len(stored(store.path)) == 1


def test_the_path_goes_absolute_and_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    line = instance.request_line(Path("Hämtade filer/100% klar.beslut"))
    whole = os.fsencode(str(tmp_path / "Hämtade filer" / "100% klar.beslut"))
    assert line == b"open " + whole.replace(b"%", b"%25") + b"\n"  # "/" or "\\", as the system says
    assert instance.request_line() == b"raise\n"
    assert b"\n" not in instance.request_line(Path("a\nb.beslut"))[:-1]


@pytest.mark.skipif(sys.platform == "win32", reason="a newline cannot be in a Windows name")
def test_a_name_with_a_newline_arrives_whole(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    path, _draft = write_draft_file(tmp_path, "två\nrader %0A.beslut")
    opened: list[Path] = []
    server = instance.listen(store.path, window, opened.append)
    try:
        assert instance.ask_to_come_forward(store.path, tries=1, file=path)
        qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    finally:
        server.close()
    assert opened == [path]


# --- two processes ------------------------------------------------------------------------


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    return env


def _listening(db: Path, seconds: float) -> bool:
    """Whether a window answers on ``db`` within ``seconds`` (connecting says nothing)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        socket = QLocalSocket()
        socket.connectToServer(instance.instance_name(db))
        if socket.waitForConnected(200):
            socket.disconnectFromServer()
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_a_second_start_with_a_file_hands_it_to_the_first(
    qapp: QApplication, tmp_path: Path
) -> None:
    db = tmp_path / "delad.db"
    Store.open(db, seed=seed_example).close()
    downloads = tmp_path / "Hämtade filer"
    downloads.mkdir()
    path, draft = write_draft_file(downloads)
    first = subprocess.Popen(
        [sys.executable, "-m", "beslut", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=_env(tmp_path),
        cwd=ROOT,
    )
    try:
        assert _listening(db, 30), "the first window did not start"
        second = subprocess.run(  # from the file's folder, with its name only
            [sys.executable, "-m", "beslut", "--db", str(db), path.name],
            capture_output=True,
            encoding="utf-8",
            env=_env(tmp_path),
            cwd=downloads,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        deadline = time.monotonic() + 20
        while draft not in stored(db) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert draft in stored(db), "the first window did not open the file"
        assert len(stored(db)) == 2
        assert first.poll() is None  # still the one window
    finally:
        if first.poll() is None:
            first.kill()  # SIGKILL; TerminateProcess on Windows
        first.wait(10)


# --- hostile files (issue 22) -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_said_and_the_app_stays_open(
    start_app: Callable[..., tuple[int, Seen]], tmp_path: Path, name: str
) -> None:
    path, words = write_hostile(tmp_path, name)
    db = tmp_path / "min.db"
    messages = ScriptedMessages()
    code, seen = start_app(["--db", str(db), str(path)], messages)
    assert code == 0  # the app started all the same, and ran until the user closed it
    assert len(messages.errors) == 1 and messages.asked == messages.told == []
    assert messages.errors[0].startswith(f"{path}: ") and words in messages.errors[0]
    assert seen.windows == 1 and not seen.editing
    assert len(seen.list_rows) == 1
    assert len(stored(db)) == 1  # nothing was made


@pytest.mark.parametrize("name", ["deep", "long-int", "over-size", "nan", "invalid-utf-8"])
def test_a_hostile_file_chosen_in_the_archive_menu_is_said(
    window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages, name: str
) -> None:
    path, words = write_hostile(tmp_path, name)
    messages.opened.append([path])
    window.act_open_file.trigger()  # Arkiv > Öppna fil…
    assert messages.asked == ["Öppna fil"]
    assert len(messages.errors) == 1 and words in messages.errors[0]
    assert window.isVisible() and window.editor is None
    assert len(stored(store.path)) == 1
