"""Opening a draft file in the window: one given on the command line (a double-click on a
.beslut file starts ``beslut FIL``) or forwarded by a second start to the open window.

Loaded only when a file is opened (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from beslut.i18n import _

if TYPE_CHECKING:
    from beslut.store import Store

T = TypeVar("T")


class Window(Protocol):
    """What opening a file uses of the main window."""

    store: Store

    def run(self, operation: Callable[[], T], title: str = "") -> T | None: ...

    def refresh_list(self) -> None: ...

    def open_draft(self, draft_id: int) -> None: ...


def open_file(window: Window, path: Path) -> int | None:
    """Store the draft in the file at ``path`` as a new draft and open it in the editor.

    A file that does not exist, cannot be read or is no draft file is said in a message
    (in Swedish) and nothing is stored. Returns the new draft's id, or None.
    """
    from beslut.workflow.files import open_draft_file

    draft_id = window.run(
        lambda: open_draft_file(window.store, path), _("Utkastfilen kan inte öppnas")
    )
    if draft_id is None:
        return None
    window.refresh_list()
    window.open_draft(draft_id)
    return draft_id
