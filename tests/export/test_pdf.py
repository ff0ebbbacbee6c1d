"""Tests for beslut.export.pdf: finding LibreOffice, running it safely, PDF/A out."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import pytest

from beslut.export import LibreOfficeMissingError, PdfConversionError, convert_to_pdf, pdf
from beslut.export.pdf import PDF_FILTER, find_soffice, require_soffice

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")


def _fake_soffice(folder: Path, body: str) -> Path:
    """A stand-in for soffice: a shell script that records its arguments, then runs ``body``."""
    script = folder / "soffice"
    script.write_text(f'#!/bin/sh\necho "$@" > "{folder}/args"\n{body}\n', encoding="utf-8")
    script.chmod(0o755)
    return script


def test_missing_libreoffice_gives_a_swedish_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "platform", "linux")
    assert find_soffice() is None
    with pytest.raises(LibreOfficeMissingError) as caught:
        require_soffice()
    assert "LibreOffice inte är installerat" in caught.value.user_message


def test_the_usual_windows_folders_are_searched(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = tmp_path / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_bytes(b"")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    assert find_soffice() == program / "soffice.exe"
    candidates = pdf._install_candidates()
    assert Path(r"C:\Program Files") / "LibreOffice" / "program" / "soffice.exe" in candidates


def test_the_filter_asks_for_pdf_a_2() -> None:
    name, options = PDF_FILTER.split(":", 2)[1:]
    assert name == "writer_pdf_Export"
    assert json.loads(options)["SelectPdfVersion"] == {"type": "long", "value": "2"}


@posix_only
def test_a_private_profile_and_the_output_is_written_safely(tmp_path: Path) -> None:
    fake = _fake_soffice(
        tmp_path,
        'out=""; prev=""\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n'
        'mkdir -p "$out" && printf "%%PDF-fake" > "$out/dokument.pdf"',
    )
    docx = tmp_path / "Dnr 1 – å.docx"
    docx.write_bytes(b"docx")
    result = convert_to_pdf(docx, soffice=fake)
    assert result == tmp_path / "Dnr 1 – å.pdf"
    assert result.read_bytes() == b"%PDF-fake"
    args = (tmp_path / "args").read_text(encoding="utf-8")
    assert "-env:UserInstallation=file:///" in args
    assert "--headless" in args
    assert '"SelectPdfVersion"' in args


@posix_only
def test_a_failing_libreoffice_is_reported(tmp_path: Path) -> None:
    docx = tmp_path / "tu.docx"
    docx.write_bytes(b"docx")
    for body in ("echo trasig >&2; exit 1", "exit 0"):
        with pytest.raises(PdfConversionError) as caught:
            convert_to_pdf(docx, soffice=_fake_soffice(tmp_path, body))
        assert "Word-filen är sparad" in caught.value.user_message
    assert not (tmp_path / "tu.pdf").exists()


@posix_only
def test_a_hanging_libreoffice_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    docx = tmp_path / "tu.docx"
    docx.write_bytes(b"docx")
    # The script starts a child that would outlive it; the whole group must go.
    fake = _fake_soffice(tmp_path, f'sleep 30 &\necho $! > "{tmp_path}/child"\nwait')
    started = time.monotonic()
    with pytest.raises(PdfConversionError) as caught:
        convert_to_pdf(docx, soffice=fake, timeout=0.5)
    assert time.monotonic() - started < 10
    assert "avbröts" in caught.value.user_message
    child = int((tmp_path / "child").read_text())
    assert not Path(f"/proc/{child}").exists() or _is_zombie(child)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


def test_the_real_pdf_is_pdf_a_2b(exported: list[Path]) -> None:
    data = exported[1].read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in data
