"""Exporting a draft: the same steps from the app's export step and from ``beslut export``.

The document type and the Word template (the type's own, else the organisation's) come
from the settings through templates.py (with their fallbacks); a template given by the
caller (``beslut export --template``) wins. A stored draft's export is recorded as a
version of it, whoever asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.i18n import _
from beslut.settings import Settings
from beslut.workflow.templates import resolve_doctype, template_source

RECORD_ATTEMPTS = 3  # tries to record an export's version in a database another program holds
RECORD_PAUSE = 1.0  # seconds between them (each try itself waits for SQLite's busy timeout)

if TYPE_CHECKING:
    from beslut.export.accessibility import Problem
    from beslut.export.attachments import FileSource
    from beslut.export.revisions import Tracked
    from beslut.model.draft import Draft
    from beslut.store import Store


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote, the version it recorded, what the user should know, and
    the accessibility problems of the documents written (workflow/accessibility.py)."""

    written: list[Path]
    revision: int | None = None
    notices: tuple[str, ...] = ()
    accessibility: tuple[Problem, ...] = ()


def export_draft(
    draft: Draft,
    files: FileSource,
    target: Path,
    settings: Settings,
    *,
    pdf: bool = False,
    attachments: bool = False,
    template: Path | None = None,
    tracked: Tracked | None = None,
    overwrite: bool = False,
    comments: bool = False,
) -> Exported:
    """Export ``draft`` (from the store or a draft file) to ``target`` in the template;
    a ``target`` ending in .txt gets the TU as plain text (export/plaintext.py). With
    ``tracked`` the changes since an older text are Word revisions (tracking.py). A
    bilaga replaces a file of its name only with ``overwrite`` (export/attachments.py).
    With ``comments`` the draft's comments are Word comments (never by default)."""
    from beslut.export.command import export_command  # python-docx loads only now

    resolved = resolve_doctype(draft.meta.doctype, settings)
    source = template_source(settings)
    if tracked is not None:
        from beslut.workflow.tracking import require_word

        require_word(target)
    if target.suffix.lower() == ".txt":
        from beslut.export.plaintext import tu_text
        from beslut.export.safe_write import write_bytes

        write_bytes(target, tu_text(draft, resolved.doctype).encode("utf-8"))
        return Exported([target], None, _unique((*source.notices, *resolved.notices)))
    said: list[str] = []
    written = export_command(
        draft,
        files,
        target,
        pdf,
        attachments,
        template=template or resolved.template,
        doctype=resolved.doctype,
        extra_fields=settings.export_fields(),
        tracked=tracked,
        overwrite=overwrite,
        notices=said,
        comments=comments,
    )
    from beslut.workflow.accessibility import check_written

    problems = tuple(check_written(written))
    notices = _unique((*source.notices, *resolved.notices, *said))
    return Exported(written, None, notices, problems)


def export_stored(
    store: Store,
    draft_id: int,
    target: Path,
    settings: Settings,
    *,
    draft: Draft | None = None,
    pdf: bool = False,
    attachments: bool = False,
    template: Path | None = None,
    changes_since: int | None = None,
    overwrite: bool = False,
    exported_text: Draft | None = None,
    label: Callable[[Path], str] | None = None,
    comments: bool = False,
) -> Exported:
    """Export stored draft ``draft_id`` and record the exported text as a version.

    ``draft`` is the text to export when the caller holds a newer one than the store
    (the app's editor, saved just before); a read-only database exports but records
    nothing. With ``changes_since`` (a version of the draft) the .docx marks what
    changed since that version as tracked changes. ``exported_text`` is written instead
    of the text while the version keeps the text (a publication copy, publish.py);
    ``label`` names the version from the document written. With ``comments`` the
    draft's comments are Word comments in the .docx.
    """
    from beslut.store.ownfiles import refuse_database_file

    for written in (target, target.with_suffix(".pdf")):
        refuse_database_file(written, store.path)
    text = store.load_draft(draft_id) if draft is None else draft
    tracked = None
    if changes_since is not None:
        from beslut.workflow.tracking import marked_since, require_word

        require_word(target)
        tracked = marked_since(store, draft_id, changes_since, settings, text)
    from beslut.export.errors import ExportError

    try:
        written_text = text if exported_text is None else exported_text
        exported = export_draft(
            written_text, store.get_file, target, settings, pdf=pdf, attachments=attachments,
            template=template, tracked=tracked, overwrite=overwrite, comments=comments,
        )  # fmt: skip
    except ExportError as exc:
        if exc.written and not store.read_only:  # the document went out: keep its version
            named = (label or _label)(exc.written[0])
            _record(store, draft_id, named, text, list(exc.written))
        raise
    if store.read_only:
        return exported
    named = (label or _label)(exported.written[0])
    revision, notices = _record(store, draft_id, named, text, exported.written)
    notices = _unique((*exported.notices, *notices))
    return Exported(exported.written, revision, notices, exported.accessibility)


def _label(document: Path) -> str:
    return _("Exporterad till {name}").format(name=document.name)


def _record(
    store: Store, draft_id: int, label: str, text: Draft, written: list[Path]
) -> tuple[int | None, tuple[str, ...]]:
    """Record the export as a version; the files are written whatever happens here.

    A database another program holds is tried again RECORD_ATTEMPTS times; when the
    version still cannot be kept, the user reads that the files are saved and why the
    version is not."""
    import time

    from beslut.store.errors import StoreError, StoreLockedError

    failure: StoreError | None = None
    for attempt in range(RECORD_ATTEMPTS):
        if attempt:
            time.sleep(RECORD_PAUSE)
        try:
            return store.add_revision(draft_id, label, draft=text), ()
        except StoreLockedError as exc:
            failure = exc
        except StoreError as exc:
            failure = exc
            break
    assert failure is not None
    message = _(
        "Exporten är sparad ({files}), men den kunde inte antecknas som en version av "
        "utkastet: {why}"
    )
    files = ", ".join(path.name for path in written)
    return None, (message.format(files=files, why=failure.user_message),)


def _unique(notices: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(notices))
