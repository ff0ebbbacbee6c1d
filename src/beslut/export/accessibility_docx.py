"""The accessibility check of a written .docx, read back from its XML parts.

What Word's own checker and the DOS-lagen ask of a Word file: a title and a language in
the document properties, headings in order without skipped levels, a header row in every
data table, link texts that are not bare addresses, alt text on every picture, and a
reading order where the facts table (dnr, date, handläggare) comes first in the body.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from beslut.export.accessibility import Problem, unreadable
from beslut.i18n import _

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DC = "http://purl.org/dc/elements/1.1/"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
VML = "urn:schemas-microsoft-com:vml"

MAX_PART = 64 * 1024 * 1024  # larger XML parts are not read (beslut writes far smaller)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)
_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_BARE_ADDRESS = re.compile(r"(?i)(?:https?://|ftp://|www\.)\S+")
_HEADING_NAME = re.compile(r"(?i)heading\s*([1-9])")
_QUOTE_LIMIT = 60


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def check_docx(path: Path) -> list[Problem]:
    """Every accessibility problem of the .docx at ``path``, in reading order."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {name: _parse(archive, name) for name in _names(archive)}
            rels = {name: _relations(archive, name) for name in parts if _PART.fullmatch(name)}
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError) as exc:
        return [unreadable(path, str(exc))]
    document = parts.get("word/document.xml")
    if document is None:
        return [unreadable(path, "word/document.xml saknas")]
    problems = _properties(path, parts)
    body = document.find(_w("body"))
    if body is not None:
        problems += _reading_order(path, body)
        problems += _structure(path, body, _heading_styles(parts.get("word/styles.xml")))
    for name in sorted(rels, key=_part_order):
        problems += _pictures(path, name, parts[name])
        problems += _links(path, parts[name], rels[name])
    return problems


def _names(archive: zipfile.ZipFile) -> list[str]:
    wanted = {"docProps/core.xml", "word/styles.xml"}
    return [
        info.filename
        for info in archive.infolist()
        if (info.filename in wanted or _PART.fullmatch(info.filename))
        and info.file_size <= MAX_PART
    ]


def _parse(archive: zipfile.ZipFile, name: str) -> Any:
    return etree.fromstring(archive.read(name), _PARSER)


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, _slash, file = part.rpartition("/")
    name = f"{folder}/_rels/{file}.rels"
    try:
        root = _parse(archive, name)
    except KeyError:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(f"{{{PKG_RELS}}}*")}


def _part_order(name: str) -> tuple[int, str]:
    order = ("word/document", "word/header", "word/footer", "word/footnotes", "word/endnotes")
    return next((i for i, start in enumerate(order) if name.startswith(start)), 9), name


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t")))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…"


def _properties(path: Path, parts: dict[str, Any]) -> list[Problem]:
    core = parts.get("docProps/core.xml")
    title = core.findtext(f"{{{DC}}}title") if core is not None else None
    language = core.findtext(f"{{{DC}}}language") if core is not None else None
    styles = parts.get("word/styles.xml")
    if not (language or "").strip() and styles is not None:
        found = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
        language = found.get(_w("val")) if found is not None else None
    problems = []
    if not (title or "").strip():
        message = _(
            "Dokumentet saknar titel i dokumentegenskaperna: fyll i Titel under "
            "Arkiv > Info > Egenskaper."
        )
        problems.append(Problem(path, "docx.title", message))
    if not (language or "").strip():
        message = _(
            "Dokumentet saknar språk: markera all text och välj Granska > Språk > "
            "Ange språk för korrekturläsning > Svenska."
        )
        problems.append(Problem(path, "docx.language", message))
    return problems


def _content(body: Any) -> Iterator[Any]:
    """The body's paragraphs and tables at the top level (inside content controls too)."""
    for child in body:
        if child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _content(content)
        elif child.tag in (_w("p"), _w("tbl")):
            yield child


def _reading_order(path: Path, body: Any) -> list[Problem]:
    problems = []
    first = next(_content(body), None)
    if first is None or first.tag != _w("tbl"):
        message = _(
            "Dokumentets uppgifter (dnr, datum, handläggare) kommer inte först i "
            "läsordningen: lägg uppgiftstabellen först i dokumentet, inte i sidhuvudet "
            "eller i en textruta."
        )
        problems.append(Problem(path, "docx.reading_order", message))
    for box in body.iter(_w("txbxContent")):
        text = _text(box)
        if text.strip():
            message = _(
                "Texten ”{text}” står i en textruta och läses utanför läsordningen: "
                "flytta den in i dokumentets text."
            )
            problems.append(Problem(path, "docx.text_box", message.format(text=_quote(text))))
    return problems


def _heading_styles(styles: Any) -> dict[str, int]:
    """Paragraph style id -> heading level (1-9), through basedOn."""
    if styles is None:
        return {}
    own: dict[str, tuple[int | None, str | None]] = {}
    for style in styles.iter(_w("style")):
        if style.get(_w("type")) != "paragraph":
            continue
        name = style.find(_w("name"))
        based = style.find(_w("basedOn"))
        outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        level = _outline_level(outline)
        if level is None and name is not None:
            matched = _HEADING_NAME.fullmatch(name.get(_w("val"), "").strip())
            level = int(matched.group(1)) if matched else None
        parent = based.get(_w("val")) if based is not None else None
        own[style.get(_w("styleId"), "")] = (level, parent)
    levels = {}
    for style_id in own:
        seen, current = set(), style_id
        while current in own and current not in seen:
            seen.add(current)
            level, parent = own[current]
            if level is not None:
                levels[style_id] = level
                break
            current = parent or ""
    return levels


