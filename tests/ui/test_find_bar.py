"""Find and replace in the open draft, used as a user does: Ctrl+F, Ctrl+H, Enter, clicks."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from beslut.model import Block, BlockKind, Draft, Run, Section
from beslut.store import Store
from beslut.ui.find_bar import FindBar
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import click, type_text

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _draft(store: Store) -> int:
    """The example draft with "Kvarnbo" in its title, a decision point, a paragraph, a
    table cell and a footnote; "Kvarnbon" (a longer word) and "kvarnbo" (lower case)."""
    draft = store.load_draft(1)
    blocks = (
        Block.plain(BlockKind.PARAGRAPH, "Kvarnbo byggdes 1960. Kvarnbon ligger i norr."),
        Block.table([["Plats", "Kostnad"], ["Kvarnbo", "4"]]),
        Block(BlockKind.PARAGRAPH, (Run("Se planen"), Run(".", note="Kvarnbo nämns där."))),
        Block.plain(BlockKind.PARAGRAPH, "Området kallas kvarnbo i folkmun."),
    )
    sections = tuple(
        Section(s.key, s.heading, blocks) if s.key == "bakgrund" else s for s in draft.sections
    )
    changed = dataclasses.replace(
        draft,
        meta=dataclasses.replace(draft.meta, title="Ny förskola i Kvarnbo"),
        decisions=("Nämnden godkänner förskolan i Kvarnbo.", *draft.decisions[1:]),
        sections=sections,
    )
    store.save_draft(1, changed)
    return 1


def _open(window: MainWindow, store: Store) -> None:
    window.open_draft(_draft(store))
    window.activateWindow()
    QApplication.processEvents()


def _keys(window: MainWindow, keys: str) -> None:
    """Press ``keys`` where the focus is, as the user does."""
    target = QApplication.focusWidget() or window
    QTest.keySequence(target, QKeySequence(keys))
    QApplication.processEvents()


def _bar(window: MainWindow) -> FindBar:
    assert window.editor is not None
    bars = window.editor.findChildren(FindBar)
    assert len(bars) == 1
    return bars[0]


NONE = Qt.KeyboardModifier.NoModifier


def _enter(widget: QWidget, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return, modifiers)
    QApplication.processEvents()


def _stored(store: Store) -> Draft:
    with Store.open(store.path) as fresh:
        return fresh.load_draft(1)


def _texts(draft: Draft) -> list[str]:
    """Where "Kvarnbo" was put: the title, the first point, the part's texts and its note."""
    section = draft.section("bakgrund")
    assert section is not None
    cell = "".join(run.text for run in section.blocks[1].rows[1][0])
    note = next(run.note for run in section.blocks[2].runs if run.note)
    return [
        draft.meta.title,
        draft.decisions[0],
        section.blocks[0].text,
        cell,
        note or "",
        section.blocks[3].text,
    ]


