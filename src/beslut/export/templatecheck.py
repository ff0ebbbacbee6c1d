"""Checking a Word template of the template folder before python-docx parses it (no Qt).

The organisation's stadsmall.docx (and a document type's own template) lies in a shared
folder and is opened at every export. It is checked like an imported .docx, with the
import's limits (beslut.importing.safety): the size of the file, the number of parts and
what they unpack to, read from the zip's directory before anything is unpacked. Then each
XML part, at most MAX_TEMPLATE_XML and read with a cap whatever its header says, must have
no document type declaration and parse without lxml's huge-tree mode (which bounds its
depth at 256). A 438 KB template whose document.xml unpacks to 148 MB took 61 s and
2.8 GB per export; it is now refused in a fraction of a second, and the built-in template
is used with a notice.

The answer is kept per file, size and modification time, so asking again is free.
"""

from __future__ import annotations

import logging
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from beslut.export.errors import TemplateError
from beslut.i18n import _
from beslut.importing.safety import MAX_FILE, MAX_PARTS, MAX_UNPACKED

# XML of a template part: entities off, no network, no huge tree (libxml2's depth limit).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
MAIN_PART = "word/document.xml"
# bytes one XML part of a template may unpack to. The import's 40 MB per part is for a
# TU read once; a template is parsed at every export, and a 127 KB file whose
# document.xml unpacks to 39 MB took 20 s and 790 MB per export (5 MB: 2.7 s, 135 MB).
# The shipped template's largest part is 16 KB.
MAX_TEMPLATE_XML = 5 * 1024 * 1024
MAX_TEMPLATE_XML_TOTAL = 4 * MAX_TEMPLATE_XML  # all XML parts: checking them takes < 1 s
log = logging.getLogger(__name__)


def template_problem(path: Path) -> str | None:
    """Why the Word template at ``path`` must not be used, in Swedish; None when it may."""
    try:
        stat = path.stat()
    except OSError as exc:
        return _("filen kan inte läsas ({why})").format(why=exc.strerror or exc)
    return _problem(path, stat.st_size, stat.st_mtime_ns)


def check_template(path: Path) -> None:
    """TemplateError naming the file when template_problem finds one."""
    problem = template_problem(path)
    if problem is not None:
        message = _("Wordmallen {name} kan inte användas: {problem}.")
        raise TemplateError(message.format(name=path.name, problem=problem), f"{path}: {problem}")


def fallback_notice(path: Path, problem: str, fallback: str) -> str:
    """The notice when the template at ``path`` is left out for ``fallback``."""
    return _(
        "Wordmallen {name} i {folder} kan inte användas: {problem}. beslut använder "
        "{fallback} tills filen är rättad."
    ).format(name=path.name, folder=path.parent, problem=problem, fallback=fallback)


@lru_cache(maxsize=32)
def _problem(path: Path, size: int, _mtime_ns: int) -> str | None:
    if size > MAX_FILE:
        return _("filen är större än {limit} MB").format(limit=MAX_FILE // (1024 * 1024))
    not_word = _("filen är inte ett Word-dokument (.docx eller .dotx)")
    too_much = _("filen packas upp till orimligt mycket data")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            if len(infos) > MAX_PARTS or total > MAX_UNPACKED:
                return too_much
            if MAIN_PART not in archive.namelist():
                return not_word
            xml = [info for info in infos if info.filename.endswith((".xml", ".rels"))]
            if sum(info.file_size for info in xml) > MAX_TEMPLATE_XML_TOTAL:
                return too_much
            for info in xml:
                problem = _xml_problem(archive, info)
                if problem is not None:
                    return problem
    except OSError as exc:
        return _("filen kan inte läsas ({why})").format(why=exc.strerror or exc)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, RuntimeError):
        return not_word  # RuntimeError: an encrypted zip
    return None


def _xml_problem(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    if info.file_size > MAX_TEMPLATE_XML:
        return _("filen packas upp till orimligt mycket data")
    with archive.open(info) as handle:
        data = handle.read(MAX_TEMPLATE_XML + 1)
    if len(data) > MAX_TEMPLATE_XML:  # more than its header says
        return _("filen packas upp till orimligt mycket data")
    if b"<!doctype" in data[:4096].lower() or b"<!entity" in data.lower():
        return _("delen {part} innehåller XML-konstruktioner som beslut inte läser").format(
            part=info.filename
        )
    try:
        etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        log.warning("template part %s: %s", info.filename, exc)
        return _(
            "delen {part} kan inte läsas som XML (den är trasig eller har element i för "
            "många nivåer)"
        ).format(part=info.filename)
    return None
