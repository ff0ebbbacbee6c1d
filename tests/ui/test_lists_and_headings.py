"""List levels with Tab / Shift+Tab, numbering that restarts or continues, and the two
sub-heading levels, done as a user does them and checked in the database."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextFormat
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from beslut.model.draft import Block, BlockKind, Run
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.rich_helpers import CONTROL, SHIFT, key, open_section, put_cursor, stored_section
from tests.ui.scripted import ScriptedMessages

P, H, B, N = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BULLET, BlockKind.NUMBERED


def test_tab_and_shift_tab_change_a_list_items_level(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(
        window,
        store,
        "bakgrund",
        (
            Block.plain(B, "ett"),
            Block.plain(B, "två"),
            Block.plain(B, "tre"),
            Block.plain(P, "slut"),
        ),
    )
    put_cursor(step, 1, 1)
    key(step, Qt.Key.Key_Tab)
    put_cursor(step, 2)
    key(step, Qt.Key.Key_Tab)
    key(step, Qt.Key.Key_Tab)
    key(step, Qt.Key.Key_Tab)  # level 2 is the deepest: the focus moves on instead
    levels = [b.level for b in stored_section(window, store, "bakgrund").blocks]
    assert levels == [0, 1, 2, 0]
    assert not step.editor.text_edit.hasFocus()
    put_cursor(step, 2)
    key(step, Qt.Key.Key_Backtab, SHIFT)
    blocks = stored_section(window, store, "bakgrund").blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (B, 0, "ett"),
        (B, 1, "två"),
        (B, 1, "tre"),
        (P, 0, "slut"),
    ]
    # Undo takes back the last level change, key by key.
    key(step, Qt.Key.Key_Z, CONTROL)
    assert [b.level for b in stored_section(window, store, "bakgrund").blocks] == [0, 1, 2, 0]
    key(step, Qt.Key.Key_Y, CONTROL)
    assert [b.level for b in stored_section(window, store, "bakgrund").blocks] == [0, 1, 1, 0]


def test_tab_in_a_paragraph_still_moves_the_focus(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    step = open_section(window, store, "bakgrund", (Block.plain(P, "Text"),))
    put_cursor(step, 0, 2)
    key(step, Qt.Key.Key_Tab)
    assert not step.editor.text_edit.hasFocus()
    assert stored_section(window, store, "bakgrund").blocks == (Block.plain(P, "Text"),)


def test_a_nested_numbered_list_is_shown_and_saved(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    blocks = (
        Block.plain(N, "ett"),
        Block(N, (Run("ett a"),), level=1),
        Block(N, (Run("ett b"),), level=1),
        Block.plain(N, "två"),
    )
    step = open_section(window, store, "bakgrund", blocks)
    doc = step.editor.text_edit.document()
    first, sub, _, second = (doc.findBlockByNumber(n) for n in range(4))
    assert second.textList().itemNumber(second) == 1  # "2." after its sub-items
    assert sub.textList().format().indent() == 2
    assert sub.textList().objectIndex() != first.textList().objectIndex()
    put_cursor(step, 3)
    key(step, Qt.Key.Key_Tab)
    assert stored_section(window, store, "bakgrund").blocks[3] == Block(N, (Run("två"),), level=1)


def test_restart_and_continue_the_numbering_from_the_menu(
    qtbot: QtBot, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    blocks = (
        Block.plain(N, "ett"),
        Block.plain(N, "två"),
        Block.plain(P, "Dessutom:"),
        Block.plain(N, "tre"),
        Block.plain(N, "fyra"),
    )
    step = open_section(window, store, "bakgrund", blocks)
    doc = step.editor.text_edit.document()
    third = doc.findBlockByNumber(3)
    assert third.textList().itemNumber(third) == 2  # "3.": it continues after the paragraph
    put_cursor(step, 3, 1)
    menu = step.editor.text_edit.context_menu(QPoint(1, 1))
    numbering = next(a for a in menu.actions() if a.text() == "Numrering").menu()
    assert isinstance(numbering, QMenu)
    restart = next(a for a in numbering.actions() if a.text() == "Starta om numreringen")
    assert restart.isEnabled()
    restart.trigger()
    stored = stored_section(window, store, "bakgrund").blocks
    assert [b.start for b in stored] == [None, None, None, 1, None]
    third = doc.findBlockByNumber(3)
    fourth = doc.findBlockByNumber(4)
    assert third.textList().itemNumber(third) == 0 and fourth.textList().itemNumber(fourth) == 1

    messages.texts.append("7")
    step.editor.extra.start_at_action.trigger()  # Numrering > Numrera från…
    assert messages.defaults[-1] == "1"
    assert [b.start for b in stored_section(window, store, "bakgrund").blocks][3] == 7
    assert doc.findBlockByNumber(3).textList().format().start() == 7

    messages.texts.append("sju")
    step.editor.extra.start_at_action.trigger()
    assert messages.errors and "1 till 999" in messages.errors[-1]

    put_cursor(step, 3)
    assert step.editor.extra.continue_action.isEnabled()
    step.editor.extra.continue_action.trigger()
    assert [b.start for b in stored_section(window, store, "bakgrund").blocks] == [None] * 5
    third = doc.findBlockByNumber(3)
    assert third.textList().itemNumber(third) == 2
    key(step, Qt.Key.Key_Z, CONTROL)  # the continue undone: it restarts at 7 again
    assert stored_section(window, store, "bakgrund").blocks[3].start == 7


def test_enter_after_a_restarting_item_continues_its_numbering(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    blocks = (Block.plain(N, "ett"), Block.plain(P, "text"), Block(N, (Run("nytt"),), start=1))
    step = open_section(window, store, "bakgrund", blocks)
    put_cursor(step, 2, 4)
    key(step, Qt.Key.Key_Return)
    for ch in "och mer":
        key(step, Qt.Key(ord(ch.upper())) if ch != " " else Qt.Key.Key_Space)
    stored = stored_section(window, store, "bakgrund").blocks
    assert [(b.text.lower(), b.start) for b in stored][2:] == [("nytt", 1), ("och mer", None)]


def test_sub_heading_levels(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    step = open_section(
        window, store, "bakgrund", (Block.plain(P, "Kapitel"), Block.plain(P, "Avsnitt"))
    )
    put_cursor(step, 0)
    key(step, Qt.Key.Key_R, CONTROL | SHIFT)  # Underrubrik
    put_cursor(step, 1)
    step.editor.heading2_action.trigger()  # Underrubrik 2, from the toolbar's action
    stored = stored_section(window, store, "bakgrund").blocks
    assert [(b.kind, b.level) for b in stored] == [(H, 1), (H, 2)]
    doc = step.editor.text_edit.document()
    one, two = doc.findBlockByNumber(0), doc.findBlockByNumber(1)
    size = QTextFormat.Property.FontSizeAdjustment
    one_fmt, two_fmt = one.begin().fragment().charFormat(), two.begin().fragment().charFormat()
    # Visibly ranked: the sub-heading is larger than the sub-sub-heading, both bold.
    assert one_fmt.intProperty(size) > two_fmt.intProperty(size)
    assert two_fmt.fontWeight() >= QFont.Weight.DemiBold
    assert one.blockFormat().headingLevel() < two.blockFormat().headingLevel()
    assert step.editor.heading2_action.isChecked()
    put_cursor(step, 1)
    step.editor.kind_actions[H].trigger()  # Underrubrik on a level-2 heading: level 1
    assert stored_section(window, store, "bakgrund").blocks[1].level == 1
    step.editor.kind_actions[H].trigger()  # again: back to body text
    assert stored_section(window, store, "bakgrund").blocks[1].kind is P
    key(step, Qt.Key.Key_Z, CONTROL)
    key(step, Qt.Key.Key_Z, CONTROL)
    assert stored_section(window, store, "bakgrund").blocks[1] == Block(
        H, (Run("Avsnitt"),), level=2
    )
