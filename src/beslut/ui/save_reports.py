"""What the window says about saving: saved, not saved (and where the text went), a
copy made because another window changed the draft, and the question before closing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from beslut.i18n import _
from beslut.ui import state
from beslut.ui.messages import message_for

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel, QWidget

    from beslut.ui.autosave import SaveFailure
    from beslut.ui.banner import Banner
    from beslut.ui.editor import DraftEditor
    from beslut.ui.messages import Messages


class Window(Protocol):
    """What the reports use of the main window."""

    draft_id: int | None
    editor: DraftEditor | None
    messages: Messages
    qsettings: QSettings
    saved_label: QLabel

    @property
    def banner(self) -> Banner: ...

    def setWindowTitle(self, title: str) -> None: ...

    def window(self) -> QWidget: ...


class SaveReports:
    """Connected to the window's autosaver; tells through the window's bar and label."""

    def __init__(self, window: Window) -> None:
        self._window = window

    def saved(self, when: str) -> None:
        self._window.saved_label.setText(_("Sparat {time}").format(time=when))
        self._window.banner.clear("save")

    def failed(self, failure: object) -> None:
        from beslut.ui.autosave import SaveFailure

        assert isinstance(failure, SaveFailure)
        self._window.saved_label.setText(_("Inte sparat"))
        self._window.banner.show_message("save", failure_text(failure))

    def reopened(self, kept: object) -> None:
        """The database's files changed under the store (another program used them): it
        was opened again and the text saved anew; a copy stays in a recovery file."""
        self._window.banner.show_message(
            "reopened",
            _(
                "Ett annat program rörde databasfilen, så beslut öppnade den på nytt och "
                "sparade din text igen. Ingenting har gått förlorat. En kopia av texten finns "
                "också i {path} till nästa sparning."
            ).format(path=kept),
            "info",
        )

    def copied(self, copy_id: int) -> None:
        """Another window changed the draft: the user's text went to a new draft, which
        is the one open from now on."""
        from beslut.workflow.drafts import conflict_title

        window = self._window
        window.draft_id = copy_id
        window.qsettings.setValue(state.LAST_DRAFT, copy_id)
        if window.editor is not None:
            title = conflict_title(window.editor.collect().meta.title)
            window.editor.set_title(title)
            window.setWindowTitle(f"{title} – beslut")
        window.banner.show_message(
            "conflict",
            _(
                "Utkastet ändrades i ett annat fönster medan du skrev. Din text är sparad som "
                "ett nytt utkast (nummer {id}), som du fortsätter i nu. Det andra fönstrets "
                "version finns kvar oförändrad."
            ).format(id=copy_id),
            "info",
        )

    def close_anyway(self, failure: SaveFailure) -> bool:
        """Closing with an edit that is not in the database: said where the text is (then
        closed), or, when it is nowhere, asked."""
        title = _("Ändringarna kunde inte sparas")
        if failure.recovery is not None:
            self._window.messages.tell(self._window.window(), title, failure_text(failure))
            return True
        return self._window.messages.ask(
            self._window.window(),
            title,
            _(
                "{why}\n\nVill du stänga ändå? Det du har skrivit sedan det senast sparades "
                "går då förlorat."
            ).format(why=message_for(failure.error)),
        )


def failure_text(failure: SaveFailure) -> str:
    """What the user is told about a save that failed, and where the text is instead."""
    why = message_for(failure.error)
    if failure.recovery is None:
        return _("{why} Ändringarna finns bara i fönstret: stäng inte beslut.").format(why=why)
    return _(
        "{why} Din text är inte förlorad: den är sparad i återställningsfilen {path}, och "
        "beslut erbjuder dig den nästa gång programmet startar."
    ).format(why=why, path=failure.recovery)
