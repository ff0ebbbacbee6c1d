"""One error hierarchy for the core: failures that are not the program's fault.

Every error carries a message for the user (``user_message``, in the language chosen
when it was raised: Swedish unless the user chose English); the English ``str()`` of
the exception is for logs. The UI and the command line show
``user_message`` and never a traceback for these.
"""

from __future__ import annotations


class BeslutError(Exception):
    """A failure the user can understand and act on (bad input, disk, locks)."""

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message
        self.detail = detail


class DraftFormatError(BeslutError):
    """A draft file (JSON) that cannot be read."""


class NewerFormatError(DraftFormatError):
    """A draft file written by a newer version of beslut."""


class NotFoundError(BeslutError):
    """A draft, revision or file that does not exist."""
