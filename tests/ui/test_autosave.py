"""Autosave failures: never switch drafts or close over an edit that was not stored."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from beslut.model import Draft, Metadata
from beslut.store import Store, StoreFullError
from beslut.ui import errors
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import type_text


def _failing_saves(monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
    def full(*_args: object, **_kwargs: object) -> str:
        raise StoreFullError("Disken är full, så ändringarna kunde inte sparas.", "test")

    monkeypatch.setattr(store, "save_draft", full)


def test_switching_drafts_waits_for_a_failed_save(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = store.create_draft(Draft(Metadata(title="Annat ärende")))
    window.open_draft(1)
    assert window.editor is not None
    type_text(window.editor.metadata.title_edit, " – ändrad")
    with monkeypatch.context() as patch:
        _failing_saves(patch, store)
        window.open_draft(other)  # the save fails: stay on draft 1 and say why
        assert window.draft_id == 1
        assert errors.shown[-1].startswith("Disken är full")
        window.back_to_list()
        assert window.draft_id == 1
    window.open_draft(other)  # the disk has room again: the edit is stored first
    assert window.draft_id == other
    assert store.load_draft(1).meta.title.endswith("– ändrad")


def test_closing_keeps_the_window_when_the_edit_cannot_be_saved(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_draft(1)
    assert window.editor is not None
    type_text(window.editor.metadata.dnr, "-1")
    _failing_saves(monkeypatch, store)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.undo()
    assert window.close()
    assert store.load_draft(1).meta.dnr.endswith("-1")


def test_a_late_failure_of_an_earlier_draft_does_not_touch_the_current_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open_draft(1)
    window.autosaver._save_failed(999, StoreFullError("full", "test"))
    assert not window.autosaver.pending  # no retry scheduled for a draft not shown


def test_saved_shows_the_time(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.open_draft(1)
    assert window.editor is not None
    type_text(window.editor.metadata.title_edit, "!")
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        pass
    assert window.autosaver.flush() is None
