"""Rendering a draft into the Word template: fields filled, text inserted, properties set.

This is the only module that imports python-docx, and it does so when a document is
rendered, never at start-up.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from beslut import clock
from beslut.doctypes.loader import DocType, default_template_dir, load_doctype
from beslut.export import comment_title
from beslut.export.comments import CommentMarks
from beslut.export.content import body_xml, first_free_id
from beslut.export.errors import TemplateError
from beslut.export.fields import CONTENT_FIELD, field_key, field_values
from beslut.export.merge import FIELD_PATTERN, fill_fields, paragraph_text
from beslut.export.ooxml import W_NS, Element, P, transplant, w
from beslut.export.revisions import Revisions, Tracked
from beslut.export.styles import set_language
from beslut.export.trackedfields import (
    Delimiters,
    changed_lines,
    mark_changes,
    mark_lines,
    placeholders,
    settle_final_mark,
)
from beslut.i18n import _, ngettext
from beslut.model.draft import Draft
from beslut.resources import TEMPLATE_NAME

if TYPE_CHECKING:  # python-docx loads when a document is rendered, never at start-up
    from docx.document import Document

log = logging.getLogger(__name__)

LANGUAGE = "sv-SE"
_CORE_MAX = 255  # python-docx refuses longer core property values

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_FIELD_PART_TYPES = frozenset(
    f"{_WML}.{kind}+xml" for kind in ("document.main", "header", "footer", "footnotes", "endnotes")
)
_TEMPLATE_TYPE = f"{_WML}.template.main+xml"
_DOCUMENT_TYPE = f"{_WML}.document.main+xml"


def default_template() -> Path:
    """The city template shipped with beslut."""
    return default_template_dir() / TEMPLATE_NAME


def template_dir_for(template: Path) -> Path:
    """Where the document types of ``template`` live: beside it, or the shipped ones."""
    return template.parent if (template.parent / "doctypes").is_dir() else default_template_dir()


def render_docx(
    draft: Draft,
    *,
    template: Path | None = None,
    doctype: DocType | None = None,
    extra_fields: Mapping[str, str] | None = None,
    tracked: Tracked | None = None,
    comments: bool = False,
    notices: list[str] | None = None,
) -> bytes:
    """The .docx of ``draft`` in ``template`` as bytes. Without one, the document type's own
    Word template when it names one that is there, else the city template. With
    ``tracked`` the changes since its older text are Word revisions (tracked changes);
    with ``comments`` the draft's comments are Word comments (comments.py), and what
    cannot be written so is said in ``notices``."""
    if template is None:
        doctype = doctype or load_doctype(draft.meta.doctype, default_template_dir())
        own = doctype.template_file()
        template = own if own is not None and own.is_file() else default_template()
    doctype = doctype or load_doctype(draft.meta.doctype, template_dir_for(template))
    document = open_template(template)
    body = document.element.body
    # The template's own paragraphs are read before any user text is written into them,
    # so a title that reads "{{ innehall }}" is never taken for the marker nor filled.
    marker = find_marker(body)
    values = field_values(draft, doctype.name, extra_fields)
    marks = _comment_marks(document, draft, tracked, notices) if comments else None
    if tracked is None:
        unknown = fill_all_parts(document, values, comment_title.body_values(values, marks))
        if marks is not None:
            comment_title.mark_title(body, marks)
    else:  # the body's changed fields as revisions, the rest as they are
        old = field_values(tracked.old, doctype.name, extra_fields)
        delimiters = Delimiters.unused_in(old, values)
        body_values, changes = placeholders(old, values, delimiters)
        lines = changed_lines(body, old, values)
        unknown = fill_all_parts(document, values, body_values)
        revisions = Revisions(tracked.author, tracked.date, first_free_id(document))
        mark_changes(body, changes, revisions, delimiters)
        mark_lines(lines, revisions)
    unknown -= {CONTENT_FIELD}
    if unknown:
        log.warning("Template %s has fields without a value: %s", template, sorted(unknown))
    insert_content(document, draft, doctype, tracked, marker, marks)
    if marks is not None:
        _tell_skipped(marks, notices)
    set_properties(document, draft, doctype)
    set_language(document.styles.element, LANGUAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def open_template(template: Path) -> Document:
    """The template as a python-docx Document; a Word template (.dotx) is read as a document.
    It is checked first like an imported .docx (templatecheck: sizes, DTDs, depth)."""
    from docx import Document as open_document  # lazy: start-up time
    from docx.opc.exceptions import PackageNotFoundError

    from beslut.export.templatecheck import check_template

    check_template(template)
    try:
        data = template.read_bytes()
        if template.suffix.lower() == ".dotx":
            data = _as_document(data)
        return open_document(io.BytesIO(data))
    except (
        OSError,
        ValueError,
        KeyError,
        SyntaxError,
        zipfile.BadZipFile,
        PackageNotFoundError,
    ) as exc:
        raise _template_error(template, exc) from exc


def _template_error(template: Path, exc: Exception) -> TemplateError:
    message = _(
        "Wordmallen {name} kan inte läsas. Kontrollera att filen finns och är "
        "ett Word-dokument (.docx eller .dotx)."
    )
    return TemplateError(message.format(name=template.name), f"{template}: {exc!r}")


def _as_document(data: bytes) -> bytes:
    """A .dotx package with its main part relabelled as a document."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE.encode(), _DOCUMENT_TYPE.encode())
            target.writestr(info, content)
    return out.getvalue()


