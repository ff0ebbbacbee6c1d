"""Reading document-type TOML files: sections in order, guidance, standard wording.

A document type lives in ``<template dir>/doctypes/<key>.toml``. An organisation edits
these files (or points beslut at its own template folder) without touching code. A type
may name its own Word template (``template = "remissvar.docx"``), a file in the same
template folder; beslut.workflow.templates decides what happens when it is missing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def toml_problem(exc: OSError | tomllib.TOMLDecodeError | UnicodeDecodeError) -> str:
    """Why a TOML file could not be read, in words for the user (shared with checks.toml)."""
    if isinstance(exc, OSError):
        return _("filen kan inte öppnas ({why})").format(why=exc.strerror or exc)
    if isinstance(exc, UnicodeDecodeError):
        return _("filen är inte sparad som UTF-8")
    return _("filen är inte giltig TOML ({why})").format(why=exc)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # tomllib raises UnicodeDecodeError for a file saved as ANSI (cp1252), not UTF-8.
        message = _("Dokumenttypen i {name} kan inte läsas: {problem}.")
        problem = toml_problem(exc)
        raise DocTypeError(
            message.format(name=path.name, problem=problem), f"{path}: {exc!r}"
        ) from exc


def _order(data: dict[str, Any], path: Path) -> tuple[int, str]:
    order = data.get("order", 100)
    return (order if isinstance(order, int) else 100, path.stem)


def _unwrap(text: object) -> str:
    """Join the lines of each paragraph, so a TOML file may wrap long guidance freely."""
    paragraphs = str(text).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _strings(value: object) -> tuple[str, ...]:
    """A TOML list of strings (anything else is a TypeError, reported as a bad field)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("names must be a list of strings")
    return tuple(value)


def _build(data: dict[str, Any], path: Path) -> DocType:
    try:
        sections = tuple(
            SectionSpec(
                key=str(item["key"]),
                heading=str(item["heading"]),
                required=bool(item.get("required", False)),
                guidance=_unwrap(item.get("guidance", "")),
                example=_unwrap(item.get("example", "")),
                names=_strings(item.get("names", [])),
            )
            for item in data.get("sections", [])
        )
        decisions = data.get("decisions", {})
        template = data.get("template", "")
        if not isinstance(template, str):
            message = _(
                "Dokumenttypen i {name}: template ska vara ett filnamn inom citattecken, "
                'till exempel template = "remissvar.docx".'
            )
            raise DocTypeError(message.format(name=path.name), f"{path}: template={template!r}")
        return DocType(
            key=path.stem,
            name=str(data["name"]),
            description=_unwrap(data.get("description", "")),
            decision_heading=str(decisions.get("heading", "Förslag till beslut")),
            decision_guidance=_unwrap(decisions.get("guidance", "")),
            standard_decisions=tuple(str(s) for s in decisions.get("standard", [])),
            sections=sections,
            decision_names=_strings(decisions.get("names", [])),
            template=template.strip(),
            folder=path.parent.parent,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        message = _("Dokumenttypen i {name} saknar ett obligatoriskt fält ({field}).")
        raise DocTypeError(message.format(name=path.name, field=exc), f"{path}: {exc!r}") from exc
