"""The parts of a .docx and their XML (no Qt): the main document wherever the package's
relationships put it, the parts it relates to (styles, numbering, notes, links), and
Strict Open XML read as transitional by mapping its namespaces.

The XML is read with lxml's parser set to resolve no entities, load no DTD and reach no
network, after safety.read_part has refused any DTD.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from beslut.export.ooxml import Element, w
from beslut.i18n import _
from beslut.importing.safety import ImportRefused, read_part, refuse

REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)
_STRICT = "http://purl.oclc.org/ooxml/"
# Strict Open XML's namespaces (and relationship types, which start the same) and their
# transitional twins; the rest of Strict's vocabulary is the same for what is read here.
STRICT_NAMESPACES = {
    _STRICT
    + "wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    _STRICT
    + "officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    _STRICT + "officeDocument/math": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    _STRICT + "drawingml/main": "http://schemas.openxmlformats.org/drawingml/2006/main",
    _STRICT
    + "drawingml/wordprocessingDrawing": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    _STRICT + "drawingml/picture": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
_MAIN = "officeDocument"
DEFAULT_MAIN = "word/document.xml"


def parse(path: Path, data: bytes | None) -> Element | None:
    """The XML of a part (None for a part that is not there), Strict read as transitional."""
    if data is None:
        return None
    if _STRICT.encode() in data:
        for strict, transitional in STRICT_NAMESPACES.items():
            data = data.replace(strict.encode(), transitional.encode())
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise refuse(path, _("Word-filen är skadad."), repr(exc)) from exc


def part(path: Path, archive: zipfile.ZipFile, name: str) -> Element | None:
    return parse(path, read_part(path, archive, name))


def relationships(path: Path, archive: zipfile.ZipFile, name: str) -> dict[str, tuple[str, str]]:
    """The relationships of part ``name``: id -> (type's last word, target). An internal
    target is the part's name in the zip; an external one (a link) is as written."""
    folder, base = posixpath.split(name)
    root = part(path, archive, posixpath.join(folder, "_rels", base + ".rels"))
    if root is None:
        return {}
    found = {}
    for rel in root.iter(f"{{{REL}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode", "") != "External":
            target = _resolve(folder, target)
        found[rel.get("Id", "")] = (kind, target)
    return found


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def main_part(path: Path, archive: zipfile.ZipFile) -> str | None:
    """The name of the main document part: where the package's relationships say (most
    often word/document.xml), else word/document.xml if it is there."""
    names = set(archive.namelist())
    fallback = DEFAULT_MAIN if DEFAULT_MAIN in names else None
    try:
        package = relationships(path, archive, "")
    except ImportRefused:
        if fallback is None:
            raise
        return fallback  # a damaged _rels/.rels next to Word's usual main part: read that
    for kind, target in package.values():
        if kind == _MAIN and target in names:
            return target
    return fallback


def related(relations: dict[str, tuple[str, str]], kind: str, folder: str, fallback: str) -> str:
    """The part of type ``kind`` (styles, numbering, footnotes, endnotes) the main
    document relates to, else ``fallback`` in its folder."""
    for rel_kind, target in relations.values():
        if rel_kind.lower() == kind.lower():
            return target
    return posixpath.join(folder, fallback)


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE = f"{{{MC}}}AlternateContent"
# Text that is not the document's: deleted, moved away (read at its new place).
_LEFT_OUT = frozenset({w("del"), w("moveFrom")})


def branch(alternate: Element) -> Element | None:
    """The one branch of an mc:AlternateContent to read: its first mc:Choice, unless
    that holds no text and its mc:Fallback does (both say the same thing twice)."""
    choice = alternate.find(f"{{{MC}}}Choice")
    fallback = alternate.find(f"{{{MC}}}Fallback")
    if choice is None or (fallback is not None and not _has_text(choice) and _has_text(fallback)):
        return fallback
    return choice


def _has_text(element: Element) -> bool:
    return any(t.text for t in element.iter(w("t")))


def plain(element: Element) -> str:
    """The text of ``element`` (a paragraph, a note, a cell) as the reader sees it:
    deleted and moved-away text left out, one branch of alternate content."""
    return "".join(_pieces(element))


def _pieces(element: Element) -> list[str]:
    pieces = []
    for child in element:
        tag = child.tag
        if tag == w("t"):
            pieces.append(child.text or "")
        elif tag in _LEFT_OUT:
            continue
        elif tag == ALTERNATE:
            chosen = branch(child)
            if chosen is not None:
                pieces += _pieces(chosen)
        elif len(child):
            pieces += _pieces(child)
    return pieces


def control_content(sdt: Element) -> Element | None:
    """What a content control holds, or None while it shows its placeholder ("Klicka
    eller tryck här för att ange text."): Word's prompt, not the document's text."""
    if on(sdt.find(f"{w('sdtPr')}/{w('showingPlcHdr')}")):
        return None
    return sdt.find(w("sdtContent"))


def on(element: Element | None) -> bool:
    """A switch of Word's (bold, italic, a placeholder shown): there and not off."""
    return element is not None and element.get(w("val"), "true").lower() not in (
        "0",
        "false",
        "off",
    )