def fill_all_parts(
    document: Document, values: Mapping[str, str], body_values: Mapping[str, str] | None = None
) -> set[str]:
    """Fill the fields in the body (with ``body_values`` when given), every header and
    footer, and the notes: each part once, so the values written are never read again."""
    unknown: set[str] = set()
    main = document.part
    for part in main.package.iter_parts():
        if part.content_type in _FIELD_PART_TYPES and hasattr(part, "element"):
            own = body_values if part is main and body_values is not None else values
            unknown |= fill_fields(part.element, own)
    return unknown


def insert_content(
    document: Document,
    draft: Draft,
    doctype: DocType,
    tracked: Tracked | None = None,
    marker: Element | None = None,
    comments: CommentMarks | None = None,
) -> None:
    """Put the TU's text at ``marker``, the template's {{ innehall }} paragraph found
    before its fields were filled, or at the end of the body when it has none."""
    from docx.oxml.parser import parse_xml  # lazy: start-up time

    xml = body_xml(document, draft, doctype, tracked, comments)
    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    body = document.element.body
    anchor = marker if marker is not None else body.find(w("sectPr"))
    for child in list(fragment):
        transplant(child, body.append if anchor is None else anchor.addprevious)
    if marker is not None:
        marker.getparent().remove(marker)
    if tracked is not None:
        settle_final_mark(body)


def _comment_marks(
    document: Document, draft: Draft, tracked: Tracked | None, notices: list[str] | None
) -> CommentMarks | None:
    """The comments to write (None with ``tracked``, and a notice that they are not)."""
    from beslut.export.comments_part import first_comment_id

    if tracked is None:
        return CommentMarks(draft, first_comment_id(document))
    if draft.comments:
        _tell(_("Kommentarerna kommer inte med när ändringar markeras."), notices)
    return None


def _tell_skipped(marks: CommentMarks, notices: list[str] | None) -> None:
    """A notice for the comments the document has no place for."""
    if marks.skipped:
        message = ngettext(
            "{n} kommentar kom inte med i Word-filen: texten den står på finns inte i dokumentet.",
            "{n} kommentarer kom inte med i Word-filen: texten de står på finns inte i dokumentet.",
            marks.skipped,
        )
        _tell(message.format(n=marks.skipped), notices)


def _tell(notice: str, notices: list[str] | None) -> None:
    log.info("%s", notice)
    if notices is not None:
        notices.append(notice)


def find_marker(body: Element) -> Element | None:
    """The paragraph that holds nothing but the {{ innehall }} field: call it on the
    template as it is, before any field is filled."""
    for paragraph in body.iter(P):
        text = paragraph_text(paragraph).strip()
        match = FIELD_PATTERN.fullmatch(text)
        if match and field_key(match.group(1)) == CONTENT_FIELD:
            return paragraph
    return None


def numbering_root(document: Document) -> Element:
    """The document's w:numbering element; a numbering part is added when there is none."""
    try:
        return document.part.numbering_part.element
    except NotImplementedError:
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.oxml.parser import parse_xml
        from docx.parts.numbering import NumberingPart

        element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
        part = NumberingPart(
            PackURI("/word/numbering.xml"),
            CONTENT_TYPE.WML_NUMBERING,
            element,
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        return element


def set_properties(document: Document, draft: Draft, doctype: DocType) -> None:
    """Title, author, language and dates in the document's core properties."""
    meta = draft.meta
    props = document.core_properties
    props.title = meta.title[:_CORE_MAX]
    props.subject = meta.subtitle.replace("\n", " ")[:_CORE_MAX]
    props.author = meta.handlaggare.name[:_CORE_MAX]
    props.last_modified_by = meta.handlaggare.name[:_CORE_MAX]
    props.identifier = meta.dnr[:_CORE_MAX]
    props.category = doctype.name[:_CORE_MAX]
    props.keywords = ""
    props.comments = ""
    props.language = LANGUAGE
    now = clock.now().replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
    props.revision = 1
