"""Showing failures to the user: one function for every dialog, never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QWidget

from beslut.errors import BeslutError
from beslut.i18n import _

log = logging.getLogger(__name__)

# Tests set this to collect messages instead of opening modal dialogs.
dialogs_enabled = True
shown: list[str] = []


def message_for(exc: BaseException) -> str:
    """The Swedish text for ``exc``: its own message when it is not the program's fault."""
    if isinstance(exc, BeslutError):
        return exc.user_message
    return _(
        "Ett oväntat fel inträffade ({name}). Försök igen, och kontakta support om felet "
        "kommer tillbaka."
    ).format(name=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the user what went wrong, in Swedish; details go to the log."""
    text = message_for(exc)
    if isinstance(exc, BeslutError):
        log.info("%s: %s", type(exc).__name__, exc.detail)
    else:
        log.error("unexpected error", exc_info=exc)
    shown.append(text)
    if dialogs_enabled:
        from PySide6.QtWidgets import QMessageBox  # loads with the first error, not at start-up

        QMessageBox.warning(parent, title or _("Något gick fel"), text)


def install_excepthook() -> None:
    """Turn uncaught exceptions in slots into a dialog instead of a crash or a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught: %s", "".join(traceback.format_exception(kind, exc, tb)))
        show_error(None, exc)

    sys.excepthook = hook
