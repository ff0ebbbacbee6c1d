"""The accessibility check of what an export wrote, for the app's export step and the CLI.

Only beslut's own documents are checked (the .docx and its PDF/A, never the bilagor
copied beside them); each problem is an ``export.accessibility.Problem`` the app can
list and ``beslut export`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from beslut.export.accessibility import Problem, check_file, summary

__all__ = ["Problem", "check_written", "documents", "summary"]


def documents(written: Sequence[Path]) -> list[Path]:
    """beslut's own documents among ``written`` (an export's list, the document first):
    the .docx and the PDF made from it; the bilagor that follow are the user's files."""
    if not written or written[0].suffix.lower() != ".docx":
        return []
    pdf = written[0].with_suffix(".pdf")
    return [written[0], *(path for path in written[1:2] if path == pdf)]


def check_written(paths: Sequence[Path]) -> list[Problem]:
    """The accessibility problems of the documents an export wrote (``documents``)."""
    return [problem for path in documents(paths) for problem in check_file(path)]
