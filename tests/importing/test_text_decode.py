"""A text file's bytes as text: a stray byte in UTF-8, UTF-16 and UTF-32 with and without
a byte order mark, Windows-1252, binary data refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.importing import ImportRefused
from beslut.importing.textdecode import decode_text

TEXT = "Förslag till beslut\n1. Nämnden godkänner ”Simskola för alla” – från 2027.\n"


def _decode(data: bytes) -> str:
    return decode_text(Path("tu.txt"), data)


def test_one_stray_byte_leaves_the_rest_of_a_utf8_file_as_it_is() -> None:
    data = TEXT.encode("utf-8") + "Kostnad: 5 € per år\n".encode("cp1252") + TEXT.encode()
    assert _decode(data) == TEXT + "Kostnad: 5 € per år\n" + TEXT


def test_a_stray_byte_on_a_line_of_utf8_is_read_alone() -> None:
    data = "Åtgärd: ".encode() + b"\xe4" + " och ö".encode()
    assert _decode(data) == "Åtgärd: ä och ö"


def test_a_whole_windows_1252_file_is_read_as_that() -> None:
    assert _decode(TEXT.encode("cp1252")) == TEXT


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8-sig", "utf-16"]
)
def test_wide_encodings_with_and_without_a_byte_order_mark(encoding: str) -> None:
    assert _decode(TEXT.encode(encoding)) == TEXT


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le"])
def test_utf32_with_its_mark_is_not_read_as_utf16(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-32-le":
        data = b"\xff\xfe\x00\x00" + data
    assert _decode(data) == TEXT


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"\x01\x00\x02\x00" * 50],
    ids=["all-bytes", "counting", "controls-as-utf16"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRefused) as refused:
        _decode(data)
    assert "inte en textfil" in refused.value.user_message
