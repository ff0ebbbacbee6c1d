"""The accessibility check of a written PDF, with pypdf walking the structure tree.

The PDF/UA points a reader notices: tagged (MarkInfo /Marked and a StructTreeRoot), a
document language, the title shown in the window (DisplayDocTitle and a title), the
structure tree's headings in order, alt text on every Figure, and the PDF/UA
identification (pdfuaid:part) in the XMP metadata. pypdf is already a dependency; the
checkers on PyPI were measured against it (see the commit message and the design note).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from beslut.export.accessibility import Problem, unreadable
from beslut.i18n import _

MAX_NODES = 200_000  # structure elements walked at most (a TU has a few thousand)
_HEADING = re.compile(r"/H([1-6])")
_PDFUA_PART = re.compile(rb"pdfuaid:part(?:>\s*|\s*=\s*[\"'])\s*1\b")
_DC_TITLE = re.compile(rb"<dc:title>.*?<rdf:li[^>]*>\s*[^<\s]", re.S)


def check_pdf(path: Path) -> list[Problem]:
    """Every accessibility problem of the PDF at ``path``."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        root: Any = reader.trailer["/Root"].get_object()
        problems = _catalog(path, reader, root)
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            pages = {_id(page): n for n, page in enumerate(reader.pages, 1)}
            problems += _structure(path, tree.get_object(), pages)
    except (OSError, PyPdfError, KeyError, ValueError, TypeError, AttributeError) as exc:
        return [unreadable(path, str(exc) or type(exc).__name__)]
    return problems


def _id(page: Any) -> int | None:
    reference = page.indirect_reference
    return reference.idnum if reference is not None else None


def _catalog(path: Path, reader: Any, root: Any) -> list[Problem]:
    problems = []
    mark = root.get("/MarkInfo")
    marked = bool(mark.get_object().get("/Marked")) if mark is not None else False
    if not marked or root.get("/StructTreeRoot") is None:
        message = _(
            "PDF:en saknar taggar, så en skärmläsare kan inte läsa rubriker, tabeller och "
            "läsordning: skapa den igen med beslut export --pdf (eller i Word: Spara som "
            "PDF > Alternativ > Dokumentstrukturtaggar för tillgänglighet)."
        )
        problems.append(Problem(path, "pdf.tagged", message))
    if not str(root.get("/Lang") or "").strip():
        message = _(
            "PDF:en saknar dokumentspråk: ange svenska som språk i Word-filen (Granska > "
            "Språk) och skapa PDF:en igen."
        )
        problems.append(Problem(path, "pdf.language", message))
    xmp = _xmp(root)
    info = reader.metadata
    titled = bool(info and (info.title or "").strip()) or _DC_TITLE.search(xmp) is not None
    preferences = root.get("/ViewerPreferences")
    shown = bool(preferences.get_object().get("/DisplayDocTitle")) if preferences else False
    if not titled:
        message = _(
            "PDF:en saknar titel: fyll i Titel i Word-filens egenskaper (Arkiv > Info) och "
            "skapa PDF:en igen."
        )
        problems.append(Problem(path, "pdf.title", message))
    elif not shown:
        message = _(
            "PDF:en visar filnamnet i stället för titeln i fönstret: skapa den igen med "
            "beslut export --pdf (eller i Word med titeln som visningsnamn)."
        )
        problems.append(Problem(path, "pdf.title_shown", message))
    if _PDFUA_PART.search(xmp) is None:
        message = _(
            "PDF:en är inte märkt som PDF/UA (pdfuaid:part saknas i metadata): skapa den "
            "igen med beslut export --pdf, som märker den."
        )
        problems.append(Problem(path, "pdf.pdfua", message))
    return problems


def _xmp(root: Any) -> bytes:
    stream = root.get("/Metadata")
    if stream is None:
        return b""
    data = stream.get_object().get_data()
    return data if isinstance(data, bytes) else b""


def _structure(path: Path, tree: Any, pages: dict[int | None, int]) -> list[Problem]:
    """Headings in order and alt text on Figures, walking the tree in reading order."""
    roles = _role_map(tree)
    problems: list[Problem] = []
    previous, headings, seen = 0, 0, set()
    stack = [tree.get("/K")]
    walked = 0
    while stack and walked < MAX_NODES:
        node = stack.pop()
        reference = getattr(node, "idnum", None)
        if reference is not None:
            if reference in seen:
                continue
            seen.add(reference)
            node = node.get_object()
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not hasattr(node, "get") or node.get("/S") is None:
            continue  # a marked-content id, an MCR or an OBJR: content, not structure
        walked += 1
        kind = _standard(str(node["/S"]), roles)
        heading = _HEADING.fullmatch(kind)
        if heading:
            headings += 1
            level = int(heading.group(1))
            if level > previous + 1:
                problems.append(_skipped(path, headings, level, previous))
            previous = level
        elif kind == "/Figure" and not str(node.get("/Alt") or "").strip():
            problems.append(_figure(path, _page(node, pages)))
        stack.append(node.get("/K"))
    return problems


def _role_map(tree: Any) -> dict[str, str]:
    found = tree.get("/RoleMap")
    if found is None:
        return {}
    return {str(key): str(value) for key, value in found.get_object().items()}


def _standard(kind: str, roles: dict[str, str]) -> str:
    seen = {kind}
    while kind in roles and roles[kind] not in seen:
        kind = roles[kind]
        seen.add(kind)
    return kind


def _page(node: Any, pages: dict[int | None, int]) -> int | None:
    page = node.get("/Pg")
    number = getattr(page, "idnum", None) if page is not None else None
    return pages.get(number) if number is not None else None


def _skipped(path: Path, number: int, level: int, previous: int) -> Problem:
    message = _(
        "Rubrik {number} i PDF:en har nivå H{level} men kommer efter nivå H{previous}: "
        "rätta rubriknivåerna i Word-filen så att ingen nivå hoppas över och skapa PDF:en igen."
    )
    text = message.format(number=number, level=level, previous=previous)
    return Problem(path, "pdf.heading_order", text)


def _figure(path: Path, page: int | None) -> Problem:
    if page is None:
        message = _(
            "En bild i PDF:en saknar alternativtext: lägg till alternativtext på bilden i "
            "Word-filen och skapa PDF:en igen."
        )
    else:
        message = _(
            "En bild på sidan {page} i PDF:en saknar alternativtext: lägg till "
            "alternativtext på bilden i Word-filen och skapa PDF:en igen."
        )
    return Problem(path, "pdf.figure_alt", message.format(page=page))
