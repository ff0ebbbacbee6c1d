"""Uncaught exceptions in slots become a Swedish message and a log entry, never a crash."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from beslut.ui.messages import Messages, message_for

__all__ = ["install_excepthook", "message_for"]

log = logging.getLogger(__name__)


def install_excepthook(messages: Messages) -> None:
    """Turn uncaught exceptions in slots into a dialog instead of a crash or a traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught: %s", "".join(traceback.format_exception(kind, exc, tb)))
        messages.error(None, exc)

    sys.excepthook = hook
