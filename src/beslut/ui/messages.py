"""Asking and telling the user: one small interface, real dialogs in the app, a script in tests.

The app passes a ``Messages`` to its windows; everything that asks a question, tells a
result, shows an error or asks for a file goes through it. Tests pass a scripted one
(tests/ui/scripted.py) that answers without a modal dialog, so the code under test is
the code users run, only the answers come from the test.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.ui.focus import focus_kept

log = logging.getLogger(__name__)


def message_for(exc: BaseException) -> str:
    """The Swedish text for ``exc``: its own message when it is not the program's fault."""
    if isinstance(exc, BeslutError):
        return exc.user_message
    return _(
        "Ett oväntat fel inträffade ({name}). Försök igen, och kontakta support om felet "
        "kommer tillbaka."
    ).format(name=type(exc).__name__)


def log_failure(exc: BaseException) -> None:
    """Log ``exc``: a line for a failure the user can act on, a traceback for a bug."""
    if isinstance(exc, BeslutError):
        log.info("%s: %s", type(exc).__name__, exc.detail)
    else:
        log.error("unexpected error", exc_info=exc)


class Messages:
    """Modal dialogs over ``parent`` (QMessageBox, QInputDialog, and file dialogs that
    read no file: ui/file_dialogs.py); when one closes, the focus goes back where it was."""

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; True for yes. No is the default button."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        with focus_kept(parent):
            answer = QMessageBox.question(
                parent, title, text, buttons, QMessageBox.StandardButton.No
            )
        return answer == QMessageBox.StandardButton.Yes

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        """A question with a button that does ``action`` (the default) and Avbryt; True
        for the action. For what can be undone, so Enter may do it."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        act = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(act)
        with focus_kept(parent):
            box.exec()
        return box.clickedButton() is act

    def tell(self, parent: QWidget | None, title: str, text: str) -> None:
        """Information the user must see (and confirm with OK)."""
        from PySide6.QtWidgets import QMessageBox

        with focus_kept(parent):
            QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, exc: BaseException, title: str = "") -> None:
        """Tell the user what went wrong, in Swedish; details go to the log."""
        from PySide6.QtWidgets import QMessageBox

        log_failure(exc)
        with focus_kept(parent):
            QMessageBox.warning(parent, title or _("Något gick fel"), message_for(exc))

    def choose(
        self, parent: QWidget | None, title: str, text: str, options: Sequence[str]
    ) -> int | None:
        """The index of the option chosen, or None when the user cancelled."""
        from PySide6.QtWidgets import QInputDialog

        with focus_kept(parent):
            name, ok = QInputDialog.getItem(parent, title, text, list(options), 0, False)
        return list(options).index(name) if ok and name in options else None

    def choose_action(
        self, parent: QWidget | None, title: str, text: str, actions: Sequence[str]
    ) -> int | None:
        """A message with one button per action; the index clicked, None for Stäng."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = [box.addButton(a, QMessageBox.ButtonRole.ActionRole) for a in actions]
        box.addButton(_("Stäng"), QMessageBox.ButtonRole.RejectRole)
        with focus_kept(parent):
            box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        """A line of text from the user (``default`` filled in), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        with focus_kept(parent):
            value, ok = QInputDialog.getText(
                parent, title, label, QLineEdit.EchoMode.Normal, default
            )
        return value if ok else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        """Where to write a file, or None."""
        from beslut.ui.file_dialogs import save_file_name

        with focus_kept(parent):
            return save_file_name(parent, title, suggested, file_filter)

    def open_files(self, parent: QWidget | None, title: str, file_filter: str = "") -> list[Path]:
        """Files to read (none when cancelled); ``file_filter`` the kinds offered."""
        from beslut.ui.file_dialogs import open_file_names

        with focus_kept(parent):
            return open_file_names(parent, title, file_filter)

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        """A folder, or None."""
        from beslut.ui.file_dialogs import existing_directory

        with focus_kept(parent):
            return existing_directory(parent, title)
