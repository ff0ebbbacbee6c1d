"""The status of a draft, importable without the rest of the model (start-up time)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a draft is in its life."""

    UTKAST = "utkast"
    GRANSKNING = "granskning"
    KLAR = "klar"

    @property
    def label(self) -> str:
        """The Swedish label shown to the user."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.UTKAST: "Utkast",
    Status.GRANSKNING: "Under granskning",
    Status.KLAR: "Klar",
}
