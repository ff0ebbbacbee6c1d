"""Which template folder, Word template and document types a draft is written with.

The organisation's folder from the settings wins; when it cannot be reached (a share on
a laptop that is offline) or lacks its document types, the ones shipped with beslut are
used and a notice says so. A document-type file that cannot be read is left out with a
notice naming it; the others are still offered. A draft whose type is unknown is shown,
checked and exported as the first type offered, with a notice naming its type and the
folder. A type may name its own Word template (``template = "remissvar.docx"`` in its
TOML), found in the folder the type was read from; when that file is missing the
organisation's template is used, with a notice. The app shows the notices in its message
bar, the command line on stderr.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from beslut.doctypes.loader import DocType, DocTypeError, default_template_dir, read_doctype
from beslut.i18n import _
from beslut.resources import TEMPLATE_NAME
from beslut.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """Where document types, checks.toml and the Word template are read from."""

    folder: Path  # holds doctypes/ (and usually checks.toml)
    template: Path | None  # the Word template; None for the one shipped with beslut
    notices: tuple[str, ...] = ()

    @property
    def builtin(self) -> bool:
        """True when the folder is the one shipped with beslut."""
        return self.folder == default_template_dir()


@dataclass(frozen=True, slots=True)
class DocTypes:
    """The document types to offer, in order, and what the user should know about them."""

    types: tuple[DocType, ...]
    folder: Path  # where they were read
    notices: tuple[str, ...] = ()
    template: Path | None = None  # the organisation's Word template; None for the shipped one


@dataclass(frozen=True, slots=True)
class ResolvedType:
    """The document type a draft is shown and exported with."""

    doctype: DocType
    notices: tuple[str, ...] = ()
    # The Word template to export with: the type's own, else the organisation's; None for
    # the one shipped with beslut.
    template: Path | None = None


def template_source(settings: Settings) -> TemplateSource:
    """The organisation's template folder when it is usable, else the shipped one."""
    chosen = settings.template_path()
    if chosen is None:
        return TemplateSource(default_template_dir(), None)
    try:
        reachable = chosen.is_dir()
        complete = reachable and (chosen / "doctypes").is_dir()
    except OSError as exc:  # a share that answers with an error
        log.warning("template folder %s: %r", chosen, exc)
        reachable = complete = False
    if not reachable:
        notice = _(
            "Mallmappen {folder} går inte att nå. beslut använder de inbyggda "
            "dokumenttyperna och mallen tills den går att nå igen."
        ).format(folder=chosen)
        return TemplateSource(default_template_dir(), None, (notice,))
    template, notices = _checked(settings.template_file(), _("den inbyggda mallen"))
    if not complete:
        notice = _(
            "Mallmappen {folder} saknar mappen doctypes. beslut använder de inbyggda "
            "dokumenttyperna."
        ).format(folder=chosen)
        return TemplateSource(default_template_dir(), template, (*notices, notice))
    return TemplateSource(chosen, template, notices)


def _checked(template: Path | None, fallback: str) -> tuple[Path | None, tuple[str, ...]]:
    """``template`` when it may be opened (checked like an imported .docx: the size of
    its parts before parsing), else None with a notice naming the file."""
    if template is None:
        return None, ()
    from beslut.export.templatecheck import fallback_notice, template_problem

    problem = template_problem(template)
    if problem is None:
        return template, ()
    log.warning("template %s left out: %s", template, problem)
    return None, (fallback_notice(template, problem, fallback),)


def available_doctypes(settings: Settings) -> DocTypes:
    """The document types to offer for a new draft, with what was left out and why."""
    source = template_source(settings)
    folder = source.folder
    types, notices = _read_folder(folder)
    notices = [*source.notices, *notices]
    if not types and not source.builtin:
        notices.append(
            _(
                "Mallmappen {folder} har inga dokumenttyper som kan läsas. beslut använder "
                "de inbyggda."
            ).format(folder=source.folder)
        )
        folder = default_template_dir()
        types, more = _read_folder(folder)
        notices += more
    return DocTypes(tuple(types), folder, tuple(notices), source.template)


def resolve_doctype(key: str, settings: Settings) -> ResolvedType:
    """The document type ``key``; an unknown one falls back to the first type offered,
    with a notice naming the type and the folder (the same answer in app and CLI)."""
    offered = available_doctypes(settings)
    if not offered.types:
        message = _("Det finns inga dokumenttyper att använda i {folder}.")
        folder = offered.folder
        raise DocTypeError(message.format(folder=folder), f"no document types in {folder}")
    found = next((d for d in offered.types if d.key == key), None)
    if found is not None:
        return _with_template(found, offered, offered.notices)
    fallback = offered.types[0]
    notice = _(
        "Dokumenttypen ”{key}” finns inte i mallmappen {folder}. Utkastet visas, granskas "
        "och exporteras som {name} tills typen finns där."
    ).format(key=key, folder=offered.folder, name=fallback.name)
    return _with_template(fallback, offered, (*offered.notices, notice))


def _with_template(doctype: DocType, offered: DocTypes, notices: tuple[str, ...]) -> ResolvedType:
    """``doctype`` with the Word template it exports with: its own when it names one that
    is there, else the organisation's, with a notice naming the missing file."""
    if not doctype.template:
        return ResolvedType(doctype, notices, offered.template)
    own = doctype.template_file()
    try:
        present = own is not None and own.is_file()
    except OSError as exc:  # a share that answers with an error
        log.warning("template %s: %r", own, exc)
        present = False
    fallback = offered.template.name if offered.template is not None else TEMPLATE_NAME
    if own is not None and present:
        usable, more = _checked(own, fallback)
        return ResolvedType(doctype, (*notices, *more), usable or offered.template)
    notice = _(
        "Dokumenttypen {name} ska exporteras i Wordmallen {file}, men den finns inte i "
        "mallmappen {folder}. beslut använder {fallback} tills mallen finns där."
    ).format(
        name=doctype.name,
        file=doctype.template,
        folder=doctype.folder or offered.folder,
        fallback=fallback,
    )
    return ResolvedType(doctype, (*notices, notice), offered.template)


def _read_folder(folder: Path) -> tuple[list[DocType], list[str]]:
    loaded: list[tuple[tuple[int, str], DocType]] = []
    notices: list[str] = []
    try:
        paths = sorted((folder / "doctypes").glob("*.toml"))
    except OSError as exc:
        log.warning("cannot list %s: %r", folder, exc)
        paths = []
    for path in paths:
        try:
            loaded.append(read_doctype(path))
        except DocTypeError as exc:
            notices.append(
                _("{problem} Den typen går inte att välja förrän filen är rättad.").format(
                    problem=exc.user_message
                )
            )
    return [doctype for _key, doctype in sorted(loaded, key=lambda pair: pair[0])], notices
