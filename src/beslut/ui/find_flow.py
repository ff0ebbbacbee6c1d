"""Find and replace in the open draft: the find bar joined to the draft editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from beslut.checks.findings import Location
from beslut.errors import BeslutError
from beslut.i18n import _, ngettext
from beslut.model.draft import Draft
from beslut.ui.find_bar import FindBar
from beslut.ui.messages import message_for
from beslut.ui.steps.base import DraftStep
from beslut.ui.undo import ProxyCommand, route_undo
from beslut.workflow.find import (
    clean_replacement,
    find_all,
    next_match,
    replace_all,
    replace_one,
)

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor
    from beslut.ui.main_window import MainWindow


def find_or_search(window: MainWindow, *, replace: bool = False) -> None:
    """Ctrl+F (Ctrl+H with ``replace``): the find bar of the open draft while the editor
    shows; in the draft list, its search field as before."""
    editor = window.editor
    if editor is not None and window.pages.currentWidget() is editor:
        FindFlow.of(editor).open(replace=replace)
    elif not replace:
        window.list_page.focus_search()


class FindFlow(QObject):
    """What the find bar does to the draft: finds in all of it (Location by Location, in
    document order), shows a match in its step, replaces one or all as undoable steps."""

    def __init__(self, editor: DraftEditor) -> None:
        super().__init__(editor)
        self.setObjectName("findFlow")
        self.editor = editor
        self.bar = FindBar()
        self.bar.hide()
        layout = editor.layout()
        assert layout is not None
        layout.addWidget(self.bar)
        self.current: Location | None = None  # the match shown last
        # Replacements: Ctrl+Z in the bar's fields undoes the last one (all of "Ersätt
        # alla" in one step), whichever steps it changed.
        self.undo_stack = QUndoStack(self)
        route_undo(self.undo_stack, self.bar.find_edit, self.bar.replace_edit)
        self.bar.find_requested.connect(self.find)
        self.bar.query_changed.connect(self._query_changed)
        self.bar.replace_requested.connect(self.replace)
        self.bar.replace_all_requested.connect(self.replace_all)
        self.bar.closed.connect(self.close)
        for keys, backwards in (("F3", False), ("Shift+F3", True)):
            shortcut = QShortcut(QKeySequence(keys), editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda backwards=backwards: self._f3(backwards))

    @staticmethod
    def of(editor: DraftEditor) -> FindFlow:
        """The editor's find flow, made (with its bar) when first asked for."""
        found = editor.findChild(FindFlow, "findFlow")
        return found if isinstance(found, FindFlow) else FindFlow(editor)

    # --- opening and closing -------------------------------------------------------

    def open(self, *, replace: bool = False) -> None:
        """Show the bar (its replace row with ``replace``), the selected text as the query."""
        selected = _selected_text()
        if selected:
            self.bar.find_edit.setText(selected)
        writable = not self.editor.read_only
        self.bar.show_replace(replace)
        self.bar.set_replace_enabled(writable)
        self.bar.show()
        self._count()
        self.bar.focus_find()

    def close(self) -> None:
        """Esc: hide the bar; the focus back in the text (at the match shown last)."""
        self.bar.hide()
        self.editor.current_step().focus_first()

    def _f3(self, backwards: bool) -> None:
        if not self.bar.isVisible():
            self.open()
        if self.bar.find_edit.text():
            self.find(backwards)

    # --- finding -----------------------------------------------------------------------

    def _query_changed(self) -> None:
        self.current = None
        self._count()

    def _matches(self) -> tuple[Draft, list[Location]]:
        draft = self.editor.collect()
        return draft, find_all(draft, self.bar.query())

    def _count(self) -> None:
        """The label: how many matches the query has now (nothing for an empty query)."""
        if not self.bar.find_edit.text():
            self.bar.set_count("")
            return
        _draft, matches = self._matches()
        if matches:
            n = len(matches)
            self.bar.set_count(ngettext("{n} träff", "{n} träffar", n).format(n=n))
        else:
            self.bar.set_count(_("Hittades inte"), found=False)

    def find(self, backwards: bool = False) -> None:
        """Nästa / Föregående: show the next (previous) match, wrapping round."""
        draft, matches = self._matches()
        self._go(draft, matches, self.current, backwards=backwards)

    def _go(
        self,
        draft: Draft,
        matches: list[Location],
        after: Location | None,
        *,
        backwards: bool = False,
    ) -> None:
        target = next_match(draft, matches, after, backwards=backwards)
        if target is None:
            self.current = None
            self._count()
            return
        self.current = target
        self._show(target)
        self.bar.set_count(
            _("{n} av {total}").format(n=matches.index(target) + 1, total=len(matches))
        )

    def _show(self, where: Location) -> None:
        """Select the match in its step, then the focus back in the find field (so Enter
        goes on to the next)."""
        step = self.editor.step_for(where.part)
        if step is None:
            return
        self.editor.go_to_step(step)
        step.reveal(where)
        field = QApplication.focusWidget()
        if isinstance(field, QLineEdit) and where.start is not None and where.end is not None:
            field.setSelection(where.start, where.end - where.start)  # a title, a heading
        # As a popup's focus: a line edit deselects its text on any other focus out.
        self.bar.find_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    # --- replacing -------------------------------------------------------------------

    def replace(self) -> None:
        """Ersätt: replace the match shown, then show the next; with none shown (or the
        text moved on), show the next match first, as Word does."""
        if self.editor.read_only:
            return
        query = self.bar.query()
        draft, matches = self._matches()
        current = self.current
        if current is None or current not in matches:
            self._go(draft, matches, current)
            return
        try:
            new = replace_one(draft, current, query, self.bar.replacement())
        except BeslutError as exc:
            self._tell(exc)
            return
        label = _("Ersätt ”{text}”").format(text=query.text)
        self._take(new, [current.part], label)
        start = current.start or 0
        end = start + len(clean_replacement(self.bar.replacement()))
        after = Location(current.part, current.index, current.field, start, end)
        new_draft, new_matches = self._matches()
        self._go(new_draft, new_matches, after)

    def replace_all(self) -> None:
        """Ersätt alla: every match at once, one step to undo (Ctrl+Z in the bar)."""
        if self.editor.read_only:
            return
        query = self.bar.query()
        draft, matches = self._matches()
        try:
            new, count = replace_all(draft, query, self.bar.replacement())
        except BeslutError as exc:
            self._tell(exc)
            return
        self.current = None
        if not count:
            self.bar.set_count(_("Hittades inte"), found=False)
            return
        parts = list(dict.fromkeys(match.part for match in matches))
        self._take(new, parts, _("Ersätt alla ”{text}”").format(text=query.text))
        self.bar.set_count(ngettext("{n} ersättning", "{n} ersättningar", count).format(n=count))

    def _take(self, new: Draft, parts: list[str], label: str) -> None:
        """Show ``parts`` of ``new`` in their steps, as one undoable step here."""
        undos: list[Callable[[], None]] = []
        redos: list[Callable[[], None]] = []
        for part in parts:
            step = self.editor.step_for(part)
            if isinstance(step, DraftStep):
                undo, redo = step.take_from(new, label)
                undos.append(undo)
                redos.append(redo)

        def undo_all() -> None:
            for undo in reversed(undos):
                undo()
            self._edited()

        def redo_all() -> None:
            for redo in redos:
                redo()
            self._edited()

        self.undo_stack.push(ProxyCommand(label, undo_all, redo_all))
        self._edited()

    def _edited(self) -> None:
        self.editor.edited()  # autosave and a new granskning, as after typing

    def _tell(self, exc: BaseException) -> None:
        """A replace that cannot be made: said in the bar, the matches counted again."""
        self.current = None
        self.bar.set_count(message_for(exc), found=False)


def _selected_text() -> str:
    """The text selected in the focused field, when it is on one line (else "")."""
    field = QApplication.focusWidget()
    if isinstance(field, QLineEdit):
        text = field.selectedText()
    elif isinstance(field, QTextEdit | QPlainTextEdit):
        text = field.textCursor().selectedText()
    else:
        return ""
    return "" if any(ch in text for ch in "\n\u2029\u2028") else text
