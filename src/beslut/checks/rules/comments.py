"""Rules about comments: open ones left in the draft before it goes out."""

from __future__ import annotations

from collections.abc import Iterator

from beslut.checks.context import Context
from beslut.checks.findings import Location, Severity
from beslut.checks.rules.base import Hit, rule
from beslut.i18n import N_, _

_QUOTED = 60  # characters of the comment's text quoted in the message


@rule("comments.open", Severity.VARNING, N_("Öppna kommentarer"))
def open_comments(ctx: Context) -> Iterator[Hit]:
    """Each comment not yet resolved, at its place: answer or resolve it before export."""
    for comment in ctx.draft.comments:
        if comment.resolved:
            continue
        text = " ".join(comment.text.split())
        if len(text) > _QUOTED:
            text = text[: _QUOTED - 1].rstrip() + "…"
        message = _(
            "Kommentaren från {author} är inte löst: ”{text}”. Besvara eller lös den "
            "innan tjänsteutlåtandet lämnas."
        ).format(author=comment.author or "–", text=text)
        end = comment.end if comment.end > comment.start else None
        start = comment.start if end is not None else None
        yield Hit(Location(comment.part, comment.index, comment.field, start, end), message)
