"""A .docx that came back from review (no Qt): its blocks with tracked changes accepted,
where each tracked change and comment anchor stands in its paragraphs, its comments
with their replies (commentsExtended) and who saved it last (docProps/core.xml)."""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from beslut.export.ooxml import Element, w
from beslut.i18n import _
from beslut.importing.docx_parts import part, plain, related, relationships
from beslut.importing.docx_runs import Marked
from beslut.importing.read import Document
from beslut.importing.safety import ImportRefused, Kind, open_docx, read_checked, refuse

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
MAX_COMMENTS = 5000  # more is no review: the rest are left out
MAX_COMMENT_CHARS = 20_000  # of one comment's text
MAX_AUTHOR_CHARS = 200


@dataclass
class WordComment:
    """A comment of word/comments.xml; replies under the comment they answer."""

    id: str
    author: str
    date: str
    text: str
    para_id: str = ""
    replies: list[WordComment] = field(default_factory=list)
    resolved: bool = False


@dataclass
class ReviewedDocx:
    """What a reviewed .docx holds for receiving it."""

    document: Document
    paragraphs: list[Marked]  # every paragraph read, with its marks, in reading order
    comments: list[WordComment]  # the comments that answer none, in the file's order
    last_modified_by: str


def read_reviewed_docx(path: Path) -> ReviewedDocx:
    """The reviewed .docx at ``path``, or ImportRefused (in Swedish, naming the file)."""
    from beslut.importing.docx import DocxReader

    kind, data = read_checked(path)
    if kind is not Kind.DOCX:
        raise refuse(path, _("filen är inte en Word-fil (.docx)."), f"{kind} given for a review")
    try:
        with open_docx(path, data) as archive:
            reader = DocxReader(path, archive, marking=True)
            document = reader.document()
            comments = _comments(path, archive, reader.rels, reader.folder)
            author = _last_modified_by(path, archive)
    except ImportRefused:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        why = _("innehållet kan inte läsas (filen är skadad eller av ett slag beslut inte läser).")
        raise refuse(path, why, repr(exc)) from exc
    return ReviewedDocx(document, reader.runs.marked, comments, author)


def _comments(
    path: Path, archive: zipfile.ZipFile, rels: dict[str, tuple[str, str]], folder: str
) -> list[WordComment]:
    root = part(path, archive, related(rels, "comments", folder, "comments.xml"))
    if root is None:
        return []
    found: dict[str, WordComment] = {}
    for element in root.iterchildren(w("comment")):
        if len(found) >= MAX_COMMENTS:
            break
        comment_id = element.get(w("id"), "")
        if not comment_id or comment_id in found:
            continue
        paragraphs = list(element.iter(w("p")))
        text = "\n".join(plain(p) for p in paragraphs).strip()[:MAX_COMMENT_CHARS]
        para_id = paragraphs[-1].get(f"{{{W14}}}paraId", "") if paragraphs else ""
        author = element.get(w("author"), "")[:MAX_AUTHOR_CHARS]
        found[comment_id] = WordComment(comment_id, author, _date(element), text, para_id)
    extended = _extended(path, archive, rels, folder)
    by_para = {c.para_id: c for c in found.values() if c.para_id}
    top: list[WordComment] = []
    for comment in found.values():
        parent_id, done = extended.get(comment.para_id, ("", False))
        comment.resolved = done
        parent = _root(by_para, extended, parent_id)
        if parent is None or parent is comment:
            top.append(comment)
        else:
            parent.replies.append(comment)
    return top


def _root(
    by_para: dict[str, WordComment], extended: dict[str, tuple[str, bool]], para_id: str
) -> WordComment | None:
    """The comment a reply answers, up to the first that answers none (a loop: None)."""
    seen: set[str] = set()
    while para_id and para_id not in seen and para_id in by_para:
        seen.add(para_id)
        parent_id = extended.get(para_id, ("", False))[0]
        if not parent_id or parent_id not in by_para:
            return by_para[para_id]
        para_id = parent_id
    return None


def _extended(
    path: Path, archive: zipfile.ZipFile, rels: dict[str, tuple[str, str]], folder: str
) -> dict[str, tuple[str, bool]]:
    """commentsExtended: paragraph id -> (the paragraph id it answers, done)."""
    name = next((t for k, t in rels.values() if k.lower() == "commentsextended"), "")
    root = part(path, archive, name) if name else None
    if root is None:
        return {}
    out = {}
    for ex in root.iter(f"{{{W15}}}commentEx"):
        para = ex.get(f"{{{W15}}}paraId", "")
        parent = ex.get(f"{{{W15}}}paraIdParent", "")
        out[para] = (parent, ex.get(f"{{{W15}}}done", "0") in ("1", "true"))
    return out


def _date(element: Element) -> str:
    value = str(element.get(w("date"), ""))
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return ""
    return value


def _last_modified_by(path: Path, archive: zipfile.ZipFile) -> str:
    """docProps/core.xml's cp:lastModifiedBy, where the package's relationships put it."""
    name = next(
        (t for k, t in relationships(path, archive, "").values() if k == "core-properties"),
        posixpath.join("docProps", "core.xml"),
    )
    root = part(path, archive, name)
    element = root.find(f"{{{_CORE}}}lastModifiedBy") if root is not None else None
    text = element.text if element is not None and element.text else ""
    return " ".join(text.split())[:MAX_AUTHOR_CHARS]
