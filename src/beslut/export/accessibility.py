"""The accessibility check of a written document: what it found, for any file beslut writes.

Each problem is a varning that names its fix, in Swedish; the checks read the file as it
was written (accessibility_docx.py for Word, accessibility_pdf.py for PDF), never the
draft. A file of another kind (a bilaga, a .txt) is not checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from beslut.checks.findings import Severity
from beslut.i18n import _


@dataclass(frozen=True, slots=True)
class Problem:
    """One failed accessibility check of one file.

    ``check`` is a stable key ("docx.title", "pdf.tagged", ...); ``message`` says what
    is wrong and how to fix it, in the current language.
    """

    path: Path
    check: str
    message: str
    severity: Severity = Severity.VARNING

    def line(self) -> str:
        """The problem on one line, as ``beslut export`` prints it."""
        return f"{self.path.name}: {self.severity.label}: {self.message}"


CHECKED_SUFFIXES = (".docx", ".pdf")


def check_file(path: Path) -> list[Problem]:
    """The accessibility problems of the .docx or .pdf at ``path`` ([] for other files).

    A file that cannot be read is one problem saying so, not an exception."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from beslut.export.accessibility_docx import check_docx

        return check_docx(path)
    if suffix == ".pdf":
        from beslut.export.accessibility_pdf import check_pdf

        return check_pdf(path)
    return []


def check_files(paths: Iterable[Path]) -> list[Problem]:
    """The problems of every .docx and .pdf among ``paths``, file by file."""
    return [problem for path in paths for problem in check_file(path)]


def summary(problems: Iterable[Problem]) -> list[str]:
    """Lines for the user: one per problem, or one saying none was found."""
    lines = [problem.line() for problem in problems]
    return lines or [_("Tillgänglighet: inga problem hittades.")]


def unreadable(path: Path, why: str) -> Problem:
    """The problem of a file the check could not read."""
    message = _("Tillgängligheten kunde inte kontrolleras eftersom filen inte gick att läsa: {why}")
    return Problem(path, "unreadable", message.format(why=why))
