"""A bare template for the export tests: only Normal and heading 1, no lists, no table,
note or link styles, no numbering part; optionally a footnotes part of its own."""

from __future__ import annotations

import zipfile
from pathlib import Path

from beslut.export.ooxml import W_NS

FOOTNOTES = "word/footnotes.xml"
_W = f'xmlns:w="{W_NS}"'
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PKG_RELS = (
    f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def bare_template(folder: Path, *, footnotes: bool = False) -> Path:
    """A template with only a Normal style: no lists, headings 2-3, table or note styles.
    With ``footnotes``, it has a footnotes part of its own (separators and one note)."""
    parts = {
        "word/document.xml": f"<w:document {_W}><w:body><w:p><w:r><w:t>{{{{ innehall }}}}"
        '</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1000"'
        ' w:right="906" w:top="1000" w:bottom="1000"/></w:sectPr></w:body></w:document>',
        "word/styles.xml": f'<w:styles {_W}><w:style w:type="paragraph" w:default="1" '
        'w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/>'
        "</w:style></w:styles>",
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{_RELS}"><Relationship Id="rS"'
        ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
        ' Target="styles.xml"/>'
        + (
            '<Relationship Id="rF" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/footnotes" Target="footnotes.xml"/>'
            if footnotes
            else ""
        )
        + "</Relationships>",
        "_rels/.rels": _PKG_RELS,
        "[Content_Types].xml": f'<Types xmlns="{_TYPES}"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
        ' ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
        f'"{_DOC_TYPE}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType='
        f'"{_DOC_TYPE}.styles+xml"/>'
        + (
            f'<Override PartName="/word/footnotes.xml" ContentType="{_DOC_TYPE}.footnotes+xml"/>'
            if footnotes
            else ""
        )
        + "</Types>",
    }
    if footnotes:
        parts[FOOTNOTES] = (
            f'<w:footnotes {_W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
            '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
            '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
            "<w:r><w:t>Mallens egen.</w:t></w:r></w:p></w:footnote></w:footnotes>"
        )
    path = folder / ("med-fotnoter.docx" if footnotes else "bar.docx")
    with zipfile.ZipFile(path, "w") as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return path
