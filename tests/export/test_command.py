"""Tests for beslut.export.command: the whole export, and nothing written when it cannot work."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from beslut.export import AttachmentFileError, LibreOfficeMissingError, export_command
from beslut.export.command import resolve_target
from beslut.model import Draft

Example = tuple[Draft, dict[str, bytes]]


def test_docx_and_bilagor(example: Example, tmp_path: Path) -> None:
    draft, files = example
    written = export_command(draft, files, tmp_path / "tu.docx", attachments=True)
    assert [p.name for p in written] == [
        "tu.docx",
        "Bilaga 1 – Kostnadsberäkning för avgiftsfri simskola 2027.pdf",
        "Bilaga 2 – Schema för simskolan, vårterminen 2027.pdf",
    ]
    assert written[1].read_bytes() in files.values()
    document = Document(io.BytesIO(written[0].read_bytes()))
    assert document.paragraphs[0].text == draft.meta.title


def test_a_folder_gets_the_suggested_name(example: Example, tmp_path: Path) -> None:
    draft, files = example
    (written,) = export_command(draft, files, tmp_path)
    assert written.parent == tmp_path
    assert written.name.startswith(draft.meta.dnr.replace("/", "-") + " Avgiftsfri simskola")
    assert resolve_target(draft, tmp_path / "utkast") == tmp_path / "utkast.docx"


def test_nothing_is_written_when_a_bilaga_file_is_missing(example: Example, tmp_path: Path) -> None:
    draft, _ = example
    with pytest.raises(AttachmentFileError):
        export_command(draft, {}, tmp_path / "tu.docx", attachments=True)
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_written_when_pdf_is_asked_without_libreoffice(
    example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, files = example
    monkeypatch.setattr("beslut.export.pdf.find_soffice", lambda: None)
    with pytest.raises(LibreOfficeMissingError):
        export_command(draft, files, tmp_path / "tu.docx", pdf=True)
    assert list(tmp_path.iterdir()) == []


def test_docx_pdf_and_bilagor_together(exported: list[Path]) -> None:
    assert [p.suffix for p in exported] == [".docx", ".pdf", ".pdf", ".pdf"]
    assert exported[1] == exported[0].with_suffix(".pdf")
    assert all(p.stat().st_size > 0 for p in exported)
