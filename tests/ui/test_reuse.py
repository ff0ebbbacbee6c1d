"""Reuse while writing, as a user does it: Ctrl+Shift+Space, typing a few words, Up,
Down, Enter or a click; what was inserted is read back from a fresh Store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.reuse import PhrasePicker
from beslut.ui.steps.section import SectionStep
from tests.ui.helpers import type_text
from tests.ui.scripted import ScriptedMessages

REUSE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
BOLD = Block(
    BlockKind.PARAGRAPH,
    (Run("Eriksdalsbadet byggdes 1962 och "), Run("behöver rustas upp", bold=True), Run(".")),
)
TABLE = Block(
    BlockKind.TABLE,
    rows=(((Run("Bassäng"),), (Run("Längd"),)), ((Run("Stora"),), (Run("50 meter"),))),
    header_rows=1,
)


def _earlier(title: str, points: tuple[str, ...], *blocks: Block) -> Draft:
    meta = Metadata(title=title, namnd="Idrottsnämnden", doctype="beslutsarende")
    return Draft(meta, decisions=points, sections=(Section("bakgrund", "Bakgrund", blocks),))


@pytest.fixture
def earlier(store: Store) -> list[int]:
    """Two earlier drafts beside the example (draft 1), and one in the trash."""
    ids = [
        store.create_draft(
            _earlier(
                "Upprustning av Eriksdalsbadet",
                ("Idrottsnämnden godkänner förstudien för Eriksdalsbadet.",),
                BOLD,
                TABLE,
            )
        ),
        store.create_draft(
            _earlier(
                "Konstgräsplan i Kista",
                ("Idrottsnämnden godkänner inriktningsbeslutet för Kista.",),
                Block.plain(BlockKind.BULLET, "Planen rustas för vinterbruk."),
            )
        ),
        store.create_draft(
            _earlier("Kastad", ("Idrottsnämnden godkänner det kastade förslaget.",))
        ),
    ]
    store.delete_draft(ids[-1])
    return ids


def _fresh(store: Store, window: MainWindow) -> Draft:
    assert window.autosaver.flush() is None
    assert window.draft_id is not None
    with Store.open(store.path) as fresh:
        return fresh.load_draft(window.draft_id)


def _wait_for(qtbot: QtBot, picker: PhrasePicker, first: str) -> None:
    """Until the hits of the text typed are in the list, ``first`` first (not those of
    the empty field, searched when it was shown)."""
    qtbot.waitUntil(
        lambda: picker.settled() and bool(picker.hits) and picker.hits[0].text.startswith(first)
    )


def _open(window: MainWindow) -> None:
    window.open_draft(1)
    assert window.editor is not None


def _decisions_picker(qtbot: QtBot, window: MainWindow) -> PhrasePicker:
    """Ctrl+Shift+Space in Förslag till beslut: the focus goes to "Tidigare beslut…"."""
    assert window.editor is not None
    step = window.editor.decisions
    window.editor.go_to_step(step)
    qtbot.waitUntil(lambda: step.isAncestorOf(QApplication.focusWidget() or window))
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_Space, REUSE)
    picker = step.earlier
    assert picker is not None
    assert QApplication.focusWidget() is picker.field
    return picker


def _search_decisions(qtbot: QtBot, window: MainWindow, typed: str, first: str) -> PhrasePicker:
    """Ctrl+Shift+Space, ``typed`` typed, and its hits listed with ``first`` first."""
    picker = _decisions_picker(qtbot, window)
    type_text(picker.field, typed)
    _wait_for(qtbot, picker, first)
    return picker


def test_an_earlier_decision_is_found_by_typing_and_inserted_with_enter(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    before = _fresh(store, window).decisions
    picker = _search_decisions(qtbot, window, "förstud", "Idrottsnämnden godkänner förstudien")
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    stored = _fresh(store, window).decisions
    # After the point that was current (the first), as "Ny punkt" adds.
    assert stored == (
        before[0],
        "Idrottsnämnden godkänner förstudien för Eriksdalsbadet.",
        *before[1:],
    )
    # One undo step: Ctrl+Z in the window takes it out again.
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _fresh(store, window).decisions == before


def test_down_chooses_the_next_hit_and_the_trash_is_never_offered(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    picker = _decisions_picker(qtbot, window)
    type_text(picker.field, "idrottsnämnden godkänner")
    qtbot.waitUntil(lambda: picker.settled() and len(picker.hits) >= 2)
    texts = [hit.text for hit in picker.hits]
    assert not any("kastade" in text for text in texts)
    QTest.keyClick(picker.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.field  # typing goes on in the field
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    assert texts[1] in _fresh(store, window).decisions
    assert texts[0] not in _fresh(store, window).decisions


def test_a_click_on_a_hit_inserts_it_and_the_organisations_wording_is_marked(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    picker = _decisions_picker(qtbot, window)
    type_text(picker.field, "godkänner")
    qtbot.waitUntil(lambda: picker.settled() and any(hit.standard for hit in picker.hits))
    row = next(n for n, hit in enumerate(picker.hits) if hit.standard)
    item = picker.model.index(row)
    assert "Organisationens formulering" in item.data()
    own = [n for n, hit in enumerate(picker.hits) if not hit.standard]
    assert own and "Organisationens" not in picker.model.index(own[0]).data()
    rect = picker.list.visualRect(item)
    QTest.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert picker.hits[row].text in _fresh(store, window).decisions


def test_a_point_already_in_the_draft_is_not_offered_again(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    picker = _search_decisions(
        qtbot, window, "inriktningsbeslutet", "Idrottsnämnden godkänner inriktningsbeslutet"
    )
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.settled() and not picker.hits)  # searched again
    assert picker.status.text() == "Inga träffar för ”inriktningsbeslutet”."


def _text_step(window: MainWindow, key: str) -> SectionStep:
    assert window.editor is not None
    step = window.editor.step_for(key)
    assert isinstance(step, SectionStep)
    window.editor.go_to_step(step)
    return step


def _reuse_field(qtbot: QtBot, step: SectionStep) -> QLineEdit:
    """Ctrl+Shift+Space in the text: the dialog opens with its search field focused."""
    QTest.keyClick(step.editor.text_edit, Qt.Key.Key_Space, REUSE)
    dialog = step.reuse_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker.field)  # activated
    return dialog.picker.field


def test_an_earlier_paragraph_is_inserted_with_its_formatting_at_the_cursor(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    before = _fresh(store, window).section("bakgrund")
    assert before is not None
    step = _text_step(window, "bakgrund")
    edit = step.editor.text_edit
    QTest.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    field = _reuse_field(qtbot, step)
    type_text(field, "rustas upp")
    assert step.reuse_dialog is not None
    _wait_for(qtbot, step.reuse_dialog.picker, "Eriksdalsbadet byggdes")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert not step.reuse_dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)  # the window active again
    after = _fresh(store, window).section("bakgrund")
    assert after is not None
    assert after.blocks == (*before.blocks, BOLD)
    # Ctrl+Z in the text takes the paragraph out again: one step.
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = _fresh(store, window).section("bakgrund")
    assert undone is not None and undone.blocks == before.blocks


def test_a_paragraph_goes_in_as_a_block_of_its_own_before_the_text_at_the_cursor(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    before = _fresh(store, window).section("bakgrund")
    assert before is not None
    step = _text_step(window, "bakgrund")
    QTest.keyClick(step.editor.text_edit, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    field = _reuse_field(qtbot, step)
    type_text(field, "vinterbruk")
    assert step.reuse_dialog is not None
    _wait_for(qtbot, step.reuse_dialog.picker, "Planen rustas")
    QTest.keyClick(field, Qt.Key.Key_Return)
    after = _fresh(store, window).section("bakgrund")
    assert after is not None
    assert after.blocks == (Block.plain(BlockKind.BULLET, "Planen rustas för vinterbruk."),
                            *before.blocks)  # fmt: skip


def test_a_table_is_inserted_as_a_table_by_a_click(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    step = _text_step(window, "bakgrund")
    QTest.keyClick(step.editor.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    field = _reuse_field(qtbot, step)
    type_text(field, "bassäng")
    dialog = step.reuse_dialog
    assert dialog is not None
    qtbot.waitUntil(
        lambda: dialog.picker.settled() and [hit.block for hit in dialog.picker.hits] == [TABLE]
    )
    assert "Bassäng" in dialog.preview.toPlainText()  # the preview shows the table
    rect = dialog.picker.list.visualRect(dialog.picker.model.index(0))
    QTest.mouseClick(dialog.picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    after = _fresh(store, window).section("bakgrund")
    assert after is not None and after.blocks[-1] == TABLE


def test_esc_closes_the_dialog_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    before = _fresh(store, window)
    step = _text_step(window, "sammanfattning")
    field = _reuse_field(qtbot, step)
    type_text(field, "xyzzy")
    QTest.keyClick(field, Qt.Key.Key_Escape)  # empties the field
    QTest.keyClick(field, Qt.Key.Key_Escape)  # closes
    assert step.reuse_dialog is not None and not step.reuse_dialog.isVisible()
    assert _fresh(store, window).sections == before.sections


def test_a_failing_search_is_said_in_swedish_and_the_draft_is_kept(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    earlier: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import beslut.workflow.phrases as phrases

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise OSError("disk went away")

    monkeypatch.setattr(phrases, "find_phrases", broken)
    _open(window)
    before = _fresh(store, window)
    picker = _decisions_picker(qtbot, window)
    type_text(picker.field, "godkänner")
    qtbot.waitUntil(lambda: picker.status.text().startswith("Sökningen i tidigare utkast"))
    assert "Ett oväntat fel" in picker.status.text()
    QTest.keyClick(picker.field, Qt.Key.Key_Return)  # no hit: nothing happens
    assert _fresh(store, window).decisions == before.decisions


def test_a_read_only_database_offers_nothing_to_insert(
    qtbot: QtBot, store: Store, tmp_path: Path, earlier: list[int], messages: ScriptedMessages
) -> None:
    read_only = Store.open(store.path, read_only=True)
    qsettings = QSettings(str(tmp_path / "ro.ini"), QSettings.Format.IniFormat)
    win = MainWindow(read_only, qsettings, messages=messages)
    qtbot.addWidget(win)
    win.show()
    win.open_draft(1)
    assert win.editor is not None
    before = win.editor.decisions.list.values
    picker = _decisions_picker(qtbot, win)
    assert picker.field.isReadOnly()
    # The empty field's hits are listed (reading is allowed); taking one is not.
    qtbot.waitUntil(lambda: picker.settled() and bool(picker.hits))
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    rect = picker.list.visualRect(picker.model.index(0))
    QTest.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.editor.decisions.list.values == before
    step = _text_step(win, "bakgrund")
    QTest.keyClick(step.editor.text_edit, Qt.Key.Key_Space, REUSE)
    assert step.reuse_dialog is None
    assert win.editor.decisions.list.values == before
    read_only.close()


def test_the_dialog_is_the_same_one_next_time_and_searches_afresh(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    step = _text_step(window, "bakgrund")
    field = _reuse_field(qtbot, step)
    type_text(field, "rustas upp")
    dialog = step.reuse_dialog
    assert dialog is not None
    _wait_for(qtbot, dialog.picker, "Eriksdalsbadet")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert dialog.picker.field.text() == "rustas upp"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is step.editor.text_edit)
    with qtbot.waitSignal(dialog.picker.hits_shown):
        again = _reuse_field(qtbot, step)
    assert step.reuse_dialog is dialog and again is field
    assert field.selectedText() == "rustas upp"  # typing replaces the last search
    # The paragraph is the draft's own now: not offered again.
    assert not any(hit.text.startswith("Eriksdalsbadet") for hit in dialog.picker.hits)


def test_the_button_opens_the_dialog_too(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    from tests.ui.helpers import click

    _open(window)
    step = _text_step(window, "bakgrund")
    click(step, "Återanvänd text")
    dialog = step.reuse_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker.field)


def test_only_the_newest_texts_hits_are_shown(
    qtbot: QtBot, store: Store, earlier: list[int]
) -> None:
    """Two searches asked for at once: the first is dropped, never shown after the
    second's hits (typing fast must not leave an old word's hits in the list)."""
    from beslut.parts import DECISIONS
    from beslut.ui.reuse import PhraseSearch

    search = PhraseSearch(store, DECISIONS, lambda: (None, None), lambda: ())
    shown: list[list[str]] = []
    search.found.connect(lambda hits: shown.append([hit.text for hit in hits]))
    search.search("förstudien")
    search.search("inriktningsbeslutet")
    qtbot.waitUntil(search.idle)
    search.wait()
    QApplication.processEvents()
    assert shown == [["Idrottsnämnden godkänner inriktningsbeslutet för Kista."]]


@pytest.mark.parametrize(
    "typed", ['"', "NEAR(a b", "*", "text : x OR part : y", "ä" * 3000, "- ^ ( ) : {}"]
)
def test_hostile_text_in_the_field_is_never_an_error(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int], typed: str
) -> None:
    """What FTS5 reads as syntax, and a page pasted into the field: hits or "Inga
    träffar", never a failure; Enter then changes nothing when there is no hit."""
    _open(window)
    before = _fresh(store, window).decisions
    picker = _decisions_picker(qtbot, window)
    picker.field.insert(typed)  # as a paste would
    qtbot.waitUntil(picker.settled)
    QApplication.processEvents()
    assert "misslyckades" not in picker.status.text()
    if not picker.hits:
        QTest.keyClick(picker.field, Qt.Key.Key_Return)
        assert _fresh(store, window).decisions == before


