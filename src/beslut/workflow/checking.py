"""The granskning of a draft with the user's settings: the same for the app and ``beslut
check`` (document type and template folder through templates.py, with its notices)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beslut.settings import Settings, usable_check_config
from beslut.workflow.templates import resolve_doctype

if TYPE_CHECKING:
    from beslut.checks import CheckConfig, Report
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft
    from beslut.spelling.check import SpellingCheck


@dataclass(frozen=True, slots=True)
class Checked:
    """A draft's report, the document type it was checked as, and the notices."""

    report: Report
    doctype: DocType
    notices: tuple[str, ...] = ()


def check_draft(
    draft: Draft,
    settings: Settings,
    files: Collection[str] | None = None,
    *,
    config: CheckConfig | None = None,
    spelling: SpellingCheck | None = None,
) -> Checked:
    """Check ``draft``: ``files`` are the bilaga hashes that are stored (None: all are).

    checks.toml comes from the organisation's folder when it has one there, else the
    shipped file (an unreachable folder has none); ``config`` overrides both.
    ``spelling``: how to check the spelling (workflow.spelling); None leaves it out.
    """
    from beslut.checks import run_checks

    resolved = resolve_doctype(draft.meta.doctype, settings)
    notices: tuple[str, ...] = ()
    if config is None:  # a checks.toml or own Dnr pattern that cannot be used: a notice
        config, notices = usable_check_config(settings)
    report = run_checks(draft, config, doctype=resolved.doctype, files=files, spelling=spelling)
    return Checked(report, resolved.doctype, (*resolved.notices, *notices))
