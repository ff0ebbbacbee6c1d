"""word/comments.xml and word/commentsExtended.xml: the comments the body marked.

Each w:comment has its author, date (the draft's time as it is) and initials, its text
one w:p a line with a w14:paraId; commentsExtended links a reply to the comment it
answers (w15:paraIdParent) and marks a resolved thread done, as Word 2013 and later do.
A template's own comments part is added to, never replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from beslut.export.comments import CommentMarks, Written
from beslut.export.ooxml import W_NS, Element, w
from beslut.export.runs import run_xml

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
COMMENTS_TYPE = f"{_WML}.comments+xml"
EXTENDED_TYPE = f"{_WML}.commentsExtended+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ROOTS = (
    f'xmlns:w="{W_NS}" xmlns:w14="{W14}" xmlns:w15="{W15}" xmlns:mc="{MC}" mc:Ignorable="w14 w15"'
)
_FIRST_PARA_ID = 0x1C000000  # w14:paraId must be below 0x80000000


def first_comment_id(document: Document) -> int:
    """The first w:id after those of the template's own comments (0 when it has none)."""
    part = _related(document, COMMENTS_REL)
    if part is None:
        return 0
    ids = [c.get(w("id"), "") for c in _element(part).iterchildren(w("comment"))]
    return max([-1, *(int(i) for i in ids if i.isdigit())]) + 1


def write(document: Document, marks: CommentMarks) -> None:
    """Put the marked comments into the package; nothing changes when there are none."""
    if not marks.written:
        return
    body = document.element.body
    taken = {p.get(f"{{{W14}}}paraId", "") for p in body.iter(w("p"))}
    para_ids = _ParaIds(taken)
    comments: list[str] = []
    extended: list[str] = []
    last: dict[int, str] = {}  # comment id -> its last paragraph's paraId
    for written in marks.written:
        xml, para_id = _comment_xml(written, para_ids)
        comments.append(xml)
        last[written.id] = para_id
        parent = ""
        if written.parent is not None:
            parent = f" w15:paraIdParent={quoteattr(last[written.parent])}"
        done = "1" if written.done else "0"
        extended.append(f'<w15:commentEx w15:paraId="{para_id}"{parent} w15:done="{done}"/>')
    _add(document, COMMENTS_REL, COMMENTS_TYPE, "/word/comments.xml", "comments", comments)
    _add(
        document, EXTENDED_REL, EXTENDED_TYPE, "/word/commentsExtended.xml", "commentsEx", extended
    )


class _ParaIds:
    """Paragraph ids (8 hex digits) that no paragraph of the body has."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = {t.upper() for t in taken}
        self._next = _FIRST_PARA_ID

    def new(self) -> str:
        while f"{self._next:08X}" in self._taken:
            self._next += 1
        value = f"{self._next:08X}"
        self._next += 1
        return value


def _comment_xml(written: Written, para_ids: _ParaIds) -> tuple[str, str]:
    """The w:comment of ``written`` and the paraId of its last paragraph."""
    lines = written.text.split("\n") if written.text else [""]
    paragraphs = []
    para_id = ""
    for number, line in enumerate(lines):
        para_id = para_ids.new()
        ref = "<w:r><w:annotationRef/></w:r>" if number == 0 else ""
        paragraphs.append(
            f'<w:p w14:paraId="{para_id}" w14:textId="77777777">{ref}{run_xml(line)}</w:p>'
        )
    attributes = (
        f'w:id="{written.id}" w:author={quoteattr(written.author)} '
        f"w:date={quoteattr(written.date)} w:initials={quoteattr(initials(written.author))}"
    )
    return f"<w:comment {attributes}>{''.join(paragraphs)}</w:comment>", para_id


def initials(author: str) -> str:
    """The first letter of each of the first three words of ``author``'s name."""
    return "".join(word[0] for word in author.split()[:3]).upper()


def _add(
    document: Document, rel: str, content_type: str, name: str, root: str, items: list[str]
) -> None:
    """Add ``items`` to the part of relationship ``rel``, or to a new part ``name``."""
    from docx.oxml.parser import parse_xml

    prefix = "w15" if root == "commentsEx" else "w"
    fragment = parse_xml(f"<{prefix}:{root} {_ROOTS}>{''.join(items)}</{prefix}:{root}>")
    part = _related(document, rel)
    if part is None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        new = XmlPart(PackURI(name), content_type, fragment, document.part.package)
        document.part.relate_to(new, rel)
        return
    from docx.opc.part import XmlPart

    element = _element(part)
    element.extend(list(fragment))
    if not isinstance(part, XmlPart):  # a plain Part keeps bytes: write them back
        from docx.opc.oxml import serialize_part_xml

        part._blob = serialize_part_xml(element)


def _related(document: Document, reltype: str) -> Part | None:
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target: Part = rel.target_part
            return target
    return None


def _element(part: Part) -> Element:
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    return part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
