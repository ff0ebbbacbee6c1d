"""A whole tjänsteutlåtande written in the app, from a new draft to an exported .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.model.draft import BlockKind
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import click, type_text
from tests.ui.scripted import ScriptedMessages

SAMMANFATTNING = "Förvaltningen föreslår att nämnden inför en öppen förskola i Årsta."


def test_write_a_tu_from_new_draft_to_docx(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    messages: ScriptedMessages,
) -> None:
    messages.choices.append(0)  # Beslutsärende
    window.act_new.trigger()
    editor = window.editor
    assert editor is not None and window.draft_id is not None

    # Uppgifter
    meta = editor.metadata
    type_text(meta.title_edit, "Öppen förskola i Årsta")
    meta.namnd.setCurrentText("Förskolenämnden")
    type_text(meta.dnr, "FSN 2026/77")

    # Förslag till beslut: two points, typed into the point editor
    editor.go_to_step(editor.decisions)
    for text in (
        "Förskolenämnden inför en öppen förskola i Årsta.",
        "Beslutet justeras omedelbart.",
    ):
        click(editor.decisions, "Ny punkt")
        type_text(editor.decisions.text, text)
    assert editor.decisions.list.count() == 2

    # Sammanfattning with å ä ö, typed key by key
    summary = next(s for s in editor.sections if s.spec.key == "sammanfattning")
    editor.go_to_step(summary)
    type_text(summary.editor.text_edit, SAMMANFATTNING)

    # A bilaga from a real file
    bilaga = tmp_path / "Lokalförslag.pdf"
    bilaga.write_bytes(b"%PDF-1.4 lokal")
    with qtbot.waitSignal(editor.attachments.files_added, timeout=5000):
        editor.attachments.add_paths([str(bilaga)])
    assert editor.attachments.list.count() == 1

    # Export from the Granska och exportera step, bilagor copied beside it
    target = tmp_path / "ut" / "TU.docx"
    target.parent.mkdir()
    editor.go_to_step(editor.review)
    QTest.mouseClick(editor.review.copy_files, Qt.MouseButton.LeftButton)
    messages.answers.append(True)  # export although the granskning found something
    messages.files.append(target)
    draft = editor.collect()
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        click(editor.review, "Exportera till Word")

    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Öppen förskola i Årsta" in text
    assert "Förskolenämnden inför en öppen förskola i Årsta." in text
    assert SAMMANFATTNING in text
    assert "Lokalförslag" in text
    assert (target.parent / "Bilaga 1 – Lokalförslag.pdf").read_bytes() == b"%PDF-1.4 lokal"

    # Everything typed is in the database, and the export left a revision.
    stored = store.load_draft(window.draft_id)
    assert stored.meta.title == "Öppen förskola i Årsta"
    assert stored.meta.dnr == "FSN 2026/77"
    assert stored.decisions == draft.decisions
    section = stored.section("sammanfattning")
    assert section is not None and section.blocks[0].kind is BlockKind.PARAGRAPH
    assert section.text == SAMMANFATTNING
    revisions = store.list_revisions(window.draft_id)
    assert [r.label for r in revisions] == ["Exporterad till TU.docx"]
    assert store.load_revision(revisions[0].id) == draft  # the text that was exported


def test_autosave_reaches_sqlite_within_two_seconds(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    type_text(editor.metadata.title_edit, " – reviderad")
    with qtbot.waitSignal(window.autosaver.saved, timeout=2000):
        pass
    assert store.load_draft(1).meta.title.endswith("– reviderad")
    assert window.saved_label.text().startswith("Sparat ")


def test_list_sorts_swedish_and_filters(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    from beslut.model.draft import Draft, Metadata

    for title in ("Översyn av taxor", "Zonindelning", "Ärende om avgifter"):
        store.create_draft(Draft(Metadata(title=title, namnd="Kulturnämnden")))
    window.refresh_list()
    table = window.list_page.table
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert titles == [
        "Avgiftsfri simskola för barn i årskurs 1–3 från " + titles[0][-4:],
        "Zonindelning",
        "Ärende om avgifter",
        "Översyn av taxor",
    ]
    page = window.list_page
    page.namnd_filter.setCurrentIndex(page.namnd_filter.findData("Kulturnämnden"))
    assert table.model().rowCount() == 3


def test_search_field_uses_full_text(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClicks(window.list_page.search, "Husbybadet")
    qtbot.waitUntil(lambda: window.list_page.table.model().rowCount() == 1, timeout=2000)
    window.list_page.search.clear()
    QTest.keyClicks(window.list_page.search, "badminton")
    qtbot.waitUntil(lambda: not window.list_page.table.isVisibleTo(window), timeout=2000)
    assert "Inga utkast" in window.list_page.empty.text()


def test_delete_goes_to_trash_and_restores(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    window.list_page.table.selectRow(0)
    messages.answers.append(True)  # Flytta till papperskorgen
    window.act_delete.trigger()
    assert store.list_drafts() == []
    window.list_page.trash_toggle.setChecked(True)
    window.list_page.table.selectRow(0)
    window.act_restore.trigger()
    assert len(store.list_drafts()) == 1


def test_decision_undo_and_reorder(window: MainWindow) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    step = editor.decisions
    editor.go_to_step(step)
    original = step.list.values
    step.list.setCurrentRow(0)
    step.list.move_current(1)
    assert step.list.values == (original[1], original[0], original[2])
    step.remove()
    assert len(step.list.values) == 2
    step.undo_stack.undo()
    step.undo_stack.undo()
    assert step.list.values == original
    QTest.keyClick(step.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert step.list.values[1] == original[0]


def test_a_filter_on_a_namnd_that_disappears_is_dropped(window: MainWindow, store: Store) -> None:
    from beslut.model.draft import Draft, Metadata

    only = store.create_draft(Draft(Metadata(title="Bibliotek", namnd="Kulturnämnden")))
    window.refresh_list()
    page = window.list_page
    page.namnd_filter.setCurrentIndex(page.namnd_filter.findData("Kulturnämnden"))
    assert page.table.model().rowCount() == 1
    store.delete_draft(only)
    window.refresh_list()
    assert page.namnd_filter.currentData() == ""
    assert page.table.model().rowCount() == 1  # the example draft, not an empty list
    assert page.table.isVisibleTo(window)


def test_broken_checks_file_is_reported_once(
    window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    from dataclasses import replace

    from beslut.doctypes import default_template_dir
    from beslut.settings import save_settings

    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "doctypes").symlink_to(default_template_dir() / "doctypes")
    (folder / "checks.toml").write_text("[trasig", encoding="utf-8")
    switched_off = "meta.dnr"
    window.settings = replace(
        window.settings, template_dir=str(folder), disabled_rules=(switched_off,)
    )
    save_settings(store, window.settings)
    window._check_config = None
    first = window.check_config()
    second = window.check_config()
    assert first is second
    # Told once, as a notice: the shipped settings are used, with the user's own choices.
    assert not messages.errors
    assert len([m for m in messages.told if "checks.toml" in m]) == 1
    assert not first.enabled(switched_off)


def test_a_failing_granskning_is_said_in_the_review_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import beslut.ui.editor as editor_module

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("regel trasig")

    monkeypatch.setattr(editor_module, "run_checks", broken)
    window.open_draft(1)
    editor = window.editor
    assert editor is not None  # the granskning starts shortly after the draft is shown
    qtbot.waitUntil(lambda: "kunde inte köras" in editor.review.summary.text(), timeout=3000)


def test_export_uses_the_type_the_editor_shows(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    import dataclasses

    draft = store.load_draft(1)
    renamed = dataclasses.replace(draft, meta=dataclasses.replace(draft.meta, doctype="gammal_typ"))
    draft_id = store.create_draft(renamed, store.files_for(draft))
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None and editor.doctype.key == "beslutsarende"  # the fallback
    target = tmp_path / "tu.docx"
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        window.exporter.start(editor.collect(), target, False, False)
    assert target.stat().st_size > 0


def test_opening_a_bilaga_hands_a_copy_to_the_desktop(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[Path] = []

    def record(url: QUrl) -> bool:
        opened.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    step = editor.attachments
    editor.go_to_step(step)
    step.list.setCurrentRow(0)
    stored = step.list.values[0]
    assert stored.file is not None
    click(step, "Öppna")
    assert len(opened) == 1
    assert opened[0].read_bytes() == store.get_file(stored.file.sha256)


def test_a_personnummer_is_asked_about_before_export(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    step = next(s for s in editor.sections if s.spec.key == "bakgrund")
    editor.go_to_step(step)
    step.editor.text_edit.moveCursor(step.editor.text_edit.textCursor().MoveOperation.End)
    type_text(step.editor.text_edit, " Sökanden har nummer 811218-9876.")
    editor.go_to_step(editor.review)
    target = tmp_path / "tu.docx"
    messages.files.append(target)
    click(editor.review, "Exportera till Word")  # the default answer is no
    assert "1 personnummer" in messages.asked[-1]
    assert not target.exists()
    messages.answers.append(True)
    messages.files.append(target)
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        click(editor.review, "Exportera till Word")
    assert target.exists()
    labels = [r.label for r in Store.open(store.path).list_revisions(1)]
    assert labels == ["Exporterad till tu.docx"]


def test_an_empty_bilaga_is_refused_and_a_large_one_asked_about(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    step = editor.attachments
    editor.go_to_step(step)
    before = len(step.list.values)
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    large = tmp_path / "ritning.pdf"
    with large.open("wb") as handle:
        handle.truncate(26 * 1024 * 1024)
    messages.opened.append([empty, large])
    with qtbot.waitSignal(step.files_added, timeout=10_000):
        click(step, "Lägg till filer")  # the large file: the default answer is no
    assert len(step.list.values) == before
    assert any("tom (0 byte)" in m for m in messages.errors)
    assert any("ritning.pdf" in m for m in messages.asked)
    messages.opened.append([large])
    messages.answers.append(True)
    with qtbot.waitSignal(step.files_added, timeout=30_000):
        click(step, "Lägg till filer")
    assert [a.title for a in step.list.values[before:]] == ["ritning"]
    assert window.autosaver.flush() is None
    stored = Store.open(store.path).load_draft(1).attachments[-1]
    assert stored.file is not None and stored.file.size == 26 * 1024 * 1024
