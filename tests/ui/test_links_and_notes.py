"""Ctrl+K for a link and Ctrl+Alt+F for a footnote, as a user does them, checked in the
database; the address is asked through Messages and checked by the core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from beslut.checks.findings import Location, text_field
from beslut.model.blocks import normalize_blocks
from beslut.model.draft import Block, BlockKind, Run
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.richdraft import rich_draft
from tests.ui.helpers import type_text
from tests.ui.rich_helpers import ALT, CONTROL, key, open_section, put_cursor, stored_section
from tests.ui.scripted import ScriptedMessages

P = BlockKind.PARAGRAPH


def test_ctrl_k_makes_the_selection_a_link_and_edits_it(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Se planen för helheten."),))
    put_cursor(step, 0, 3, 9)  # "planen"
    messages.texts.append("https://start.stockholm/plan")
    key(step, Qt.Key.Key_K, CONTROL)
    assert messages.asked and "https://" in messages.asked[-1]
    assert stored_section(window, store, "bakgrund").blocks == (
        Block(
            P,
            (
                Run("Se "),
                Run("planen", link="https://start.stockholm/plan"),
                Run(" för helheten."),
            ),
        ),
    )
    # On the link again: the address is filled in; a new one replaces it.
    put_cursor(step, 0, 5)
    messages.texts.append("www.stockholm.se")
    key(step, Qt.Key.Key_K, CONTROL)
    assert messages.defaults[-1] == "https://start.stockholm/plan"
    runs = stored_section(window, store, "bakgrund").blocks[0].runs
    assert runs[1] == Run("planen", link="https://www.stockholm.se")
    # An empty address removes the link; undo brings it back.
    put_cursor(step, 0, 5)
    messages.texts.append("")
    key(step, Qt.Key.Key_K, CONTROL)
    assert stored_section(window, store, "bakgrund").blocks == (
        Block.plain(P, "Se planen för helheten."),
    )
    key(step, Qt.Key.Key_Z, CONTROL)
    assert stored_section(window, store, "bakgrund").blocks[0].runs[1].link


def test_a_link_must_be_https_http_or_mailto(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Läs filen"),))
    put_cursor(step, 0, 4, 9)
    messages.texts.append("file:///C:/hemligt.docx")
    key(step, Qt.Key.Key_K, CONTROL)
    assert len(messages.errors) == 1
    assert "https://" in messages.errors[0] and "mailto:" in messages.errors[0]
    assert stored_section(window, store, "bakgrund").blocks == (Block.plain(P, "Läs filen"),)
    messages.texts.append("eva.ek@stad.se")  # an e-mail address becomes mailto:
    key(step, Qt.Key.Key_K, CONTROL)
    assert stored_section(window, store, "bakgrund").blocks[0].runs[1] == Run(
        "filen", link="mailto:eva.ek@stad.se"
    )


def test_ctrl_k_without_a_selection_inserts_the_address(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Mer på "),))
    put_cursor(step, 0, 7)
    messages.texts.append("https://stockholm.se")
    key(step, Qt.Key.Key_K, CONTROL)
    type_text(step.editor.text_edit, ".")
    assert stored_section(window, store, "bakgrund").blocks == (
        Block(
            P,
            (Run("Mer på "), Run("https://stockholm.se", link="https://stockholm.se"), Run(".")),
        ),
    )


def _marker(step_text: QTextCharFormat) -> bool:
    return step_text.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript


def test_ctrl_alt_f_puts_a_footnote_after_the_text_before_the_cursor(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Badet byggdes 1974."),))
    put_cursor(step, 0, 18)  # after "1974"
    messages.texts.append("Enligt bygglovet.")
    key(step, Qt.Key.Key_F, CONTROL | ALT)
    assert stored_section(window, store, "bakgrund").blocks == (
        Block(P, (Run("Badet byggdes 1974", note="Enligt bygglovet."), Run("."))),
    )
    block = step.editor.text_edit.document().begin()
    fragments = [it.fragment() for it in block]  # type: ignore[attr-defined]
    marker = next(f for f in fragments if _marker(f.charFormat()))
    assert marker.text() == "1" and marker.charFormat().toolTip() == "Enligt bygglovet."
    # Typing on after the marker is text, not part of the note.
    type_text(step.editor.text_edit, " Det")
    assert stored_section(window, store, "bakgrund").blocks[0].runs == (
        Run("Badet byggdes 1974", note="Enligt bygglovet."),
        Run(" Det."),
    )
    # Edit: the note is filled in; a new text replaces it.
    put_cursor(step, 0, 19)
    messages.texts.append("Enligt bygglovet från 1973.")
    key(step, Qt.Key.Key_F, CONTROL | ALT)
    assert messages.defaults[-1] == "Enligt bygglovet."
    runs = stored_section(window, store, "bakgrund").blocks[0].runs
    assert runs[0].note == "Enligt bygglovet från 1973."
    # Remove: an empty text; undo brings it back.
    put_cursor(step, 0, 19)
    messages.texts.append("")
    key(step, Qt.Key.Key_F, CONTROL | ALT)
    assert stored_section(window, store, "bakgrund").blocks == (
        Block.plain(P, "Badet byggdes 1974 Det."),
    )
    key(step, Qt.Key.Key_Z, CONTROL)
    assert stored_section(window, store, "bakgrund").blocks[0].runs[0].note


def test_a_second_footnote_is_numbered_after_the_first(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    blocks = (Block(P, (Run("Ett", note="Första."), Run(" två tre."))),)
    step = open_section(window, store, "bakgrund", blocks)
    assert step.editor.text_edit.document().begin().text() == "Ett1 två tre."
    put_cursor(step, 0, 1)  # inside "Ett": a note before the first one
    messages.texts.append("Ny.")
    key(step, Qt.Key.Key_F, CONTROL | ALT)
    assert step.editor.text_edit.document().begin().text() == "E1tt2 två tre."
    assert stored_section(window, store, "bakgrund").blocks[0].runs == (
        Run("E", note="Ny."),
        Run("tt", note="Första."),
        Run(" två tre."),
    )


def test_the_rich_draft_shows_and_keeps_its_links_and_notes(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    draft_id = store.create_draft(rich_draft())
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    step = editor.step_for("bakgrund")
    assert step is not None
    type_text(editor.metadata.title_edit, " nu")  # an edit, so the draft is saved again
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        stored = fresh.load_draft(draft_id)
    for section in rich_draft().sections:
        # The same content; runs of one formatting come back merged ("upp" + "."+note).
        kept = stored.section(section.key)
        assert kept is not None and kept.heading == section.heading, section.key
        assert kept.blocks == normalize_blocks(section.blocks), section.key
    assert [s.key for s in stored.sections][:4] == [s.key for s in rich_draft().sections]


def test_findings_skip_footnote_markers_and_find_the_note(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    blocks = (Block(P, (Run("Ett", note="Not  ett."), Run(" två  tre."))),)
    step = open_section(window, store, "bakgrund", blocks)
    # Model text "Ett två  tre.": the double space is at 7..9; the marker is not text.
    step.reveal(Location("bakgrund", 0, start=7, end=9))
    assert step.editor.text_edit.textCursor().selectedText() == "  "
    step.reveal(Location("bakgrund", 0, field=text_field(note=0), start=3, end=5))
    cursor = step.editor.text_edit.textCursor()
    assert cursor.selectedText() == "1"  # the note's marker
    assert cursor.charFormat().toolTip() == "Not  ett."
