"""Cancelling long work from another thread (no Qt).

The app's Avbryt sets an event; the work runs inside ``cancellable(event)`` and checks
it only where stopping leaves nothing half done: before a written file replaces its
target (export/safe_write.py) and while LibreOffice converts (export/proctree.py, which
then ends LibreOffice and all it started).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from beslut.errors import BeslutError
from beslut.i18n import _

_local = threading.local()


class Cancelled(BeslutError):
    """The user cancelled the work."""

    def __init__(self) -> None:
        super().__init__(_("Arbetet avbröts."), "cancelled")


@contextlib.contextmanager
def cancellable(event: threading.Event) -> Iterator[None]:
    """Work in this block on this thread stops at its next check once ``event`` is set."""
    previous = getattr(_local, "event", None)
    _local.event = event
    try:
        yield
    finally:
        _local.event = previous


def cancelled() -> bool:
    """True when the work on this thread has been cancelled."""
    event = getattr(_local, "event", None)
    return event is not None and event.is_set()


def check() -> None:
    """Raise Cancelled when the work on this thread has been cancelled."""
    if cancelled():
        raise Cancelled()
