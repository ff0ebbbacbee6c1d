"""Small .docx files written by hand for the Word reader's tests: a body of WordprocessingML
and the parts it needs (numbering, notes, relationships), zipped as Word zips them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document, read_document
from beslut.importing.read import Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="{ns}/officeDocument" Target="{target}"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{rels}</Relationships>"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def p(text: str, style: str = "") -> str:
    """A paragraph of one run."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{r(text)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def write_docx(
    path: Path,
    body: str,
    parts: dict[str, str] | None = None,
    rels: str = "",
    main: str = "word/document.xml",
    namespace: str = R,
) -> Path:
    """A .docx at ``path`` whose body is ``body``; ``parts`` are more parts by name
    (word/numbering.xml, word/endnotes.xml ...), ``rels`` the main part's relationships."""
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    )
    folder, name = main.rsplit("/", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS.format(ns=namespace, target=main))
        archive.writestr(main, document)
        archive.writestr(f"{folder}/_rels/{name}.rels", DOC_RELS.format(rels=rels))
        for part_name, xml in (parts or {}).items():
            archive.writestr(part_name, xml)
    return path


def read(path: Path) -> Document:
    return read_document(path)


def texts(document: Document) -> list[str]:
    return [read.text for read in document.blocks]


def all_text(path: Path) -> str:
    """Every word of the imported draft: its metadata, decisions, parts, notes, bilagor."""
    draft = import_document(path, load_doctypes()).draft
    pieces = [draft.meta.title, draft.meta.subtitle, *draft.decisions]
    for section in draft.sections:
        pieces.append(section.heading)
        for block in section.blocks:
            pieces.append(block.text)
            pieces += [run.note for run in block.all_runs]
    pieces += [attachment.title for attachment in draft.attachments]
    return "\n".join(pieces)
