"""A received review worked in change by change in the app, as a user does it: Ta emot
granskad version…, the changes panel below the text (Godta, Avvisa, Godta alla, Ctrl+Z),
the changes marked in place; and the review copy's bar with Skicka tillbaka."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from beslut.checks.findings import Location
from beslut.checks.fixes import replace_ranges
from beslut.model.comments import Comment
from beslut.model.draft import Block, BlockKind, Draft, Run
from beslut.model.jsonio import dumps
from beslut.review import Change, Kind
from beslut.store import Store
from beslut.ui.changes_flow import ChangesController
from beslut.ui.changes_panel import ChangesPanel
from beslut.ui.main_window import MainWindow
from beslut.ui.richtext.convert import document_to_blocks
from beslut.ui.richtext.editor import SectionEditor
from beslut.workflow.changes import changes
from beslut.workflow.review_copy import MARK
from beslut.workflow.versions import list_versions
from tests.ui.helpers import receive_review
from tests.ui.scripted import ScriptedMessages

LEFT = Qt.MouseButton.LeftButton
GONE = " i tre simhallar"
ADDED = " Det här är nytt."


def _text(draft: Draft, part: str, index: int) -> str:
    section = draft.section(part)
    assert section is not None
    return section.blocks[index].text


def _edit(draft: Draft, part: str, index: int, old: str, new: str) -> Draft:
    text = _text(draft, part, index)
    start = text.index(old) if old else len(text)
    loc = Location(part, index, "", start, start + len(old))
    return replace_ranges(draft, loc, [(start, start + len(old), new)])


def _reviewed(store: Store, folder: Path) -> Path:
    """Draft 1 as a colleague sends it back: a deletion, a replacement, an insertion."""
    draft = store.load_draft(1)
    draft = _edit(draft, "sammanfattning", 1, GONE, "")
    draft = _edit(draft, "bakgrund", 0, "200 meter", "250 meter")
    draft = _edit(draft, "bakgrund", 1, "", ADDED)
    path = folder / "Eva Ek.beslut"
    path.write_text(dumps(draft, store.files_for(draft)), encoding="utf-8")
    return path


def _fresh(store: Store) -> tuple[Draft, list[Change]]:
    with Store.open(store.path) as fresh:
        return fresh.load_draft(1), changes(fresh, 1)


def _received(window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path,
              qtbot: QtBot) -> ChangesController:  # fmt: skip
    window.open_draft(1)
    controller = receive_review(window, messages, _reviewed(store, tmp_path), qtbot)
    return controller


def _wait(qtbot: QtBot, controller: ChangesController) -> None:
    qtbot.waitUntil(lambda: not controller.busy)


def _row(panel: ChangesPanel, kind: Kind) -> Change:
    shown = [c for c in panel._changes if c.kind is kind]
    assert len(shown) == 1, panel._changes
    panel.choose(shown[0].number)
    return shown[0]


def test_receiving_keeps_the_text_and_lists_the_changes(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    before = store.load_draft(1)
    controller = _received(window, store, messages, tmp_path, qtbot)
    assert messages.filters[-1] == "Granskad version (*.beslut *.docx)"
    draft, found = _fresh(store)
    assert draft == before  # nothing replaced
    assert sorted(c.kind for c in found) == sorted([Kind.DELETE, Kind.REPLACE, Kind.INSERT])
    tree = controller.panel.tree
    assert tree.topLevelItemCount() == 3
    texts = [tree.topLevelItem(r).text(4) for r in range(3)]  # type: ignore[union-attr]
    assert "”200” → ”250”" in texts and f"− ”{GONE.strip()}”" in texts
    assert all(tree.topLevelItem(r).text(3) == "Eva Ek" for r in range(3))  # type: ignore[union-attr]
    assert "3 föreslagna ändringar" in window.statusBar().currentMessage()


def test_changes_are_marked_in_place_without_changing_the_text(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = _received(window, store, messages, tmp_path, qtbot)
    editor = controller.editor
    summary = editor.step_for("sammanfattning")
    background = editor.step_for("bakgrund")
    assert summary is not None and background is not None
    edit = summary.editor.text_edit  # type: ignore[attr-defined]
    before = edit.toPlainText()
    struck = [s for s in edit.extraSelections() if s.format.fontStrikeOut()]
    assert [s.cursor.selectedText().strip() for s in struck] == [GONE.strip()]
    assert struck[0].format.foreground().color().name() == "#b3261e"
    assert edit.toPlainText() == before
    marks = background.editor.text_edit.marks  # type: ignore[attr-defined]
    said = [text for _cursor, text in marks.changes]
    assert f"Infogat av Eva Ek: ”{ADDED.strip()}”" in said
    assert "Ersatt av Eva Ek med: ”250”" in said


def test_godta_and_avvisa_one_change_each_then_ctrl_z(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = _received(window, store, messages, tmp_path, qtbot)
    panel = controller.panel
    _row(panel, Kind.REPLACE)
    QTest.mouseClick(panel.accept_button, LEFT)
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    assert "250 meter" in _text(draft, "bakgrund", 0)
    assert sorted(c.kind for c in found) == sorted([Kind.DELETE, Kind.INSERT])
    editor = controller.editor
    assert "250 meter" in _text(editor.collect(), "bakgrund", 0)  # the editor shows it
    assert "2 ändringar kvar." in window.statusBar().currentMessage()

    _row(panel, Kind.DELETE)
    QTest.mouseClick(panel.reject_button, LEFT)
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    assert GONE in _text(draft, "sammanfattning", 1)  # the text keeps it
    assert [c.kind for c in found] == [Kind.INSERT]
    assert panel.tree.topLevelItemCount() == 1

    panel.tree.setFocus()
    QTest.keySequence(panel.tree, QKeySequence(QKeySequence.StandardKey.Undo))
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    assert sorted(c.kind for c in found) == sorted([Kind.DELETE, Kind.INSERT])
    assert "250 meter" in _text(draft, "bakgrund", 0)
    assert panel.tree.topLevelItemCount() == 2

    QTest.keySequence(panel.tree, QKeySequence(QKeySequence.StandardKey.Undo))
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    assert "200 meter" in _text(draft, "bakgrund", 0) and len(found) == 3
    assert "200 meter" in _text(editor.collect(), "bakgrund", 0)


def test_godta_alla_keeps_a_version_named_with_the_reviewer(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    reviewed = store.load_draft(1)
    path = _reviewed(store, tmp_path)
    controller = _received(window, store, messages, tmp_path, qtbot)
    QTest.mouseClick(controller.panel.accept_all, LEFT)
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    with Store.open(store.path) as fresh:
        expected = fresh.load_draft(1)
        assert fresh.get_review(1) is None
    assert found == [] and draft == expected != reviewed
    assert ADDED in _text(draft, "bakgrund", 1) and GONE not in _text(draft, "sammanfattning", 1)
    newest = list_versions(store, 1)[0]
    assert newest.label == "Granskad av Eva Ek"
    message = window.statusBar().currentMessage()
    assert message == f"Granskningen är klar; texten finns som version {newest.id}."
    assert controller.editor.collect().sections == draft.sections
    assert path.exists()


def test_a_pending_review_shows_again_when_the_draft_is_opened(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    _received(window, store, messages, tmp_path, qtbot)
    window.back_to_list()
    window.open_draft(1)
    editor = window.editor
    assert editor is not None
    controller = editor.findChild(ChangesController)
    assert isinstance(controller, ChangesController)
    qtbot.waitUntil(lambda: controller.panel.tree.topLevelItemCount() == 3)


def test_the_review_copy_says_so_and_sends_itself_back(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    window.open_draft(1)
    messages.files.append(tmp_path / "till granskning")
    window.act_send_review.trigger()
    sent = tmp_path / "till granskning.beslut"
    assert json.loads(sent.read_text(encoding="utf-8"))[MARK] == {"owner": "Sara Lindqvist"}
    messages.opened.append([sent])
    window.act_open_file.trigger()
    assert window.draft_id == 2
    banner = window.banner
    assert banner.isVisible() and "Sara Lindqvist" in banner.label.text()
    assert banner.action_button.isVisible()
    assert banner.action_button.text().replace("&", "") == "Skicka tillbaka"
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.decisions)
    copy = editor.collect()
    changed = _edit(copy, "bakgrund", 0, "200 meter", "250 meter")
    editor.step_for("bakgrund").take_from(changed, "test")  # type: ignore[union-attr]
    QTest.mouseClick(banner.action_button, LEFT)
    back = tmp_path / "till granskning granskad.beslut"
    root = json.loads(back.read_text(encoding="utf-8"))
    assert MARK not in root and "250 meter" in json.dumps(root, ensure_ascii=False)
    assert str(back) in window.statusBar().currentMessage()
    window.back_to_list()
    assert not banner.isVisible()

    window.open_draft(1)  # the owner receives it
    assert not banner.isVisible()
    messages.opened.append([back])
    window.act_receive_review.trigger()
    assert [c.new for c in _fresh(store)[1]] == ["250"]


def test_the_panel_is_worked_from_the_keyboard(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = _received(window, store, messages, tmp_path, qtbot)
    panel = controller.panel
    names = [b.accessibleName() for b in panel._buttons()]
    assert names == [
        "Godta den valda ändringen",
        "Avvisa den valda ändringen",
        "Godta alla ändringar",
        "Avvisa alla ändringar",
    ]
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Down)  # the second change: the replacement
    assert panel.chosen() is not None and panel.chosen().kind is Kind.REPLACE  # type: ignore[union-attr]
    QTest.keyClick(panel.tree, Qt.Key.Key_Tab)
    assert panel.accept_button.hasFocus()
    QTest.keyClick(panel.accept_button, Qt.Key.Key_Space)
    _wait(qtbot, controller)
    assert "250 meter" in _text(_fresh(store)[0], "bakgrund", 0)
    assert panel.accept_button.hasFocus()  # the focus stays where the user works


def test_a_review_done_in_word_comes_back_change_by_change(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    """Ta emot granskad version… with a .docx edited in Word (tracked changes with their
    authors and a comment): the changes listed with the author, the comment in the draft."""
    from beslut.settings import Settings
    from beslut.workflow.exporting import export_stored
    from tests.review.wordedit import WordEdit

    exported = export_stored(store, 1, tmp_path / "tu.docx", Settings()).written[0]
    edit = WordEdit(exported)
    edit.replace("Enligt läroplanen", "200 meter", "250 meter", "Anna Chef")
    edit.comment("Enligt läroplanen", "simma", "Bo Kollega", "Stämmer det?")
    reviewed = edit.save(tmp_path / "granskad.docx")
    before = store.load_draft(1)
    window.open_draft(1)
    receive_review(window, messages, reviewed, qtbot)
    draft, found = _fresh(store)
    assert draft.sections == before.sections  # the text untouched
    assert [(c.old, c.new, c.author) for c in found] == [("200", "250", "Anna Chef")]
    assert [(c.author, c.text) for c in draft.comments] == [("Bo Kollega", "Stämmer det?")]


def test_godta_in_a_long_section_changes_the_text_in_place(
    window: MainWindow,
    store: Store,
    messages: ScriptedMessages,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long = store.load_draft(1)
    section = long.section("bakgrund")
    assert section is not None
    paragraphs = tuple(
        Block(BlockKind.PARAGRAPH, (Run(f"Stycke {n} om simhallar."),)) for n in range(80)
    )
    long = dataclasses.replace(
        long,
        sections=tuple(
            dataclasses.replace(s, blocks=(*s.blocks, *paragraphs)) if s is section else s
            for s in long.sections
        ),
    )
    store.save_draft(1, long)
    window.open_draft(1)
    reviewed = _edit(long, "bakgrund", len(section.blocks) + 60, "om", "kring")
    path = tmp_path / "Eva Ek.beslut"
    path.write_text(dumps(reviewed, store.files_for(reviewed)), encoding="utf-8")
    controller = receive_review(window, messages, path, qtbot)
    editor = controller.editor
    step = editor.step_for("bakgrund")
    assert step is not None
    loads: list[object] = []
    monkeypatch.setattr(SectionEditor, "set_blocks", lambda *a: loads.append(a))

    _row(controller.panel, Kind.REPLACE)
    QTest.mouseClick(controller.panel.accept_button, LEFT)
    _wait(qtbot, controller)
    draft, found = _fresh(store)
    assert not found and "Stycke 60 kring simhallar." in _text(draft, "bakgrund", -20)
    assert step.editor.blocks() == draft.section("bakgrund").blocks  # type: ignore[attr-defined,union-attr]
    assert not loads  # made in place, not loaded again
    doc = step.editor.text_edit.document()  # type: ignore[attr-defined]
    assert document_to_blocks(doc) == draft.section("bakgrund").blocks  # type: ignore[union-attr]
    assert not doc.isUndoAvailable()  # no step of the user's typing to undo
    assert not window.autosaver.pending  # and no edit for autosave to save


def test_godta_keeps_the_comments_of_the_text_where_the_stored_draft_has_them(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    draft = store.load_draft(1)
    text = _text(draft, "bakgrund", 0)

    def on(words: str, n: int) -> Comment:
        start = text.index(words)
        return Comment(f"c{n}", "bakgrund", 0, "", start, start + len(words), "Eva Ek",
                       "2026-12-01T10:00:00", f"Kommentar {n}")  # fmt: skip

    before = text.index("200")
    comments = (
        on("varav 50 meter", 1),  # after the change
        on("simma 200 meter", 2),  # around it
        Comment("c3", "bakgrund", 0, "", 0, before, "Eva Ek", "2026-12-01T10:00:00", "Fram till"),
    )
    store.save_draft(1, dataclasses.replace(draft, comments=comments))
    window.open_draft(1)
    reviewed = _edit(store.load_draft(1), "bakgrund", 0, "200 meter", "minst 200 meter")
    path = tmp_path / "Eva Ek.beslut"
    path.write_text(dumps(reviewed, store.files_for(reviewed)), encoding="utf-8")
    controller = receive_review(window, messages, path, qtbot)
    editor = controller.editor

    controller.panel.choose(controller.shown.changes[0].number)  # type: ignore[union-attr]
    QTest.mouseClick(controller.panel.accept_button, LEFT)
    _wait(qtbot, controller)
    stored, found = _fresh(store)
    assert not found
    now = _text(stored, "bakgrund", 0)
    said = {c.id: now[c.start : c.end] for c in stored.comments}
    assert said["c1"] == "varav 50 meter"
    assert said["c2"] == "simma minst 200 meter"
    assert said["c3"] == now[: now.index("minst")]  # what is written at its end is not in it
    shown = sorted(editor.collect().comments, key=lambda c: c.id)
    assert shown == sorted(stored.comments, key=lambda c: c.id)  # the editor shows the same
