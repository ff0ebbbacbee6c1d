"""Reading document-type TOML files: sections in order, guidance, standard wording.

A document type lives in ``<template dir>/doctypes/<key>.toml``. An organisation edits
these files (or points beslut at its own template folder) without touching code. A type
may name its own Word template (``template = "remissvar.docx"``), a file in the same
template folder; beslut.workflow.templates decides what happens when it is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beslut.doctypes import tomlfile
from beslut.doctypes.tomlfile import MAX_LINE, MAX_TEXT, TomlProblem, read_toml
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.resources import data_folder


class DocTypeError(BeslutError):
    """A document-type file that is missing or cannot be read."""


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One text part of a document type."""

    key: str
    heading: str
    required: bool = False
    guidance: str = ""
    example: str = ""
    # Other headings the part goes by in existing TUs ("Förvaltningens bedömning"), for
    # import; "*" matches any words ("* i sammanfattning").
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocType:
    """A kind of tjänsteutlåtande: its parts in order and its standard wording."""

    key: str
    name: str
    description: str = ""
    decision_heading: str = "Förslag till beslut"
    decision_guidance: str = ""
    standard_decisions: tuple[str, ...] = ()
    sections: tuple[SectionSpec, ...] = ()
    decision_names: tuple[str, ...] = ()  # other headings of Förslag till beslut (import)
    template: str = ""  # the type's own Word template, a file name in its template folder
    folder: Path | None = field(default=None, compare=False)  # the template folder read

    def section(self, key: str) -> SectionSpec | None:
        """The section spec with ``key``, or None."""
        return next((s for s in self.sections if s.key == key), None)

    def template_file(self) -> Path | None:
        """The Word template this type names, in the folder it was read from (whether or
        not the file is there); None when it names none, or a path instead of a file name."""
        name = self.template
        if not name or self.folder is None or Path(name).name != name or "\\" in name:
            return None
        return self.folder / name


def default_template_dir() -> Path:
    """The template folder shipped with beslut (``beslut/data/templates``)."""
    return data_folder("templates")


def load_doctypes(template_dir: Path | None = None) -> list[DocType]:
    """All document types in the template folder, in the order their files ask for."""
    folder = (template_dir or default_template_dir()) / "doctypes"
    if not folder.is_dir():
        message = _(
            "Mappen med dokumenttyper saknas: {folder}. Kontrollera mallmappen i inställningarna."
        )
        raise DocTypeError(message.format(folder=folder), str(folder))
    loaded = [read_doctype(path) for path in sorted(folder.glob("*.toml"))]
    return [doctype for _order_key, doctype in sorted(loaded, key=lambda pair: pair[0])]


def read_doctype(path: Path) -> tuple[tuple[int, str], DocType]:
    """One document-type file: its place in the order, and the type (DocTypeError when the
    file cannot be read or lacks a field)."""
    data = _read(path)  # once per file: the order and the type come from the same read
    return _order(data, path), _build(data, path)


def load_doctype(key: str, template_dir: Path | None = None) -> DocType:
    """The document type ``key`` (the TOML file's name without .toml)."""
    path = (template_dir or default_template_dir()) / "doctypes" / f"{key}.toml"
    if not path.is_file():
        message = _("Dokumenttypen ”{key}” finns inte i mallmappen.")
        raise DocTypeError(message.format(key=key), str(path))
    return _build(_read(path), path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except TomlProblem as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: TomlProblem) -> DocTypeError:
    message = _("Dokumenttypen i {name} kan inte läsas: {problem}.")
    return DocTypeError(message.format(name=path.name, problem=exc), f"{path}: {exc}")


def _order(data: dict[str, Any], path: Path) -> tuple[int, str]:
    order = data.get("order", 100)
    return (order if isinstance(order, int) else 100, path.stem)


def _unwrap(text: str) -> str:
    """Join the lines of each paragraph, so a TOML file may wrap long guidance freely."""
    paragraphs = text.strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _section(item: Mapping[str, Any], where: str) -> SectionSpec:
    return SectionSpec(
        key=tomlfile.text(item, "key", where).strip(),
        heading=tomlfile.text(item, "heading", where).strip(),
        required=tomlfile.flag(item, "required", where),
        guidance=_unwrap(tomlfile.text(item, "guidance", where, "", MAX_TEXT)),
        example=_unwrap(tomlfile.text(item, "example", where, "", MAX_TEXT)),
        names=tomlfile.strings(item, "names", where, MAX_LINE),
    )


def _build(data: dict[str, Any], path: Path) -> DocType:
    """The type in ``data``; DocTypeError naming the file and the field of the wrong kind."""
    try:
        sections = tuple(
            _section(item, _("sections nr {number}").format(number=number))
            for number, item in enumerate(tomlfile.tables(data, "sections"), start=1)
        )
        decisions = tomlfile.table(data, "decisions")
        template = tomlfile.text(data, "template", "", "").strip()
        return DocType(
            key=path.stem,
            name=tomlfile.text(data, "name").strip(),
            description=_unwrap(tomlfile.text(data, "description", "", "", MAX_TEXT)),
            decision_heading=tomlfile.text(
                decisions, "heading", "decisions", "Förslag till beslut"
            ).strip(),
            decision_guidance=_unwrap(
                tomlfile.text(decisions, "guidance", "decisions", "", MAX_TEXT)
            ),
            standard_decisions=tomlfile.strings(decisions, "standard", "decisions"),
            sections=sections,
            decision_names=tomlfile.strings(decisions, "names", "decisions", MAX_LINE),
            template=template,
            folder=path.parent.parent,
        )
    except TomlProblem as exc:
        raise _unreadable(path, exc) from exc