def _outline_level(element: Any) -> int | None:
    value = element.get(_w("val")) if element is not None else None
    if value is None or not value.isdigit() or int(value) > 8:
        return None  # 9 is body text
    return int(value) + 1


def _level(paragraph: Any, styles: dict[str, int]) -> int | None:
    props = paragraph.find(_w("pPr"))
    if props is None:
        return None
    outline = props.find(_w("outlineLvl"))
    if outline is not None:
        return _outline_level(outline)
    style = props.find(_w("pStyle"))
    return styles.get(style.get(_w("val"), "")) if style is not None else None


def _structure(path: Path, body: Any, styles: dict[str, int]) -> list[Problem]:
    """Headings in order and a header row in every table but the facts table."""
    problems = []
    first = next(_content(body), None)
    previous, heading, table_number = 0, "", 0
    for element in body.iter(_w("p"), _w("tbl")):
        if element.tag == _w("p"):
            level = _level(element, styles)
            if level is None:
                continue
            text = _quote(_text(element))
            if level > previous + 1:
                problems.append(_skipped(path, text, level, previous))
            previous, heading = level, text
        elif element is not first:
            table_number += 1
            if not _has_header_row(element):
                problems.append(_no_header_row(path, table_number, heading))
    return problems


def _skipped(path: Path, text: str, level: int, previous: int) -> Problem:
    message = _(
        "Rubriken ”{text}” har nivå {level} men kommer efter nivå {previous}: gör den "
        "till Rubrik {wanted} så att ingen rubriknivå hoppas över."
    )
    wanted = previous + 1
    text = message.format(text=text, level=level, previous=previous, wanted=wanted)
    return Problem(path, "docx.heading_order", text)


def _has_header_row(table: Any) -> bool:
    row = table.find(_w("tr"))
    if row is None:
        return True  # no rows, nothing to read
    header = row.find(f"{_w('trPr')}/{_w('tblHeader')}")
    return header is not None and header.get(_w("val"), "true") not in ("0", "false", "off")


def _no_header_row(path: Path, number: int, heading: str) -> Problem:
    if heading:
        message = _(
            "Tabell {number} (under rubriken ”{heading}”) saknar rubrikrad: markera första "
            "raden och välj Tabellegenskaper > Rad > Upprepa som rubrikrad."
        )
    else:
        message = _(
            "Tabell {number} saknar rubrikrad: markera första raden och välj "
            "Tabellegenskaper > Rad > Upprepa som rubrikrad."
        )
    return Problem(path, "docx.table_header", message.format(number=number, heading=heading))


def _where(part: str) -> str:
    if part.startswith("word/header"):
        return _("i sidhuvudet")
    if part.startswith("word/footer"):
        return _("i sidfoten")
    if part.startswith(("word/footnotes", "word/endnotes")):
        return _("i en fotnot")
    return _("i dokumentet")


def _pictures(path: Path, part: str, root: Any) -> list[Problem]:
    problems = []
    message = _(
        "Bilden ”{name}” {where} saknar alternativtext: högerklicka på bilden, välj "
        "Redigera alternativtext och beskriv vad den visar (eller markera den som dekorativ)."
    )
    for picture in root.iter(f"{{{WP}}}docPr"):
        if (picture.get("descr") or "").strip() or _decorative(picture):
            continue
        name = picture.get("name") or "?"
        text = message.format(name=name, where=_where(part))
        problems.append(Problem(path, "docx.picture_alt", text))
    for shape in root.iter(f"{{{VML}}}shape"):
        if shape.find(f"{{{VML}}}imagedata") is None or (shape.get("alt") or "").strip():
            continue
        text = message.format(name=shape.get("id") or "?", where=_where(part))
        problems.append(Problem(path, "docx.picture_alt", text))
    return problems


def _decorative(picture: Any) -> bool:
    return any(
        isinstance(item.tag, str)
        and etree.QName(item).localname == "decorative"
        and item.get("val") in ("1", "true")
        for item in picture.iter()
    )


def _links(path: Path, root: Any, rels: dict[str, str]) -> list[Problem]:
    problems = []
    for link in root.iter(_w("hyperlink")):
        text = " ".join(_text(link).split())
        target = rels.get(link.get(f"{{{R}}}id", ""), "")
        bare = _BARE_ADDRESS.fullmatch(text) is not None
        if not bare and not (target and text and _same_address(text, target)):
            continue
        message = _(
            "Länktexten ”{text}” är bara en adress: skriv en text som säger vart länken "
            "leder (till exempel ”stadens anläggningsplan”) och lägg adressen i länken."
        )
        problems.append(Problem(path, "docx.link_text", message.format(text=_quote(text))))
    return problems


def _same_address(text: str, target: str) -> bool:
    if target.lower().startswith("mailto:"):
        return False  # an e-mail address shown as itself is what the reader needs
    return text.rstrip("/").lower() == target.rstrip("/").lower()
