"""The status of a draft, importable without the rest of the model (start-up time)."""

from __future__ import annotations

from enum import StrEnum

from beslut.i18n import N_, _


class Status(StrEnum):
    """Where a draft is in its life."""

    UTKAST = "utkast"
    GRANSKNING = "granskning"
    KLAR = "klar"

    @property
    def label(self) -> str:
        """The label shown to the user, in the current language."""
        return _(_STATUS_LABELS[self])


_STATUS_LABELS = {
    Status.UTKAST: N_("Utkast"),
    Status.GRANSKNING: N_("Under granskning"),
    Status.KLAR: N_("Klar"),
}
