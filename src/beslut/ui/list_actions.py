"""The actions on the draft list: a new draft, a duplicate, to the trash and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from beslut.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QStatusBar, QWidget

    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.store import Store
    from beslut.ui.draft_list import DraftListPage
    from beslut.ui.messages import Messages

T = TypeVar("T")


class Window(Protocol):
    """What the list actions use of the main window."""

    store: Store
    settings: Settings
    messages: Messages
    list_page: DraftListPage

    def run(self, operation: Callable[[], T], title: str = "") -> T | None: ...

    def attempt(self, operation: Callable[[], object], title: str = "") -> bool: ...

    def refresh_list(self) -> None: ...

    def open_draft(self, draft_id: int) -> None: ...

    def show_notices(self, notices: tuple[str, ...]) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class ListActions:
    """What Nytt, Duplicera, Ta bort and Återställ do; the window's table points here."""

    def __init__(self, window: Window) -> None:
        self._window = window
        self.undo_stack: QUndoStack | None = None  # drafts moved to the trash (first use)

    def new_draft(self) -> None:
        from beslut.workflow.templates import available_doctypes

        if self._window.store.read_only:
            return
        offered = available_doctypes(self._window.settings)
        self._window.show_notices(offered.notices)
        doctypes = offered.types
        if not doctypes:
            return
        chosen = self._window.messages.choose(
            self._window.window(),
            _("Nytt tjänsteutlåtande"),
            _("Vilken sorts ärende?"),
            [d.name for d in doctypes],
        )
        if chosen is None:
            return
        doctype = doctypes[chosen]
        from beslut.workflow.drafts import new_draft

        self.create_and_open(new_draft(doctype, self._window.settings))

    def create_and_open(self, draft: Draft) -> None:
        self._opened_new(self._window.run(lambda: self._window.store.create_draft(draft)))

    def _opened_new(self, draft_id: int | None) -> None:
        if draft_id is None:
            return
        self._window.refresh_list()
        self._window.open_draft(draft_id)

    def duplicate_selected(self) -> None:
        from beslut.workflow.drafts import duplicate_draft

        draft_id = self._window.list_page.selected_id()
        if draft_id is None or self._window.store.read_only:
            return
        self._opened_new(self._window.run(lambda: duplicate_draft(self._window.store, draft_id)))

    def delete_selected(self) -> None:
        """Ta bort (Delete): asked first, then the draft goes to the trash; Ctrl+Z in the
        list (Redigera > Ångra) takes it back."""
        from PySide6.QtGui import QUndoStack

        from beslut.store.store import TRASH_DAYS
        from beslut.ui.list_undo import TrashCommand, UndoThrough

        page = self._window.list_page
        draft_id = page.selected_id()
        if draft_id is None or self._window.store.read_only:
            return
        question = _(
            "Flytta ”{title}” till papperskorgen? Det ligger kvar där i {days} dagar och "
            "kan återställas; Ctrl+Z ångrar."
        ).format(title=page.selected_title(), days=TRASH_DAYS)
        if not self._window.messages.confirm(
            self._window.window(),
            _("Ta bort utkast"),
            question,
            _("Flytta till papperskorgen"),
        ):
            return
        row = page.selected_row()
        if not self._window.attempt(lambda: self._window.store.delete_draft(draft_id)):
            return
        if self.undo_stack is None:
            self.undo_stack = QUndoStack()
            page.search.installEventFilter(UndoThrough(page.search))
        self.undo_stack.push(TrashCommand(self, draft_id))
        self._window.statusBar().showMessage(
            _(
                "Utkastet ligger i papperskorgen i {days} dagar och kan återställas därifrån."
            ).format(days=TRASH_DAYS),
            8000,
        )
        self._window.refresh_list()
        page.select_row(row)  # the next draft, so Delete goes on down the list

    def set_trashed(self, draft_id: int, trashed: bool) -> None:
        """Move draft ``draft_id`` to the trash or take it back (undo and redo), and
        show the list as it is then, the draft taken back selected."""
        store = self._window.store
        operation = store.delete_draft if trashed else store.restore_draft
        if not self._window.attempt(lambda: operation(draft_id)):
            return
        self._window.refresh_list()
        if not trashed:
            self._window.list_page.select_draft(draft_id)
            self._window.statusBar().showMessage(_("Utkastet är tillbaka i listan."), 5000)

    def undo(self, *, redo: bool = False) -> None:
        """Undo (redo) the last move to the trash."""
        stack = self.undo_stack
        if stack is not None:
            stack.redo() if redo else stack.undo()

    def restore_selected(self) -> None:
        draft_id = self._window.list_page.selected_id()
        if draft_id is None or not self._window.attempt(
            lambda: self._window.store.restore_draft(draft_id)
        ):
            return
        self._window.list_page.show_trash(False)
