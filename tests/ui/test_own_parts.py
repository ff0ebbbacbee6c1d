"""A part's own heading and the draft's own parts, as a user makes them in the editor,
checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from beslut.workflow.ownparts import text_part_order
from tests.richdraft import rich_draft
from tests.ui.helpers import click, type_text
from tests.ui.rich_helpers import CONTROL, open_section
from tests.ui.scripted import ScriptedMessages


def _stored(window: MainWindow, store: Store, draft_id: int = 1) -> list[tuple[str, str, str]]:
    assert window.autosaver.flush() is None
    with Store.open(store.path) as fresh:
        draft = fresh.load_draft(draft_id)
    return [(s.key, s.heading, s.text) for s in draft.sections]


def test_rename_a_parts_heading(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text"),))
    editor = window.editor
    assert editor is not None
    step.heading_edit.setFocus()
    step.heading_edit.end(False)
    type_text(step.heading_edit, " och tidigare beslut")
    stored = dict((key, heading) for key, heading, _text in _stored(window, store))
    assert stored["bakgrund"] == "Bakgrund och tidigare beslut"
    row = editor.steps.index(step)
    assert editor.step_list.item(row).text().endswith("Bakgrund och tidigare beslut")
    assert editor.step_heading.text() == "Bakgrund och tidigare beslut"
    QTest.keyClick(step.heading_edit, Qt.Key.Key_Z, CONTROL)  # the step's history
    assert dict((k, h) for k, h, _t in _stored(window, store))["bakgrund"] == "Bakgrund"
    assert step.heading_edit.text() == "Bakgrund"
    # Ctrl+Y in the text, which has nothing of its own to redo, redoes the rename.
    QTest.keyClick(step.editor.text_edit, Qt.Key.Key_Y, CONTROL)
    assert step.heading_edit.text() == "Bakgrund och tidigare beslut"
    assert dict((k, h) for k, h, _t in _stored(window, store))["bakgrund"] == (
        "Bakgrund och tidigare beslut"
    )


def test_add_an_own_part_after_a_chosen_part_then_undo(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text"),))
    editor = window.editor
    assert editor is not None
    order = text_part_order(editor.collect(), editor.doctype)
    messages.texts.append("Ekonomiska konsekvenser")
    messages.choices.append(order.index("bakgrund") + 1)  # "Efter Bakgrund"
    click(step, "Lägg till eget avsnitt")
    assert "Efter Bakgrund" not in messages.asked  # the places are options, not the question
    keys = [key for key, _h, _t in _stored(window, store)]
    assert keys[keys.index("bakgrund") + 1] == "ekonomiska_konsekvenser"
    new = editor.current_step()
    assert isinstance(new, SectionStep) and new.part == "ekonomiska_konsekvenser"
    assert editor.sections[editor.sections.index(step) + 1] is new
    assert new.title == "Ekonomiska konsekvenser"
    type_text(new.editor.text_edit, "Kostar 4 mnkr.")
    sections = {key: (heading, text) for key, heading, text in _stored(window, store)}
    assert sections["ekonomiska_konsekvenser"] == ("Ekonomiska konsekvenser", "Kostar 4 mnkr.")
    # Ctrl+Z takes back the typing, then the part itself; Ctrl+Y brings both back.
    QTest.keyClick(new.editor.text_edit, Qt.Key.Key_Z, CONTROL)
    assert dict((k, t) for k, _h, t in _stored(window, store))["ekonomiska_konsekvenser"] == ""
    QTest.keyClick(new.editor.text_edit, Qt.Key.Key_Z, CONTROL)
    assert "ekonomiska_konsekvenser" not in [k for k, _h, _t in _stored(window, store)]
    assert editor.step_for("ekonomiska_konsekvenser") is None
    window.act_redo.trigger()
    keys = [key for key, _h, _t in _stored(window, store)]
    assert keys[keys.index("bakgrund") + 1] == "ekonomiska_konsekvenser"


def test_remove_an_own_part_asks_first(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    draft_id = store.create_draft(rich_draft())
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    own = editor.step_for("ekonomiska_konsekvenser")
    assert isinstance(own, SectionStep) and own.own
    # The own part is a step between the parts it stands between in the draft.
    keys = [s.part for s in editor.sections]
    assert keys.index("bakgrund") < keys.index("ekonomiska_konsekvenser") < keys.index("arendet")
    editor.go_to_step(own)
    click(own, "Ta bort avsnittet")  # answered no
    assert messages.asked and "Ekonomiska konsekvenser" in messages.asked[-1]
    assert "ekonomiska_konsekvenser" in [k for k, _h, _t in _stored(window, store, draft_id)]
    messages.answers.append(True)
    click(own, "Ta bort avsnittet")
    assert "ekonomiska_konsekvenser" not in [k for k, _h, _t in _stored(window, store, draft_id)]
    assert editor.step_for("ekonomiska_konsekvenser") is None
    window.act_undo.trigger()  # Redigera > Ångra: the part is back, with its table
    stored = _stored(window, store, draft_id)
    keys = [k for k, _h, _t in stored]
    assert keys.index("bakgrund") < keys.index("ekonomiska_konsekvenser") < keys.index("arendet")
    assert "Ventilation\t4,5" in dict((k, t) for k, _h, t in stored)["ekonomiska_konsekvenser"]


def test_after_removing_an_own_part_its_neighbour_is_shown_and_ctrl_z_brings_it_back(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text"),))
    editor = window.editor
    assert editor is not None
    order = text_part_order(editor.collect(), editor.doctype)
    messages.texts.append("Ekonomiska konsekvenser")
    messages.choices.append(order.index("bakgrund") + 1)  # "Efter Bakgrund"
    click(step, "Lägg till eget avsnitt")
    own = editor.current_step()
    assert isinstance(own, SectionStep) and own.part == "ekonomiska_konsekvenser"
    row = editor.step_list.currentRow()
    neighbour = editor.steps[row + 1]  # the part after it
    messages.answers.append(True)
    click(own, "Ta bort avsnittet")
    assert "ekonomiska_konsekvenser" not in [k for k, _h, _t in _stored(window, store)]
    # The part after it takes its place in the list and on the page, with its heading.
    assert editor.step_list.currentRow() == row
    assert editor.current_step() is neighbour
    assert editor.stack.currentWidget() is neighbour
    assert editor.step_heading.text() == neighbour.title != own.title
    focus = QApplication.focusWidget()
    assert focus is editor.step_list
    QTest.keyClick(focus, Qt.Key.Key_Z, CONTROL)  # as the question promised
    keys = [k for k, _h, _t in _stored(window, store)]
    assert keys[keys.index("bakgrund") + 1] == "ekonomiska_konsekvenser"
    back = editor.current_step()
    assert isinstance(back, SectionStep) and back.part == "ekonomiska_konsekvenser"
    assert editor.stack.currentWidget() is back
    assert editor.step_heading.text() == "Ekonomiska konsekvenser"
    assert editor.step_list.currentItem().text().endswith("Ekonomiska konsekvenser")
