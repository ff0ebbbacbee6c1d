"""PDF/A-2b through LibreOffice headless, when LibreOffice is installed.

Each conversion runs with a private, throw-away LibreOffice profile, so it neither
disturbs nor waits for a LibreOffice the user has open, and it is killed after a time
limit. The PDF is written next to the .docx with the same safe writing as the document.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from beslut.export.errors import LibreOfficeMissingError, PdfConversionError
from beslut.export.safe_write import copy_file
from beslut.i18n import _

DEFAULT_TIMEOUT = 120.0

# PDF/A-2b for archiving (SelectPdfVersion 2), tagged for screen readers, and marked
# PDF/UA-1 (pdfuaid:part in the XMP, a role map without standard types mapped to
# themselves); the accessibility check (export/accessibility_pdf.py) reads these back.
PDF_OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": "2"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
}
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps(PDF_OPTIONS, separators=(",", ":"))

_WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432")
_WINDOWS_DEFAULTS = (r"C:\Program Files", r"C:\Program Files (x86)")
_MACOS_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")


def find_soffice() -> Path | None:
    """LibreOffice's soffice on PATH or in its usual install folder, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _install_candidates():
        if candidate.is_file():
            return candidate
    return None


def _install_candidates() -> list[Path]:
    if sys.platform == "darwin":
        return [_MACOS_APP]
    if sys.platform != "win32":
        return []
    roots = [os.environ[key] for key in _WINDOWS_FOLDERS if os.environ.get(key)]
    program_dirs = [Path(root) / "LibreOffice" / "program" for root in [*roots, *_WINDOWS_DEFAULTS]]
    # soffice.com waits for the conversion and writes to the console; soffice.exe may not.
    return [folder / name for folder in program_dirs for name in ("soffice.com", "soffice.exe")]


def require_soffice(soffice: Path | None = None) -> Path:
    """The soffice to use, or an error that explains how to get one."""
    found = soffice or find_soffice()
    if found is None:
        raise LibreOfficeMissingError(
            _(
                "PDF kan inte skapas eftersom LibreOffice inte är installerat. Installera "
                "LibreOffice (libreoffice.org) eller spara som Word och gör PDF:en i Word."
            ),
            "soffice not found",
        )
    return found


def convert_to_pdf(
    docx: Path,
    target: Path | None = None,
    *,
    soffice: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Convert ``docx`` to PDF/A-2b at ``target`` (default: beside it, .pdf); returns the path."""
    program = require_soffice(soffice)
    target = target or docx.with_suffix(".pdf")
    # A process that outlived the kill may still hold a file there (Windows): no error.
    with tempfile.TemporaryDirectory(prefix="beslut-pdf-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        out_dir = work / "out"
        # A plain ASCII name, so LibreOffice's output name is predictable on every system.
        source = work / "dokument.docx"
        shutil.copyfile(docx, source)
        _run(_command(program, work / "profile", out_dir, source), timeout)
        produced = out_dir / "dokument.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise PdfConversionError(
                _(
                    "LibreOffice kunde inte göra en PDF av dokumentet. Word-filen är sparad; "
                    "öppna den och spara som PDF i Word i stället."
                ),
                f"no output in {out_dir}",
            )
        return copy_file(produced, target)


def _command(program: Path, profile: Path, out_dir: Path, source: Path) -> list[str]:
    return [
        str(program),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        PDF_FILTER,
        "--outdir",
        str(out_dir),
        str(source),
    ]


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice; on timeout kill it and everything it started (proctree.py)."""
    from beslut.export.proctree import run_bounded

    try:
        finished = run_bounded(command, timeout)
    except OSError as exc:
        message = _("LibreOffice kunde inte startas: {why}.")
        raise PdfConversionError(message.format(why=exc.strerror or exc), repr(exc)) from exc
    detail = finished.output[-2000:].decode(errors="replace").strip()
    if finished.timed_out:
        message = _(
            "LibreOffice blev inte klart med PDF:en på {seconds:.0f} sekunder och avbröts. "
            "Word-filen är sparad."
        )
        raise PdfConversionError(message.format(seconds=timeout), f"timeout: {detail}")
    if finished.returncode != 0:
        raise PdfConversionError(
            _("LibreOffice kunde inte göra en PDF av dokumentet. Word-filen är sparad."),
            f"exit {finished.returncode}: {detail}",
        )
