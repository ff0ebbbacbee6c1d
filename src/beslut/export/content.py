"""The TU's text for one document: styles, lists, links and footnotes set up, XML made.

document.py calls ``body_xml`` where it inserts the text; everything the body adds to
the package besides its own XML (styles the template lacks, list instances, hyperlink
relationships, the footnotes part) is added here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from beslut.doctypes.loader import DocType
from beslut.export import notes
from beslut.export.body import Extras, content_xml
from beslut.export.comments import CommentMarks
from beslut.export.fallback_styles import TABLE_STYLE_NAMES, Needs, ensure_styles
from beslut.export.links import Hyperlinks
from beslut.export.numbering import ListNumbering
from beslut.export.ooxml import Element, w
from beslut.export.revisions import Revisions, Tracked
from beslut.export.runs import Inline
from beslut.export.styles import TemplateStyles
from beslut.export.tables import DEFAULT_TEXT_WIDTH
from beslut.model.draft import Draft

if TYPE_CHECKING:
    from docx.document import Document


def body_xml(
    document: Document,
    draft: Draft,
    doctype: DocType,
    tracked: Tracked | None = None,
    comments: CommentMarks | None = None,
) -> str:
    """The XML of the TU's text (no root element), its notes, links and styles in place;
    with ``tracked``, the changes since its older text marked as Word revisions; with
    ``comments`` (not with ``tracked``), the draft's comments as Word comments."""
    from docx.oxml.parser import parse_xml  # lazy: start-up time

    from beslut.export.document import numbering_root  # lazy: document.py imports us

    styles_root = document.styles.element
    ensure_styles(styles_root, Needs.of(draft), parse_xml)
    if tracked is not None:  # what only the old text has needs its styles too
        ensure_styles(styles_root, Needs.of(tracked.old), parse_xml)
    styles = TemplateStyles(styles_root)
    footnotes = notes.Footnotes(
        notes.first_free_id(notes.existing_part(document)),
        styles.find("paragraph", "footnote text"),
    )
    inline = Inline(
        links=Hyperlinks(document.part),
        notes=footnotes,
        hyperlink_style=styles.find("character", "Hyperlink"),
        note_reference_style=styles.find("character", "footnote reference"),
    )
    extras = Extras(
        inline=inline,
        table_style=styles.find("table", *TABLE_STYLE_NAMES),
        text_width=text_width(document.element.body),
        comments=comments if tracked is None else None,
    )
    lists = ListNumbering(numbering_root(document), styles, parse_xml)
    if tracked is None:
        xml = content_xml(draft, doctype, styles.ids(), lists, extras)
    else:
        from beslut.export.tracked import tracked_content_xml

        revisions = Revisions(tracked.author, tracked.date, first_free_id(document))
        xml = tracked_content_xml(
            tracked.old, draft, doctype, styles.ids(), lists, extras, revisions
        )
    notes.write(document, footnotes)
    if comments is not None and tracked is None:
        from beslut.export import comments_part

        comments_part.write(document, comments)
    return xml


def first_free_id(document: Document) -> int:
    """The first annotation id (w:id of bookmarks, revisions) the body does not use."""
    ids = document.element.body.xpath("//w:*/@w:id")
    return max((int(n) for n in ids if n.lstrip("-").isdigit()), default=0) + 1


def text_width(body: Element) -> int:
    """The width between the margins of the body's last section, in twips."""
    section = body.find(w("sectPr"))
    size = section.find(w("pgSz")) if section is not None else None
    margins = section.find(w("pgMar")) if section is not None else None
    if size is None or margins is None:
        return DEFAULT_TEXT_WIDTH
    try:
        width = int(size.get(w("w")))
        left = int(margins.get(w("left"), "0")) + int(margins.get(w("gutter"), "0"))
        right = int(margins.get(w("right"), "0"))
    except (TypeError, ValueError):
        return DEFAULT_TEXT_WIDTH
    usable = width - left - right
    return usable if usable > 0 else DEFAULT_TEXT_WIDTH
