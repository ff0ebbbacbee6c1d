"""The kallelse and the protokollsutdrag as plain text and as HTML (no Qt): the app puts
both on the clipboard, so a paste into Word or the case system keeps headings, numbered
points and bold where the target can hold them, and plain text elsewhere."""

from __future__ import annotations

from html import escape

from beslut.checks.swedish import long_date
from beslut.namnd.texts import Entry, Kallelse, Utdrag

PARAGRAPH_SIGN = "§ …"  # the secretary fills in the paragraph's number


def entry_lines(item: Entry) -> list[str]:
    lines = [f"{item.number}. {item.title}"]
    if item.dnr:
        lines.append(f"Dnr {item.dnr}")
    if item.summary:
        lines += ["", item.summary]
    if item.decisions:
        lines += ["", item.decision_heading]
        lines += [f"{n}. {text}" for n, text in enumerate(item.decisions, start=1)]
    return lines


def kallelse_text(doc: Kallelse) -> str:
    lines = [doc.heading]
    for item in doc.entries:
        lines += ["", *entry_lines(item)]
    return "\n".join(lines) + "\n"


def utdrag_text(doc: Utdrag) -> str:
    lines = [f"{PARAGRAPH_SIGN} {doc.title}"]
    if doc.dnr:
        lines.append(f"Dnr {doc.dnr}")
    if doc.arendet:
        lines += ["", "Ärendet", *doc.arendet]
    if doc.decisions:
        lines += ["", "Beslut"]
        lines += [f"{n}. {text}" for n, text in enumerate(doc.decisions, start=1)]
    if doc.underlag:
        lines += ["", "Beslutsunderlag", *doc.underlag]
    return "\n".join(lines) + "\n"


def _ol(items: tuple[str, ...]) -> str:
    return "<ol>" + "".join(f"<li>{escape(t)}</li>" for t in items) + "</ol>"


def kallelse_html(doc: Kallelse) -> str:
    parts = [f"<h1>{escape(doc.heading)}</h1>"]
    for item in doc.entries:
        parts.append(f"<h2>{item.number}. {escape(item.title)}</h2>")
        if item.dnr:
            parts.append(f"<p>Dnr {escape(item.dnr)}</p>")
        if item.summary:
            parts.append(f"<p>{escape(item.summary)}</p>")
        if item.decisions:
            parts.append(f"<p><b>{escape(item.decision_heading)}</b></p>{_ol(item.decisions)}")
    return _page("".join(parts))


def utdrag_html(doc: Utdrag) -> str:
    parts = [f"<h1>{escape(PARAGRAPH_SIGN)} {escape(doc.title)}</h1>"]
    if doc.dnr:
        parts.append(f"<p>Dnr {escape(doc.dnr)}</p>")
    if doc.arendet:
        parts.append("<h2>Ärendet</h2>" + "".join(f"<p>{escape(p)}</p>" for p in doc.arendet))
    if doc.decisions:
        parts.append("<h2>Beslut</h2>" + _ol(doc.decisions))
    if doc.underlag:
        parts.append(
            "<h2>Beslutsunderlag</h2>" + "".join(f"<p>{escape(u)}</p>" for u in doc.underlag)
        )
    return _page("".join(parts))


def _page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def meeting_line(doc: Kallelse | Utdrag) -> str:
    """ "Idrottsnämnden, sammanträde 5 januari 2027" for a document's header."""
    when = f", sammanträde {long_date(doc.meeting_date)}" if doc.meeting_date else ""
    return f"{doc.namnd}{when}"
