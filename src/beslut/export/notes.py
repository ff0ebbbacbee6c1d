"""Footnotes: a real footnotes part (word/footnotes.xml) with Word's two separators.

The body asks for a footnote id per note while it is written (``add_note``); ``write``
then puts the notes into the package: into the template's own footnotes part when it has
one, else into a new part with its relationship from document.xml and its content type.
Footnote paragraphs are in the "footnote text" style, their marks in "footnote reference".
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from beslut.export.ooxml import W_NS, Element, w
from beslut.export.runs import Inline, note_reference_xml, run_xml

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
# Elements of w:settings that come after w:footnotePr (schema order).
_AFTER_FOOTNOTE_PR = frozenset(
    w(tag)
    for tag in (
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
) | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


class Footnotes:
    """The footnotes of one document, numbered after any the template already has."""

    def __init__(self, first_id: int = 1, text_style: str | None = None) -> None:
        self._next = max(first_id, 1)
        style = f"<w:pStyle w:val={quoteattr(text_style)}/>" if text_style else ""
        self._text_ppr = f"<w:pPr>{style}</w:pPr>" if style else ""
        self.xml: list[str] = []

    def add_note(self, text: str, inline: Inline) -> int:
        """Keep a footnote with ``text``: its own mark, then the text, in one paragraph."""
        note_id = self._next
        self._next += 1
        mark = note_reference_xml(note_id, inline.note_reference_style).replace(
            f'<w:footnoteReference w:id="{note_id}"/>', "<w:footnoteRef/>"
        )
        body = run_xml(" " + text.strip())
        self.xml.append(
            f'<w:footnote w:id="{note_id}"><w:p>{self._text_ppr}{mark}{body}</w:p></w:footnote>'
        )
        return note_id


def existing_part(document: Document) -> Part | None:
    """The template's own footnotes part, if it has one."""
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            target: Part = rel.target_part
            return target
    return None


def first_free_id(part: Part | None) -> int:
    """The first footnote id after those of ``part`` (1 when there is none)."""
    if part is None:
        return 1
    ids = [int(n.get(w("id"), "0")) for n in _element(part).iterchildren(w("footnote"))]
    return max([0, *ids]) + 1


def write(document: Document, notes: Footnotes) -> None:
    """Put the collected notes into the package; nothing changes when there are none."""
    if not notes.xml:
        return
    from docx.oxml.parser import parse_xml  # lazy: start-up time

    fragment = parse_xml(f'<w:footnotes xmlns:w="{W_NS}">{"".join(notes.xml)}</w:footnotes>')
    part = existing_part(document)
    if part is None:
        _new_part(document, fragment)
        return
    from docx.opc.part import XmlPart

    root = _element(part)
    root.extend(list(fragment))
    if not isinstance(part, XmlPart):  # a plain Part keeps bytes: write them back
        from docx.opc.oxml import serialize_part_xml

        part._blob = serialize_part_xml(root)


def _new_part(document: Document, fragment: Element) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    root = parse_xml(f'<w:footnotes xmlns:w="{W_NS}">{_SEPARATORS}</w:footnotes>')
    root.extend(list(fragment))
    package = document.part.package
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, root, package)
    document.part.relate_to(part, FOOTNOTES_REL)
    _declare_separators(document.settings.element)


def _declare_separators(settings: Element) -> None:
    """Name the separator notes in settings.xml, as Word itself does."""
    if settings.find(w("footnotePr")) is not None:
        return
    from docx.oxml.parser import parse_xml

    element = parse_xml(
        f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
        "</w:footnotePr>"
    )
    later = next((child for child in settings if child.tag in _AFTER_FOOTNOTE_PR), None)
    if later is None:
        settings.append(element)
    else:
        later.addprevious(element)


def _element(part: Part) -> Element:
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    return part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