def test_ctrl_f_finds_in_every_part_with_enter_and_shift_enter(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    _keys(window, "Ctrl+F")
    bar = _bar(window)
    assert bar.isVisible() and bar.find_edit.hasFocus()
    assert not bar.replace_edit.isVisible()
    QTest.keyClicks(bar.find_edit, "Kvarnbo")
    _enter(bar.find_edit)
    editor = window.editor
    assert editor is not None
    assert editor.current_step() is editor.metadata
    assert editor.metadata.title_edit.selectedText() == "Kvarnbo"
    assert bar.count_label.text() == "1 av 7"
    assert bar.find_edit.hasFocus()  # Enter goes on
    _enter(bar.find_edit)
    assert editor.current_step() is editor.decisions
    assert editor.decisions.text.textCursor().selectedText() == "Kvarnbo"
    _enter(bar.find_edit)
    step = editor.current_step()
    assert isinstance(step, SectionStep) and step.spec.key == "bakgrund"
    cursor = step.editor.text_edit.textCursor()
    assert cursor.selectedText() == "Kvarnbo"
    assert cursor.block().text().startswith("Kvarnbo byggdes")
    _enter(bar.find_edit)  # "Kvarnbon"
    _enter(bar.find_edit)  # the table cell
    assert step.editor.text_edit.textCursor().block().text() == "Kvarnbo"
    assert bar.count_label.text() == "5 av 7"
    _enter(bar.find_edit, SHIFT)
    assert bar.count_label.text() == "4 av 7"
    QTest.keyClick(bar.find_edit, Qt.Key.Key_F3)
    QTest.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert bar.count_label.text() == "6 av 7"  # the footnote
    QTest.keyClick(bar.find_edit, Qt.Key.Key_F3, SHIFT)
    assert bar.count_label.text() == "5 av 7"
    QTest.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert step.editor.text_edit.hasFocus()


def test_swedish_letters_and_the_selected_text_as_query(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.decisions)
    cursor = editor.decisions.text.textCursor()
    cursor.setPosition(8)
    cursor.setPosition(16, cursor.MoveMode.KeepAnchor)  # "godkänne"
    editor.decisions.text.setTextCursor(cursor)
    _keys(window, "Ctrl+F")
    bar = _bar(window)
    assert bar.find_edit.text() == "godkänne"
    assert bar.find_edit.hasFocus()
    bar.find_edit.clear()
    type_text(bar.find_edit, "förskola")
    _enter(bar.find_edit)
    assert editor.metadata.title_edit.selectedText() == "förskola"
    _enter(bar.find_edit)
    assert editor.decisions.text.textCursor().selectedText() == "förskola"


def test_ctrl_f_in_the_draft_list_still_focuses_its_search(window: MainWindow) -> None:
    window.activateWindow()
    window.list_page.focus_list()
    _keys(window, "Ctrl+F")
    assert window.list_page.search.hasFocus()
    assert window.editor is None


def test_match_case_and_whole_words_clicked_change_the_matches(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    _keys(window, "Ctrl+F")
    bar = _bar(window)
    QTest.keyClicks(bar.find_edit, "Kvarnbo")
    assert bar.count_label.text() == "7 träffar"
    QTest.mouseClick(bar.case_box, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == "6 träffar"
    QTest.mouseClick(bar.words_box, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == "5 träffar"
    QTest.mouseClick(bar.case_box, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == "6 träffar"
    bar.find_edit.clear()
    QTest.keyClicks(bar.find_edit, "Kvarnbox")
    assert bar.count_label.text() == "Hittades inte"


def test_replace_all_everywhere_then_ctrl_z_in_the_bar_undoes_it_in_one_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    before = _texts(_stored(store))
    _keys(window, "Ctrl+H")
    bar = _bar(window)
    assert bar.replace_edit.isVisible()
    _keys(window, "Ctrl+F")  # plain find: the replace row goes
    assert not bar.replace_edit.isVisible()
    _keys(window, "Ctrl+H")
    assert bar.replace_edit.isVisible() and bar.find_edit.hasFocus()
    QTest.keyClicks(bar.find_edit, "Kvarnbo")
    QTest.mouseClick(bar.words_box, Qt.MouseButton.LeftButton)
    QTest.mouseClick(bar.case_box, Qt.MouseButton.LeftButton)
    type_text(bar.replace_edit, "Åkerby")
    click(bar, "Ersätt alla")
    assert bar.count_label.text() == "5 ersättningar"
    assert window.autosaver.flush() is None
    assert _texts(_stored(store)) == [
        "Ny förskola i Åkerby",
        "Nämnden godkänner förskolan i Åkerby.",
        "Åkerby byggdes 1960. Kvarnbon ligger i norr.",
        "Åkerby",
        "Åkerby nämns där.",
        "Området kallas kvarnbo i folkmun.",
    ]
    bar.replace_edit.setFocus()
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Z, CONTROL)
    QApplication.processEvents()
    assert window.autosaver.flush() is None
    assert _texts(_stored(store)) == before
    QTest.keyClick(bar.replace_edit, Qt.Key.Key_Y, CONTROL)
    QApplication.processEvents()
    assert window.autosaver.flush() is None
    assert _texts(_stored(store))[3] == "Åkerby"
    bar.find_edit.setFocus()
    window.act_undo.trigger()  # Redigera > Ångra in the bar: the replace too
    assert window.autosaver.flush() is None
    assert _texts(_stored(store)) == before


def test_replace_one_at_a_time(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    _open(window, store)
    _keys(window, "Ctrl+H")
    bar = _bar(window)
    QTest.keyClicks(bar.find_edit, "Kvarnbo")
    QTest.mouseClick(bar.words_box, Qt.MouseButton.LeftButton)
    QTest.keyClicks(bar.replace_edit, "Berga")
    click(bar, "Ersätt")  # shows the first match
    assert bar.count_label.text() == "1 av 6"
    click(bar, "Ersätt")  # replaces it, shows the next
    assert bar.count_label.text() == "1 av 5"
    _enter(bar.replace_edit)  # Enter in the replace field replaces too
    assert window.autosaver.flush() is None
    texts = _texts(_stored(store))
    assert texts[:3] == [
        "Ny förskola i Berga",
        "Nämnden godkänner förskolan i Berga.",
        "Kvarnbo byggdes 1960. Kvarnbon ligger i norr.",
    ]


def test_a_replacement_too_long_is_told_in_the_bar(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    draft_id = _draft(store)
    draft = store.load_draft(draft_id)
    store.save_draft(draft_id, dataclasses.replace(draft, decisions=(" ".join(["ab"] * 40),)))
    window.open_draft(draft_id)
    window.activateWindow()
    _keys(window, "Ctrl+H")
    bar = _bar(window)
    QTest.keyClicks(bar.find_edit, "ab")
    bar.replace_edit.setText("x" * 30_000)  # pasted: 40 of them pass the limit
    click(bar, "Ersätt alla")
    assert bar.count_label.text() == "Ersättningen skulle göra en text längre än 1000000 tecken."
    assert window.autosaver.flush() is None
    assert _stored(store).decisions == (" ".join(["ab"] * 40),)


def test_read_only_draft_finds_but_does_not_replace(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    _open(window, store)
    editor = window.editor
    assert editor is not None
    editor.set_read_only(True)
    _keys(window, "Ctrl+H")
    bar = _bar(window)
    assert not bar.replace_all_button.isEnabled()
    assert not bar.replace_edit.isEnabled()
    QTest.keyClicks(bar.find_edit, "Kvarnbo")
    _enter(bar.find_edit)
    assert editor.metadata.title_edit.selectedText() == "Kvarnbo"
    assert isinstance(QApplication.focusWidget(), QLineEdit)
