"""The actions on the draft list: a new draft, a duplicate, to the trash and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from beslut.i18n import _

if TYPE_CHECKING:
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
        from beslut.store.store import TRASH_DAYS

        draft_id = self._window.list_page.selected_id()
        if draft_id is None or not self._window.attempt(
            lambda: self._window.store.delete_draft(draft_id)
        ):
            return
        self._window.statusBar().showMessage(
            _(
                "Utkastet ligger i papperskorgen i {days} dagar och kan återställas därifrån."
            ).format(days=TRASH_DAYS),
            8000,
        )
        self._window.refresh_list()

    def restore_selected(self) -> None:
        draft_id = self._window.list_page.selected_id()
        if draft_id is None or not self._window.attempt(
            lambda: self._window.store.restore_draft(draft_id)
        ):
            return
        self._window.list_page.show_trash(False)
