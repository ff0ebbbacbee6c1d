"""The heading above the draft editor: the ärendemening, then the document type, the
nämnd, the Dnr and the meeting on a line below."""

from __future__ import annotations

from html import escape

from beslut.doctypes import DocType
from beslut.i18n import _, format_date_ui
from beslut.model.draft import Draft


def heading_html(draft: Draft, doctype: DocType) -> str:
    """The heading as rich text for a QLabel."""
    meta = draft.meta
    title = meta.title or _("Nytt tjänsteutlåtande")
    meeting = (
        _("sammanträde {date}").format(date=format_date_ui(meta.meeting_date))
        if meta.meeting_date
        else ""
    )
    details = " · ".join(p for p in (doctype.name, meta.namnd, meta.dnr, meeting) if p)
    return f"<b>{escape(title, quote=False)}</b><br><small>{escape(details, quote=False)}</small>"
