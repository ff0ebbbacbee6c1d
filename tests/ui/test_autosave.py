"""Autosave: saves during steady typing, reports the newest save, and never switches drafts
or closes over an edit that is stored nowhere."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer
from pytestqt.qtbot import QtBot

from beslut.model import Draft, Metadata
from beslut.store import SaveResult, Store, StoreFullError
from beslut.ui.autosave import MAX_WAIT_MS, SaveFailure
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import type_text
from tests.ui.scripted import ScriptedMessages


def _failing_saves(monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
    def full(*_args: object, **_kwargs: object) -> str:
        raise StoreFullError("Disken är full, så ändringarna kunde inte sparas.", "test")

    monkeypatch.setattr(store, "save_draft", full)


def test_switching_drafts_waits_for_a_failed_save(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    messages: ScriptedMessages,
) -> None:
    other = store.create_draft(Draft(Metadata(title="Annat ärende")))
    window.open_draft(1)
    assert window.editor is not None
    type_text(window.editor.metadata.title_edit, " – ändrad")
    with monkeypatch.context() as patch:
        _failing_saves(patch, store)
        window.open_draft(other)  # the save fails: stay on draft 1 and say why
        assert window.draft_id == 1
        assert messages.told[-1].startswith("Disken är full")
        window.back_to_list()
        assert window.draft_id == 1
    window.open_draft(other)  # the disk has room again: the edit is stored first
    assert window.draft_id == other
    assert store.load_draft(1).meta.title.endswith("– ändrad")


def test_an_older_failure_then_a_newer_success_is_a_success(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store.save_draft
    calls = []
    first_started = threading.Event()

    def slow_then_fine(*args: object, **kwargs: object) -> SaveResult:
        calls.append(args)
        if len(calls) == 1:
            first_started.set()
            time.sleep(0.3)
            raise StoreFullError("Disken är full.", "first save")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save_draft", slow_then_fine)
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    type_text(editor.metadata.title_edit, " A")
    window.autosaver.save_now()
    assert first_started.wait(5)
    type_text(editor.metadata.title_edit, "B")
    window.autosaver.save_now()  # a second job while the first is still failing
    assert window.autosaver.flush() is None  # the newest save is stored
    assert Store.open(store.path).load_draft(1).meta.title.endswith(" AB")
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Sparat"), timeout=3000)
    assert not window.banner.isVisible()


def test_steady_typing_is_saved_at_least_every_two_seconds(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    saves: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    window.autosaver.saved.connect(lambda _when: saves.append(clock.elapsed()))
    for n in range(40):  # 8 characters a second for 5 seconds: never a pause of 0.8 s
        type_text(editor.metadata.title_edit, "abcdefgh"[n % 8])
        qtbot.wait(125)
    assert len(saves) >= 2, saves
    gaps = [b - a for a, b in zip([0, *saves], saves, strict=False)]
    assert max(gaps) <= 2000, gaps
    typed_until = Store.open(store.path).load_draft(1).meta.title
    assert typed_until.endswith("abcdefgh"[:3]) or "abcdefgh" in typed_until
    assert MAX_WAIT_MS <= 2000


def test_a_late_failure_of_an_earlier_draft_does_not_touch_the_current_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open_draft(1)
    window.autosaver._finished(0, SaveFailure(StoreFullError("full", "test"), None))
    assert not window.autosaver.pending  # no retry scheduled for a draft not shown
    assert not window.banner.isVisible()


def test_saved_shows_the_time(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.open_draft(1)
    assert window.editor is not None
    type_text(window.editor.metadata.title_edit, "!")
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        pass
    assert window.autosaver.flush() is None
    assert window.saved_label.text().startswith("Sparat ")


def test_a_save_the_files_changed_under_lands_once_and_makes_no_copy(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database's -wal changed between a save's commit and the check after it: the
    store opens the files anew and cannot tell whether the save landed; the autosave
    looks, finds its text stored, and neither saves twice nor makes a conflict copy."""
    from beslut.store.loose import FileWatch, Loose

    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    real = FileWatch.loose
    fired: list[bool] = []

    def after_the_commit(watch: FileWatch) -> Loose | None:
        # The check _atomic makes after COMMIT: called from it, outside a transaction.
        after_commit = sys._getframe(1).f_code.co_name == "_atomic"
        if after_commit and not store._conn.in_transaction and not fired:
            fired.append(True)
            return Loose("the log was replaced", database_gone=False)
        return real(watch)

    type_text(editor.metadata.title_edit, " – ändrad")
    monkeypatch.setattr(FileWatch, "loose", after_the_commit)
    with qtbot.waitSignal(window.autosaver.saved, timeout=5000):
        window.autosaver.save_now()
    monkeypatch.setattr(FileWatch, "loose", real)
    assert fired == [True]
    assert window.autosaver.flush() is None
    assert store.reconnections == 1
    with Store.open(store.path) as fresh:
        assert [d.id for d in fresh.list_drafts()] == [1]  # no "(din version)" copy
        stored = fresh.load_draft(1)
    assert stored.meta.title.endswith(" – ändrad")
    assert window.draft_id == 1
