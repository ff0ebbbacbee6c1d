"""``beslut show``: a draft as readable text for the terminal."""

from __future__ import annotations

from beslut.i18n import _
from beslut.model.draft import Draft


def render_text(draft: Draft) -> str:
    """A plain-text view of a draft for the terminal."""
    meta = draft.meta
    lines = [meta.title]
    if meta.subtitle:
        lines.append(meta.subtitle)
    lines += [
        "",
        _("Nämnd: {namnd}   Sammanträde: {meeting}").format(
            namnd=meta.namnd, meeting=meta.meeting_date or "-"
        ),
        _("Dnr: {dnr}   Datum: {date}   Status: {status}").format(
            dnr=meta.dnr, date=meta.date or "-", status=meta.status.label
        ),
        _("Handläggare: {name}  {phone}").format(
            name=meta.handlaggare.name, phone=meta.handlaggare.telefon
        ),
        "",
        _("Förslag till beslut"),
    ]
    lines += [f"  {n}. {text}" for n, text in enumerate(draft.decisions, start=1)]
    for section in draft.sections:
        lines += ["", section.heading]
        for block in section.blocks:
            prefix = {"bullet": "  • ", "numbered": "  - ", "heading": ""}.get(block.kind, "")
            lines.append(prefix + block.text)
    if draft.attachments:
        lines += ["", _("Bilagor")]
        for n, att in enumerate(draft.attachments, start=1):
            file = f"  [{att.file.name}]" if att.file else ""
            lines.append(f"  {n}. {att.title}{file}")
    if draft.signatories:
        lines += ["", *[f"{s.name}, {s.title}" if s.title else s.name for s in draft.signatories]]
    return "\n".join(lines)
