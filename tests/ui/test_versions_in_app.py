"""Versions and the review round trip in the app, as a user does them: Versioner
(Ctrl+Skift+H) lists every version and compares it with the text or another version,
inserted words underlined, deleted ones struck through, unchanged parts folded;
Återställ asks, keeps the current text and shows the restored one, which autosave then
keeps; Skicka för granskning writes a .beslut file; Ta emot granskad version replaces the
text (asking about a file of another draft) and shows the changes; Arkiv > Öppna fil…
and a file dropped on the window open a .beslut file as a new draft."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from beslut.model.draft import Draft
from beslut.model.jsonio import dumps
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.versions_view import VersionsDialog
from beslut.workflow.versions import Made, list_versions
from tests.ui.helpers import click, type_text
from tests.ui.scripted import ScriptedMessages

TITLE = "Avgiftsfri simskola för barn i årskurs 1–3 från 2028"


def _open(window: MainWindow) -> None:
    window.open_draft(1)
    assert window.editor is not None


def _retitle(window: MainWindow, words: str) -> None:
    editor = window.editor
    assert editor is not None
    editor.go_to_step(editor.metadata)
    editor.metadata.title_edit.end(False)
    type_text(editor.metadata.title_edit, words)


def _versions_dialog(window: MainWindow) -> VersionsDialog:
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+H"))
    dialog = window.versions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _format_of(view: QTextBrowser, word: str) -> tuple[bool, bool]:
    """(underlined, struck through) of ``word`` where the comparison shows it."""
    cursor = view.document().find(word)
    assert not cursor.isNull(), f"{word!r} not shown"
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    fmt = cursor.charFormat()
    return fmt.fontUnderline(), fmt.fontStrikeOut()


def _stored(store: Store, draft_id: int = 1) -> Draft:
    with Store.open(store.path) as fresh:
        return fresh.load_draft(draft_id)


def test_versioner_lists_every_version_and_compares_with_the_text(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    _open(window)
    messages.texts.append("Till chefen")
    window.act_version.trigger()  # Spara version… named by the user
    _retitle(window, " simhallar")  # typed, not yet saved
    dialog = _versions_dialog(window)
    with Store.open(store.path) as fresh:
        versions = list_versions(fresh, 1)
    assert len(versions) == dialog.tree.topLevelItemCount() >= 1
    first = dialog.tree.topLevelItem(0)
    assert first is not None
    assert (first.text(1), first.text(2)) == ("Till chefen", "Spara version")
    assert _format_of(dialog.view, "simhallar") == (True, False)  # inserted: underlined
    shown = dialog.view.toPlainText()
    assert "Bakgrund: oförändrat" in shown  # folded to its heading
    assert "Var fjärde elev" not in shown  # the Sammanfattning's unchanged text is folded
    assert _stored(store).meta.title == TITLE + " simhallar"  # saved before comparing
    click(dialog, "Stäng")
    assert window.versions.dialog is None


def test_two_versions_compared_show_deleted_words_struck_through(
    window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    _open(window)
    messages.texts += ["Första", "Andra"]
    window.act_version.trigger()
    editor = window.editor
    assert editor is not None
    editor.metadata.set_title("Simskola för alla")
    window.act_version.trigger()
    second, first = (v.id for v in list_versions(store, 1)[:2])  # newest first
    dialog = _versions_dialog(window)
    dialog.choose(first, against=second)
    assert _format_of(dialog.view, "årskurs") == (False, True)  # deleted: struck through
    assert _format_of(dialog.view, "alla") == (True, False)
    dialog.choose(second, against=second)
    assert "Inga skillnader" in dialog.view.toPlainText()


def test_restore_asks_keeps_the_text_and_the_editor_shows_the_version(
    window: MainWindow, store: Store, messages: ScriptedMessages, qtbot: QtBot
) -> None:
    _open(window)
    messages.texts.append("Före ändringen")
    window.act_version.trigger()
    _retitle(window, " ändrad")
    dialog = _versions_dialog(window)
    click(dialog, "Återställ den här versionen")  # answered no
    assert len(messages.asked) == 2 and _stored(store).meta.title == TITLE + " ändrad"
    messages.answers.append(True)
    click(dialog, "Återställ den här versionen")
    assert window.versions.dialog is None
    editor = window.editor
    assert editor is not None
    assert editor.metadata.title_edit.text() == TITLE
    assert _stored(store).meta.title == TITLE
    made = [(v.made, v.label) for v in list_versions(store, 1)]
    assert made[0][0] is Made.RESTORE and "Före återställning" in made[0][1]
    assert _newest_version_title(store) == TITLE + " ändrad"  # the text before is kept
    _retitle(window, " igen")  # autosave goes on from the restored text
    assert window.autosaver.flush() is None
    assert _stored(store).meta.title == TITLE + " igen"
    with Store.open(store.path) as fresh:
        assert len(fresh.list_drafts()) == 1  # no conflict copy


def _newest_version_title(store: Store) -> str:
    with Store.open(store.path) as fresh:
        newest = fresh.list_revisions(1)[0].id
        return fresh.load_revision(newest).meta.title


def _reviewed(store: Store, folder: Path, *, title: str = "", dnr: str = "") -> Path:
    """The draft as a colleague sends it back: a changed decision point (and the title
    or Dnr given)."""
    draft = store.load_draft(1)
    meta = draft.meta
    changed = dataclasses.replace(
        draft,
        meta=dataclasses.replace(meta, title=title or meta.title, dnr=dnr or meta.dnr),
        decisions=("Idrottsnämnden inför avgiftsfri simskola för alla barn.", *draft.decisions[1:]),
    )
    path = folder / "granskad.beslut"
    path.write_text(dumps(changed, store.files_for(changed)), encoding="utf-8")
    return path


def test_send_for_review_writes_a_beslut_file_and_keeps_a_version(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    _open(window)
    _retitle(window, " skickad")
    messages.files.append(tmp_path / "till granskning")
    window.act_send_review.trigger()
    sent = tmp_path / "till granskning.beslut"
    assert TITLE + " skickad" in sent.read_text(encoding="utf-8")
    newest = list_versions(store, 1)[0]
    assert newest.made is Made.REVIEW and "till granskning.beslut" in newest.label
    assert "granskning" in window.statusBar().currentMessage()


def test_a_file_of_another_draft_is_asked_about(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    _open(window)
    path = _reviewed(store, tmp_path, dnr="IDN 2026/999")
    messages.opened += [[path], [path]]
    window.act_receive_review.trigger()  # answered no
    assert "IDN 2026/999" in messages.asked[-1]
    with Store.open(store.path) as fresh:
        assert fresh.get_review(1) is None
    messages.answers.append(True)
    window.act_receive_review.trigger()
    with Store.open(store.path) as fresh:  # kept as a review; the text untouched
        review = fresh.get_review(1)
        assert review is not None and review.received.meta.dnr == "IDN 2026/999"
    assert _stored(store).meta.dnr == "IDN 2026/251"


def test_open_file_opens_a_beslut_file_as_a_new_draft(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path
) -> None:
    path = _reviewed(store, tmp_path, title="Från en kollega")
    messages.opened.append([path])
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert window.draft_id == 2
    assert _stored(store, 2).meta.title == "Från en kollega"


def test_a_beslut_file_dropped_on_the_editor_opens(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    _open(window)
    path = _reviewed(store, tmp_path, title="Släppt fil")
    editor = window.editor
    assert editor is not None
    _drop(editor.step_list.viewport(), path)
    assert window.draft_id == 2 and _stored(store, 2).meta.title == "Släppt fil"


def test_a_beslut_file_dropped_on_the_list_opens(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    path = _reviewed(store, tmp_path, title="Släppt på listan")
    _drop(window.list_page.table.viewport(), path)
    assert window.draft_id == 2 and _stored(store, 2).meta.title == "Släppt på listan"
    assert "1 utkastfil är öppnad." in window.statusBar().currentMessage()


def _drop(target: QWidget, path: Path) -> None:
    """Drag ``path`` over ``target`` and drop it there, as the desktop does."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(target.rect().center())
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), copy, data, left, none)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(where, copy, data, left, none))


def test_a_read_only_database_shows_versions_but_changes_nothing(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    store.add_revision(1, "Till chefen")
    with Store.open(store.path, read_only=True) as reading:
        qsettings = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)
        window = MainWindow(reading, qsettings, messages=ScriptedMessages())
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # the shortcut goes to the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        _open(window)
        assert not window.act_receive_review.isEnabled()
        assert not window.act_send_review.isEnabled() and not window.act_open_file.isEnabled()
        dialog = _versions_dialog(window)
        assert dialog.tree.topLevelItemCount() == 1
        assert not dialog.restore_button.isVisibleTo(dialog)
        dialog.reject()
        window.close()
