"""Bad input to ``beslut import``: a clear Swedish message, exit code 1 within 2 seconds,
in bounded memory, and nothing created."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from beslut.store import Store


def _docx_with(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A .docx whose document part unpacks to 150 MB of zeros (about 150 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(150):
                part.write(chunk)
    return buffer.getvalue()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def _scanned_pdf() -> bytes:
    """A valid PDF of two pages with no text on them, as a scan without OCR is."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


HOSTILE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "old-doc": ("gammal.doc", lambda: OLE2, "spara som .docx"),
    "doc-named-docx": ("gammal.docx", lambda: OLE2, "spara som .docx"),
    "password": (
        "hemlig.docx",
        lambda: OLE2 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64,
        "lösenordsskyddad",
    ),
    "not-what-it-says": ("rapport.docx", lambda: b"%PDF-1.4\n%%EOF\n", "inte en Word-fil"),
    "text-named-pdf": ("rapport.pdf", lambda: b"Bara text.", "inte en PDF-fil"),
    "zip-bomb": ("bomb.docx", _zip_bomb, "orimligt mycket data"),
    "entities": ("skratt.docx", lambda: _docx_with(LAUGHS), "XML-konstruktioner"),
    "scanned-pdf": ("skannad.pdf", _scanned_pdf, "ingen text att importera"),
    "empty": ("tom.txt", lambda: b"", "filen är tom"),
    "odd-numbering": (
        "konstig.docx",
        lambda: _docx_with(
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/>'
            b"</w:numPr></w:pPr><w:r><w:t>Punkt</w:t></w:r></w:p></w:body></w:document>"
        ),
        "innehållet kan inte läsas",
    ),
    "binary-txt": ("data.txt", lambda: bytes(range(256)) * 4, "inte en textfil"),
    "unknown-kind": ("bild.png", lambda: b"\x89PNG\r\n\x1a\n", ".docx, .pdf och .txt"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_clearly_quickly_and_creates_nothing(
    case: str, tmp_path: Path
) -> None:
    name, make, said = HOSTILE[case]
    bad = tmp_path / name
    bad.write_bytes(make())
    good = tmp_path / "bra.txt"
    good.write_text("Sammanfattning\n\nNämnden föreslås godkänna planen.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    start = time.perf_counter()  # the floor: the same Python starting beslut, refusing nothing
    subprocess.run([sys.executable, "-m", "beslut", "--version"], capture_output=True, check=True)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "beslut", "--db", str(db), "import", str(good), str(bad)],
        capture_output=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 1, result.stdout + result.stderr
    assert said in result.stderr, result.stderr
    assert "inget utkast importerades" in result.stderr
    assert "Traceback" not in result.stderr
    # Bounded: within a few of beslut's own starts on this machine, and 2 s (a bomb or a
    # loop would take minutes), wherever Python starts slowly (Wine on a busy machine).
    assert elapsed < 3 * floor + 2.0, (elapsed, floor)
    with Store.open(db) as store:
        assert len(store.list_drafts()) == 1  # only the example of a new database