def test_the_hits_of_tidigare_beslut_take_room_only_while_in_use(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    assert window.editor is not None
    step = window.editor.decisions
    window.editor.go_to_step(step)
    picker = step.earlier
    assert picker is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is step.text)
    assert not picker.list.isVisible()  # the points keep their room
    _decisions_picker(qtbot, window)
    assert picker.list.isVisible()
    QTest.keyClick(picker.field, Qt.Key.Key_Tab)  # on to the hits: still shown
    assert QApplication.focusWidget() is picker.list and picker.list.isVisible()
    step.text.setFocus()  # elsewhere, nothing typed: hidden again
    qtbot.waitUntil(lambda: not picker.list.isVisible())
    type_text(picker.field, "godk")
    step.text.setFocus()  # a typed search stays in sight
    assert picker.list.isVisible()


def test_enter_before_the_hits_come_takes_the_first_of_the_newest(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    """Typing and Enter at once, as a fast typist does: the point inserted is the first
    hit of the whole word, never one of the empty field's hits still listed."""
    _open(window)
    picker = _decisions_picker(qtbot, window)
    qtbot.waitUntil(picker.settled)  # the empty field's hits are listed
    type_text(picker.field, "inriktningsbeslutet")
    QTest.keyClick(picker.field, Qt.Key.Key_Return)  # before the search came back
    expected = "Idrottsnämnden godkänner inriktningsbeslutet för Kista."
    qtbot.waitUntil(lambda: expected in _fresh(store, window).decisions)
    assert sum(point.startswith("Idrottsnämnden godkänner") for point in
               _fresh(store, window).decisions) == 1  # fmt: skip


def test_a_double_click_inserts_the_hit_once(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    before = _fresh(store, window).decisions
    picker = _search_decisions(qtbot, window, "förstudien", "Idrottsnämnden godkänner förstudien")
    center = picker.list.visualRect(picker.model.index(0)).center()
    QTest.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QTest.mouseDClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert len(_fresh(store, window).decisions) == len(before) + 1


def test_in_a_table_cell_the_paragraph_goes_in_after_the_table(
    qtbot: QtBot, window: MainWindow, store: Store, earlier: list[int]
) -> None:
    _open(window)
    assert window.editor is not None
    draft = window.editor.collect()
    section = draft.section("bakgrund")
    assert section is not None
    step = _text_step(window, "bakgrund")
    edit = step.editor.text_edit
    # A table of its own at the end of Bakgrund, the cursor in its first cell.
    QTest.keyClick(edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    edit.insert_blocks([TABLE])
    cursor = edit.textCursor()
    table = cursor.currentTable() or edit.document().rootFrame().childFrames()[-1]
    cursor.setPosition(table.firstPosition())
    edit.setTextCursor(cursor)
    field = _reuse_field(qtbot, step)
    type_text(field, "rustas upp")
    assert step.reuse_dialog is not None
    _wait_for(qtbot, step.reuse_dialog.picker, "Eriksdalsbadet byggdes")
    QTest.keyClick(field, Qt.Key.Key_Return)
    after = _fresh(store, window).section("bakgrund")
    assert after is not None
    assert after.blocks == (*section.blocks, TABLE, BOLD)
