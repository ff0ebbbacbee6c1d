"""Editing a .docx as Word does, with lxml: tracked insertions, deletions and moves
(w:author, w:date), text changed without tracking, comments with a reply and a done flag
(comments.xml, commentsExtended.xml, their relationships and content types), and
cp:lastModifiedBy. For tests of a review that comes back from Word."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
DATE = "2027-01-03T10:00:00Z"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class WordEdit:
    """A .docx open for editing; ``save`` writes it back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.doc.find(w("body"))
        self.comments: list[tuple[int, str, str, str | None, bool]] = []
        self.next_id = 9000

    # -- finding -------------------------------------------------------------------
    def paragraph(self, start: str) -> etree._Element:
        for p in self.body.iter(w("p")):
            if text_of(p).startswith(start):
                return p
        raise KeyError(start)

    def _split(self, p: etree._Element, offset: int) -> etree._Element | None:
        """Make a run boundary at ``offset`` of the paragraph's text; the run that starts
        there (None at the end)."""
        at = 0
        for r in [r for r in p.iter(w("r")) if r.find(w("t")) is not None]:
            t = r.find(w("t"))
            text = t.text or ""
            if at == offset:
                return r
            if at < offset < at + len(text):
                cut = offset - at
                second = copy.deepcopy(r)
                t.text = text[:cut]
                second.find(w("t")).text = text[cut:]
                r.addnext(second)
                return second
            at += len(text)
        return None

    def _runs(self, p: etree._Element, start: int, end: int) -> list[etree._Element]:
        first = self._split(p, start)
        self._split(p, end)
        out, at = [], 0
        for r in [r for r in p.iter(w("r")) if r.find(w("t")) is not None]:
            size = len(r.find(w("t")).text or "")
            if start <= at < end:
                out.append(r)
            at += size
        assert first is None or not out or out[0] is first
        return out

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def _mark(self, tag: str, author: str) -> etree._Element:
        return etree.Element(w(tag), {w("id"): self._id(), w("author"): author, w("date"): DATE})

    # -- tracked changes -----------------------------------------------------------
    def delete(self, start: str, old: str, author: str) -> None:
        p = self.paragraph(start)
        at = text_of(p).index(old)
        self._wrap(self._runs(p, at, at + len(old)), "del", author)

    def _wrap(self, runs: list[etree._Element], tag: str, author: str) -> etree._Element:
        mark = self._mark(tag, author)
        runs[0].addprevious(mark)
        for r in runs:
            mark.append(r)
            if tag in ("del", "moveFrom"):
                for t in r.iter(w("t")):
                    t.tag = w("delText")
        return mark

    def insert(self, start: str, after: str, new: str, author: str) -> None:
        """Insert ``new`` after the text ``after`` (empty: at the start)."""
        p = self.paragraph(start)
        at = text_of(p).index(after) + len(after) if after else 0
        mark = self._mark("ins", author)
        mark.append(_run(new))
        following = self._split(p, at)
        if following is not None:
            following.addprevious(mark)
        else:
            p.append(mark)

    def replace(self, start: str, old: str, new: str, author: str) -> None:
        p = self.paragraph(start)
        at = text_of(p).index(old)
        deleted = self._wrap(self._runs(p, at, at + len(old)), "del", author)
        mark = self._mark("ins", author)
        mark.append(_run(new))
        deleted.addnext(mark)

    def delete_paragraph(self, start: str, author: str, tag: str = "del") -> etree._Element:
        p = self.paragraph(start)
        runs = [r for r in p.iter(w("r"))]
        self._wrap(runs, tag, author)
        self._paragraph_mark(p, tag, author)
        return p

    def _paragraph_mark(self, p: etree._Element, tag: str, author: str) -> None:
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, w("rPr"))
        rpr.append(self._mark(tag, author))

    def move_paragraph(self, start: str, before: str, author: str) -> None:
        """Move the paragraph starting ``start`` to before the one starting ``before``."""
        source = self.paragraph(start)
        target = copy.deepcopy(source)
        self.delete_paragraph(start, author, "moveFrom")
        runs = [r for r in target.iter(w("r"))]
        mark = self._mark("moveTo", author)
        runs[0].addprevious(mark)
        for r in runs:
            mark.append(r)
        self._paragraph_mark(target, "moveTo", author)
        self.paragraph(before).addprevious(target)

    def untracked(self, start: str, old: str, new: str) -> None:
        """Change text as someone does with track changes off."""
        p = self.paragraph(start)
        for t in p.iter(w("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new, 1)
                return
        raise KeyError(old)

    # -- comments ------------------------------------------------------------------
    def comment(
        self,
        start: str,
        quoted: str,
        author: str,
        text: str,
        *,
        reply: tuple[str, str] | None = None,
        done: bool = False,
    ) -> int:
        p = self.paragraph(start)
        at = text_of(p).index(quoted)
        runs = self._runs(p, at, at + len(quoted))
        number = len(self.comments)
        begin = etree.Element(w("commentRangeStart"), {w("id"): str(number)})
        end = etree.Element(w("commentRangeEnd"), {w("id"): str(number)})
        runs[0].addprevious(begin)
        runs[-1].addnext(end)
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference"), {w("id"): str(number)})
        end.addnext(reference)
        self.comments.append((number, author, text, None, done))
        if reply is not None:
            self.comments.append((number + 1, reply[0], reply[1], str(number), False))
        return number

    def _comment_parts(self) -> None:
        root = etree.Element(w("comments"), nsmap={"w": W, "w14": W14})
        ext = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
        for number, author, text, parent, done in self.comments:
            c = etree.SubElement(
                root, w("comment"), {w("id"): str(number), w("author"): author, w("date"): DATE}
            )
            para = etree.SubElement(c, w("p"), {f"{{{W14}}}paraId": f"{number + 1:08X}"})
            para.append(_run(text))
            attrs = {
                f"{{{W15}}}paraId": f"{number + 1:08X}",
                f"{{{W15}}}done": "1" if done else "0",
            }
            if parent is not None:
                attrs[f"{{{W15}}}paraIdParent"] = f"{int(parent) + 1:08X}"
            etree.SubElement(ext, f"{{{W15}}}commentEx", attrs)
        self.parts["word/comments.xml"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8"
        )
        self.parts["word/commentsExtended.xml"] = etree.tostring(
            ext, xml_declaration=True, encoding="UTF-8"
        )
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
        extended = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
        for rid, kind, target in (
            ("rIdC1", office, "comments.xml"),
            ("rIdC2", extended, "commentsExtended.xml"),
        ):
            etree.SubElement(rels, f"{{{_REL}}}Relationship", Id=rid, Type=kind, Target=target)
        self.parts["word/_rels/document.xml.rels"] = etree.tostring(rels)
        types = etree.fromstring(self.parts["[Content_Types].xml"])
        for name, kind in (("comments", "comments"), ("commentsExtended", "commentsExtended")):
            etree.SubElement(
                types,
                f"{{{_CT}}}Override",
                PartName=f"/word/{name}.xml",
                ContentType=f"{_WML}.{kind}+xml",
            )
        self.parts["[Content_Types].xml"] = etree.tostring(types)

    def last_modified_by(self, name: str) -> None:
        core = self.parts["docProps/core.xml"].decode("utf-8")
        start = core.index("<cp:lastModifiedBy>") + len("<cp:lastModifiedBy>")
        end = core.index("</cp:lastModifiedBy>")
        self.parts["docProps/core.xml"] = (core[:start] + name + core[end:]).encode("utf-8")

    def save(self, target: Path | None = None) -> Path:
        if self.comments:
            self._comment_parts()
        self.parts["word/document.xml"] = etree.tostring(
            self.doc, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        target = target or self.path
        target.write_bytes(out.getvalue())
        return target


def text_of(p: etree._Element) -> str:
    """The paragraph's text as it stands (deleted text left out)."""
    return "".join(t.text or "" for t in p.iter(w("t")))


def _run(text: str) -> etree._Element:
    r = etree.Element(w("r"))
    t = etree.SubElement(r, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r
