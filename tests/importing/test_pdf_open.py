"""Opening a PDF: passwords and encryption, pypdf's warnings, rotated text, the time a
file may take, and each page's content parsed once."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from beslut.importing import ImportRefused, read_document
from beslut.importing.pdf import pdf_pages
from beslut.importing.pdf_open import Budget
from tests.importing.pdfmake import Text, content, lines_down, pdf

BODY = [
    "Sammanfattning",
    "Nämnden föreslås godkänna planen för badet i Farsta.",
    "Det är en bra plan för alla.",
]


def _encrypted(tmp_path: Path, user: str, owner: str, algorithm: str) -> Path:
    if algorithm.startswith("AES"):  # writing AES too needs it
        from pypdf._crypt_providers import crypt_provider

        if crypt_provider[0] == "local_crypt_fallback":  # missing, or its DLL did not load
            pytest.skip("pypdf has no AES here (cryptography missing or not loadable)")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf([lines_down(BODY)]))))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    path = tmp_path / f"krypterad-{algorithm}.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


def _text(path: Path) -> str:
    return " ".join(read.block.text for read in read_document(path).blocks)


def _refused(path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_document(path)
    return refused.value.user_message


@pytest.mark.parametrize("algorithm", ["RC4-40", "RC4-128", "AES-128", "AES-256"])
def test_a_pdf_with_only_an_owner_password_is_read(tmp_path: Path, algorithm: str) -> None:
    path = _encrypted(tmp_path, "", "ägarens", algorithm)
    assert PdfReader(path).is_encrypted
    assert "Det är en bra plan för alla." in _text(path)


def test_a_pdf_that_needs_a_password_to_open_is_refused_in_swedish(tmp_path: Path) -> None:
    path = _encrypted(tmp_path, "hemligt", "ägarens", "RC4-128")
    assert "lösenordsskyddad" in _refused(path)


def test_aes_without_its_dependency_is_refused_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import _crypt_providers
    from pypdf.errors import DependencyError

    path = _encrypted(tmp_path, "", "ägarens", "AES-256")

    def missing(*_args: object) -> object:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    for name in ("aes_cbc_decrypt", "aes_ecb_decrypt", "aes_ecb_encrypt", "aes_cbc_encrypt"):
        monkeypatch.setattr(_crypt_providers, name, missing, raising=False)
    import pypdf._encryption as encryption

    for name in ("aes_cbc_decrypt", "aes_ecb_decrypt", "aes_ecb_encrypt", "aes_cbc_encrypt"):
        monkeypatch.setattr(encryption, name, missing, raising=False)
    assert "krypterad med AES" in _refused(path)


def test_pypdfs_warnings_go_to_the_log_not_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    data = pdf([lines_down(BODY)])
    broken = data.replace(b"startxref\n", b"startxref\n1").replace(b"xref\n0 ", b"xref\n1 ")
    path = tmp_path / "trasig.pdf"
    path.write_bytes(broken)
    with caplog.at_level(logging.INFO, logger="beslut"):
        assert "Det är en bra plan för alla." in _text(path)
    assert capsys.readouterr().err == ""
    assert any(r.message.startswith("pypdf") for r in caplog.records)


def test_rotated_text_is_read(tmp_path: Path) -> None:
    turned = [
        Text("En ritning med text som står på högkant längs sidan.", 300, 100, turned=True),
        Text("Och en rad till som också är vriden.", 320, 100, turned=True),
    ]
    path = tmp_path / "vriden.pdf"
    path.write_bytes(pdf([turned]))
    text = _text(path)
    assert "står på högkant" in text
    assert "också är vriden" in text


def test_a_file_over_its_time_budget_is_refused(tmp_path: Path) -> None:
    ticks = iter(range(0, 10_000, 10))  # each look at the clock: ten seconds later
    budget = Budget(tmp_path / "tung.pdf", seconds=30, clock=lambda: float(next(ticks)))
    data = pdf([lines_down(BODY)] * 5)
    with pytest.raises(ImportRefused) as refused:
        pdf_pages(tmp_path / "tung.pdf", data, budget)
    assert "tar för lång tid" in refused.value.user_message
    roomy = Budget(tmp_path / "tung.pdf", seconds=30)
    assert len(pdf_pages(tmp_path / "tung.pdf", data, roomy)[0]) == 5


def test_a_content_stream_that_pages_share_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf.generic import ContentStream

    parsed = []
    original = ContentStream._parse_content_stream

    def counting(self: ContentStream, stream: io.BytesIO) -> None:
        parsed.append(len(stream.getvalue()))
        original(self, stream)

    monkeypatch.setattr(ContentStream, "_parse_content_stream", counting)
    heavy = content(lines_down([f"Rad {n} av den delade texten." for n in range(600)], size=1))
    data = pdf([[]] * 20, shared=heavy)
    pages, chars = pdf_pages(tmp_path / "delad.pdf", data)
    assert len(pages) == 20 and all(len(page) == len(chars[0]) > 600 * 20 for page in chars)
    assert parsed.count(len(heavy)) == 1  # not once a page, nor twice (layout, styles)


def test_a_page_is_walked_once_for_its_text_and_its_styles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PageObject

    def public_pass(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("a second walk over the page")

    monkeypatch.setattr(PageObject, "extract_text", public_pass)
    lines = [Text("Sammanfattning", 72, 780, 16, "F2"), *lines_down(BODY[1:], top=750)]
    pages, chars = pdf_pages(tmp_path / "en.pdf", pdf([lines]))
    assert pages[0][0] == "Sammanfattning" and pages[0][-1] == BODY[-1]
    heading = [style for c, style in chars[0][: len("Sammanfattning")]]
    assert all(s.bold and s.size == 16 and s.x == 72 for s in heading)
    body = chars[0][len("Sammanfattning") :]
    assert all(not s.bold and s.size == 11 and s.right > s.x for _c, s in body)


def test_more_text_than_can_be_imported_is_refused_before_the_later_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import beslut.importing.pdf as reader

    monkeypatch.setattr(reader, "MAX_TEXT", 10_000)
    heavy = content(lines_down([f"Rad {n} av den delade texten." for n in range(200)], size=1))
    path = tmp_path / "delad.pdf"
    path.write_bytes(pdf([[]] * 20, shared=heavy))  # 4,000 characters a page
    assert "mer text än beslut kan importera" in _refused(path)
    path.write_bytes(pdf([[]] * 2, shared=heavy))
    assert "Rad 100 av den delade texten." in _text(path)
