"""The message bar of a review copy: whose draft it is, what to do, and Skicka tillbaka
in one click (review_flow.py writes the file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from beslut.i18n import _
from beslut.ui.window_flows import REVIEW_COPY_TOPIC

if TYPE_CHECKING:
    from beslut.ui.main_window import MainWindow
    from beslut.workflow.review_copy import ReviewCopy


def review_copy_text(copy: ReviewCopy) -> str:
    """What the bar says of ``copy``."""
    whose = (
        _("Det här är en granskningskopia av ett utkast från {owner} ({file}).").format(
            owner=copy.owner, file=copy.file
        )
        if copy.owner
        else _("Det här är en granskningskopia ({file}).").format(file=copy.file)
    )
    what = _(
        "Ändra i texten där du vill. Klicka sedan på Skicka tillbaka: filen sparas i "
        "samma mapp som den du fick, och den skickar du tillbaka."
    )
    return f"{whose} {what}"


def show_review_copy(window: MainWindow, copy: ReviewCopy, send_back: Callable[[], None]) -> None:
    """Show the bar for the open review copy ``copy``."""
    window.banner.show_message(
        REVIEW_COPY_TOPIC,
        review_copy_text(copy),
        "info",
        (_("Skicka &tillbaka"), _("Skicka tillbaka granskningen"), send_back),
    )
