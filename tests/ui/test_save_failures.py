"""A save that fails for any reason loses nothing: a real full database, a bug in the save,
two windows on one file, a read-only database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from beslut.recovery import pending_recoveries
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import type_text
from tests.ui.scripted import ScriptedMessages

LONG = "Ett långt tillägg som inte får plats på disken. " * 400


def _fill_the_disk(store: Store) -> None:
    """Make the database really full: it may not grow by a single page."""
    conn: sqlite3.Connection = store._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def _window(qtbot: QtBot, store: Store, tmp_path: Path, messages: ScriptedMessages) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, qsettings, messages=messages)
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_full_database_keeps_the_text_in_a_recovery_file(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    _fill_the_disk(store)
    step = next(s for s in editor.sections if s.spec.key == "bakgrund")
    editor.go_to_step(step)
    step.editor.text_edit.moveCursor(step.editor.text_edit.textCursor().MoveOperation.End)
    step.editor.text_edit.insertPlainText(LONG)
    with qtbot.waitSignal(window.autosaver.failed, timeout=5000):
        pass
    assert window.saved_label.text() == "Inte sparat"
    assert window.banner.isVisible()
    assert "återställningsfilen" in window.banner.label.text()
    found = pending_recoveries(store.path)
    assert len(found) == 1 and found[0].draft_id == 1
    section = found[0].draft.section("bakgrund")
    assert section is not None and LONG.strip() in section.text
    assert window.editor is editor  # the editor stays open
    assert window.close()  # closing tells where the text is, then closes
    assert any("återställningsfilen" in m for m in messages.told)


def test_the_next_start_brings_the_recovered_text_back(
    qtbot: QtBot, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    first = _window(qtbot, store, tmp_path, messages)
    first.open_draft(1)
    assert first.editor is not None
    _fill_the_disk(store)
    type_text(first.editor.metadata.title_edit, " – sist skrivet")
    assert first.autosaver.flush() is not None
    first.close()
    path = store.path
    store.close()

    with Store.open(path) as again:
        assert not again.load_draft(1).meta.title.endswith("sist skrivet")
        answers = ScriptedMessages()
        answers.choices.append(0)  # Ta tillbaka
        second = _window(qtbot, again, tmp_path, answers)
        assert second.safety.offer_recoveries()
        assert second.draft_id == 1
        assert Store.open(path).load_draft(1).meta.title.endswith("– sist skrivet")
        labels = [r.label for r in again.list_revisions(1)]
        assert "Före återställning" in labels  # what was stored is kept as a version
        assert pending_recoveries(path) == []
        second.close()


def test_a_bug_in_saving_loses_nothing(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    messages: ScriptedMessages,
) -> None:
    import beslut.store.store as store_module

    def broken(_draft: object) -> str:
        raise TypeError("a bug in the JSON writer")

    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    monkeypatch.setattr(store_module, "_body", broken)
    type_text(editor.metadata.title_edit, " – trots buggen")
    failure = window.autosaver.flush()
    assert failure is not None and isinstance(failure.error, TypeError)
    assert failure.recovery is not None and failure.recovery.exists()
    qtbot.waitUntil(window.banner.isVisible, timeout=3000)
    assert "oväntat fel" in window.banner.label.text()
    (recovered,) = pending_recoveries(store.path)
    assert recovered.draft.meta.title.endswith("– trots buggen")
    monkeypatch.undo()
    assert window.autosaver.flush() is None  # the bug is gone: the next save stores it
    assert pending_recoveries(store.path) == []  # and the recovery file is cleared
    assert Store.open(store.path).load_draft(1).meta.title.endswith("– trots buggen")


def test_two_windows_never_overwrite_each_other(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    other_store = Store.open(store.path)  # a second window: its own connection
    first = _window(qtbot, store, tmp_path, ScriptedMessages())
    second = _window(qtbot, other_store, tmp_path / "two", ScriptedMessages())
    first.open_draft(1)
    second.open_draft(1)
    assert first.editor is not None and second.editor is not None
    type_text(first.editor.metadata.dnr, "-första")
    assert first.autosaver.flush() is None
    type_text(second.editor.metadata.dnr, "-andra")
    assert second.autosaver.flush() is None  # refused over draft 1, stored as a copy
    qtbot.waitUntil(lambda: second.draft_id != 1, timeout=3000)
    fresh = Store.open(store.path)
    assert fresh.load_draft(1).meta.dnr.endswith("-första")
    assert second.draft_id is not None
    copy = fresh.load_draft(second.draft_id)
    assert copy.meta.dnr.endswith("-andra") and not copy.meta.dnr.endswith("-första-andra")
    assert second.banner.isVisible() and "annat fönster" in second.banner.label.text()
    type_text(second.editor.metadata.dnr, "!")  # the second window goes on in the copy
    assert second.autosaver.flush() is None
    assert Store.open(store.path).load_draft(second.draft_id).meta.dnr.endswith("-andra!")
    assert Store.open(store.path).load_draft(second.draft_id).meta.title.endswith("(din version)")
    assert Store.open(store.path).load_draft(1).meta.dnr.endswith("-första")
    other_store.close()


def test_a_read_only_database_says_so_when_it_opens(
    qtbot: QtBot, tmp_path: Path, messages: ScriptedMessages
) -> None:
    path = tmp_path / "läs.db"
    Store.open(path, seed=seed_example).close()
    with Store.open(path, read_only=True) as store:
        window = _window(qtbot, store, tmp_path, messages)
        assert window.banner.isVisible()
        assert "skrivskyddad" in window.banner.label.text()
        assert not window.act_new.isEnabled()
        window.open_draft(1)
        editor = window.editor
        assert editor is not None
        assert editor.metadata.title_edit.isReadOnly()
        section = editor.sections[0]
        assert section.editor.text_edit.isReadOnly()
        assert not editor.decisions.list.dragEnabled()
        window.close()
    assert messages.errors == []


def test_bilagor_still_being_stored_are_kept_when_the_user_leaves(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    before = len(store.load_draft(1).attachments)
    slow_file = tmp_path / "Underlag.pdf"
    slow_file.write_bytes(b"%PDF-1.4 " + b"x" * 100_000)
    real = store.put_file_from

    def slow(path: Path, name: str | None = None) -> object:
        time.sleep(0.5)  # a large file on a slow share
        return real(path, name)

    monkeypatch.setattr(store, "put_file_from", slow)
    editor.attachments.add_paths([str(slow_file)])
    window.back_to_list()  # at once, while the file is being stored
    titles = [a.title for a in Store.open(store.path).load_draft(1).attachments]
    assert len(titles) == before + 1 and titles[-1] == "Underlag"


def test_after_a_conflict_copy_the_version_goes_to_the_copy(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    import dataclasses

    window.open_draft(1)
    assert window.editor is not None
    with Store.open(store.path) as other:  # another window saves draft 1 meanwhile
        draft = other.load_draft(1)
        other.save_draft(
            1, dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, title="ANDRA"))
        )
    type_text(window.editor.metadata.title_edit, " MIN")
    messages.texts.append("Min version")
    window.act_version.trigger()
    fresh = Store.open(store.path)
    assert window.draft_id is not None and window.draft_id != 1
    assert [r.label for r in fresh.list_revisions(window.draft_id)] == ["Min version"]
    assert fresh.list_revisions(1) == []


def test_a_broken_checks_file_does_not_stop_export(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, messages: ScriptedMessages
) -> None:
    import dataclasses
    import shutil

    from beslut.doctypes import default_template_dir

    org = tmp_path / "org"
    shutil.copytree(default_template_dir(), org)
    (org / "checks.toml").write_text("[trasig", encoding="utf-8")
    window.settings = dataclasses.replace(window.settings, template_dir=str(org))
    window.open_draft(1)
    target = tmp_path / "tu.docx"
    messages.answers.append(True)
    messages.files.append(target)
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        window.act_export.trigger()
    assert target.exists()
    assert not messages.errors  # the shipped settings are used, and that is said once
    assert len([m for m in messages.told if "checks.toml" in m]) == 1


def test_a_recovery_file_goes_when_its_text_is_kept_as_a_conflict_copy(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import beslut.store.store as store_module

    window.open_draft(1)
    assert window.editor is not None
    real_body = store_module._body

    def broken(_draft: object) -> str:
        raise TypeError("a bug in the JSON writer")

    monkeypatch.setattr(store_module, "_body", broken)
    type_text(window.editor.metadata.title_edit, " MIN")
    assert window.autosaver.flush() is not None
    assert len(pending_recoveries(store.path)) == 1
    monkeypatch.setattr(store_module, "_body", real_body)
    with Store.open(store.path) as other:
        draft = other.load_draft(1)
        other.save_draft(
            1, dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, title="ANDRA"))
        )
    assert window.autosaver.flush() is None  # stored as a copy
    assert pending_recoveries(store.path) == []
