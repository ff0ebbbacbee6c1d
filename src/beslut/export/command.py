"""The export as one call, for the command line and the UI: .docx, then PDF and bilagor."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from beslut.cancel import Cancelled
from beslut.doctypes.loader import DocType
from beslut.export.attachments import (
    FileSource,
    attachment_files,
    attachment_warnings,
    write_attachments,
)
from beslut.export.errors import ExportError, PdfConversionError, WriteError
from beslut.export.filenames import suggested_filename
from beslut.export.pdf import convert_to_pdf, require_soffice
from beslut.export.revisions import Tracked
from beslut.export.safe_write import clean_stale_temps, write_bytes
from beslut.i18n import _
from beslut.model.draft import Draft


def export_docx(
    draft: Draft,
    target: Path,
    *,
    template: Path | None = None,
    doctype: DocType | None = None,
    extra_fields: Mapping[str, str] | None = None,
    tracked: Tracked | None = None,
    comments: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """Render ``draft`` in the template (with ``tracked``, its changes since an older text
    marked; with ``comments``, its comments as Word comments) and write it safely to
    ``target``."""
    from beslut.export.document import render_docx  # lazy: imports python-docx

    data = render_docx(
        draft,
        template=template,
        doctype=doctype,
        extra_fields=extra_fields,
        tracked=tracked,
        comments=comments,
        notices=notices,
    )
    return write_bytes(target, data)


def export_command(
    draft: Draft,
    files: FileSource,
    out: Path,
    pdf: bool = False,
    attachments: bool = False,
    *,
    template: Path | None = None,
    doctype: DocType | None = None,
    extra_fields: Mapping[str, str] | None = None,
    soffice: Path | None = None,
    tracked: Tracked | None = None,
    overwrite: bool = False,
    notices: list[str] | None = None,
    comments: bool = False,
) -> list[Path]:
    """Export ``draft`` to ``out`` (a .docx, or a folder for the suggested name).

    With ``pdf`` a PDF/A is made beside it, with ``attachments`` the bilaga files are
    copied beside it as "Bilaga N – <title>.<ext>": a file of the same name is replaced
    only with ``overwrite`` (else the bilaga gets a numbered name), the document itself
    never, and a name with a program's extension is made safe. The suggested name in
    folder ``out`` gets a number when that file (or its PDF) exists, unless ``overwrite``.
    What the user should know about all that is added to ``notices``. Everything that
    can fail before writing (LibreOffice missing, a bilaga file missing) is checked
    first. With ``comments`` the draft's comments are Word comments in the .docx (never
    by default: the nämnd's copy has none). Returns the paths written, the .docx first.
    """
    target = resolve_target(draft, out)
    clean_stale_temps(target.parent)  # what a killed export left there
    if out.is_dir() and not overwrite:  # a name beslut chose replaces nothing unasked
        target = _unused_document_name(target, pdf, notices)
    program = require_soffice(soffice) if pdf else None
    bilagor = attachment_files(draft, files) if attachments else []
    if attachments and notices is not None:
        notices.extend(attachment_warnings(draft))
    written = [
        export_docx(
            draft,
            target,
            template=template,
            doctype=doctype,
            extra_fields=extra_fields,
            tracked=tracked,
            comments=comments,
            notices=notices,
        ),
    ]
    try:
        if program is not None:
            written.append(convert_to_pdf(target, target.with_suffix(".pdf"), soffice=program))
        written += write_attachments(
            bilagor,
            target.parent,
            overwrite=overwrite,
            reserved=[path.name for path in written],
            notices=notices,
        )
    except Cancelled as exc:  # Avbryt after the document was written: it stays
        stopped = ExportError(
            _(
                "Exporten avbröts. Tjänsteutlåtandet är sparat som {name}, men det som "
                "skulle göras efter det (PDF, bilagor) gjordes inte."
            ).format(name=target.name),
            "cancelled after the document was written",
        )
        stopped.written = tuple(written)
        raise stopped from exc
    except ExportError as exc:  # the document is written: say so, and let callers know
        exc.written = tuple(written)
        if not isinstance(exc, PdfConversionError):  # its own message says it already
            saved = _("Tjänsteutlåtandet är sparat som {name}.").format(name=target.name)
            exc.user_message = f"{exc.user_message} {saved}"
        raise
    return written


def _unused_document_name(target: Path, pdf: bool, notices: list[str] | None) -> Path:
    def taken(path: Path) -> bool:
        return os.path.lexists(path) or (pdf and os.path.lexists(path.with_suffix(".pdf")))

    if not taken(target):
        return target
    for number in range(2, 1000):
        candidate = target.with_name(f"{target.stem} ({number}){target.suffix}")
        if not taken(candidate):
            break
    else:
        message = _("Det finns för många filer som heter {name} i mappen {folder}.")
        raise WriteError(message.format(name=target.name, folder=target.parent), str(target))
    if notices is not None:
        message = _(
            "{name} fanns redan, så tjänsteutlåtandet sparades som {new}. Ange --force för "
            "att skriva över."
        )
        notices.append(message.format(name=target.name, new=candidate.name))
    return candidate


def resolve_target(draft: Draft, out: Path) -> Path:
    """``out`` itself, ``out`` with .docx added, or the suggested name inside folder ``out``."""
    if out.is_dir():
        return out / suggested_filename(draft)
    if out.suffix.lower() != ".docx":
        return out.with_name(out.name + ".docx")
    return out
