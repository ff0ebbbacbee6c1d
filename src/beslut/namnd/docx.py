"""The kallelse and the protokollsutdrag as Word documents in the organisation's styles
(no Qt).

The document is written into the template folder's ``namnd.docx`` when the organisation
has one (a template of its own for the nämnd's documents, restyled as it likes), else
into the city template with its page headers left out (they carry the TU's own facts).
Every paragraph takes a style of the template: Title, heading 1, heading 2, Body Text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from beslut.export.document import open_template
from beslut.export.ooxml import w
from beslut.export.safe_write import write_bytes
from beslut.namnd.render import PARAGRAPH_SIGN, entry_lines, meeting_line
from beslut.namnd.texts import Kallelse, Utdrag

NAMND_TEMPLATE = "namnd.docx"  # the organisation's own template for these documents
# (role, text): the roles and the style names tried for each, in order.
_STYLES = {
    "title": ("Title", "heading 1"),
    "h1": ("heading 1",),
    "h2": ("heading 2", "heading 1"),
    "p": ("Body Text", "Normal"),
    "small": ("Uppgift", "Body Text", "Normal"),
}


def namnd_template(folder: Path, city_template: Path) -> tuple[Path, bool]:
    """The template to write into, and whether it is the city template (whose page
    headers are left out)."""
    own = folder / NAMND_TEMPLATE
    return (own, False) if own.is_file() else (city_template, True)


def kallelse_paragraphs(doc: Kallelse) -> list[tuple[str, str]]:
    out = [("small", meeting_line(doc)), ("title", doc.heading)]
    for item in doc.entries:
        lines = entry_lines(item)
        out.append(("h1", lines[0]))
        for line in lines[1:]:
            if not line:
                continue
            out.append(("h2" if line == item.decision_heading else "p", line))
    return out


def utdrag_paragraphs(doc: Utdrag) -> list[tuple[str, str]]:
    out = [("small", meeting_line(doc)), ("title", f"{PARAGRAPH_SIGN} {doc.title}")]
    if doc.dnr:
        out.append(("p", f"Dnr {doc.dnr}"))
    for heading, items in (
        ("Ärendet", doc.arendet),
        ("Beslut", tuple(f"{n}. {t}" for n, t in enumerate(doc.decisions, start=1))),
        ("Beslutsunderlag", doc.underlag),
    ):
        if items:
            out.append(("h1", heading))
            out += [("p", item) for item in items]
    return out


def write(paragraphs: Iterable[tuple[str, str]], target: Path, template: Path, city: bool) -> Path:
    """Write ``paragraphs`` into a copy of ``template`` at ``target``."""
    document = open_template(template)
    body = document.element.body
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    if city:
        section = body.find(w("sectPr"))
        if section is not None:
            for ref in [
                *section.findall(w("headerReference")),
                *section.findall(w("footerReference")),
                *section.findall(w("titlePg")),
            ]:
                section.remove(ref)
    styles = {s.name.lower(): s for s in document.styles if s.name}
    for role, text in paragraphs:
        style = next((styles[n.lower()] for n in _STYLES[role] if n.lower() in styles), None)
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return write_bytes(target, buffer.getvalue())
