"""A text file's bytes as text (no Qt): UTF-8, UTF-16 and UTF-32 with or without a byte
order mark, else Windows-1252 as Notepad wrote it.

A UTF-8 file with a stray byte (a line pasted from an older file) keeps its UTF-8: only
the bytes that are no UTF-8 are read as Windows-1252, where a whole file in Windows-1252
(more such bytes than UTF-8 characters) is read as that. Without a byte order mark,
UTF-16 and UTF-32 show in where their NUL bytes stand: text in Latin letters has a NUL in
every other byte (UTF-16) or three in four (UTF-32). NUL bytes in no such pattern are
binary data, refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from beslut.i18n import _

SAMPLE = 65536  # bytes looked at for the pattern of NUL bytes
MOSTLY = 0.6  # a share of the places (of the byte positions modulo 2 or 4) holding NUL
RARELY = 0.2
# A byte order mark, longest first: UTF-32's little-endian mark begins as UTF-16's does.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that were no UTF-8 (surrogateescape)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def decode_text(path: Path, data: bytes) -> str:
    """``data`` as text, or ImportRefused when it is binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(path, data[len(bom) :], encoding)
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        wide = wide_encoding(sample)
        if wide is None:
            raise _binary(path, "NUL bytes")
        return _strict(path, data, wide)
    return utf8_or_cp1252(data)


def utf8_or_cp1252(data: bytes) -> str:
    """UTF-8, its stray bytes read as Windows-1252; or all of it Windows-1252 when it
    holds more such bytes than UTF-8 characters beyond ASCII."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(len(run) for run in _ESCAPED.findall(text))
    wide = len(data) - len(text)  # the bytes beyond the first of UTF-8's own characters
    if stray > wide:
        return data.decode("cp1252", errors="replace")
    return _ESCAPED.sub(_as_cp1252, text)


def _as_cp1252(match: re.Match[str]) -> str:
    return match.group().encode("utf-8", errors="surrogateescape").decode("cp1252", "replace")


def wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 (and which end first) from where ``sample``'s NUL bytes stand,
    or None when they stand in no such pattern."""
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    share = [sample[i:size:4].count(0) / (size // 4) for i in range(4)]
    if share[2] > MOSTLY and share[3] > MOSTLY and share[0] < RARELY:
        return "utf-32-le"
    if share[0] > MOSTLY and share[1] > MOSTLY and share[3] < RARELY:
        return "utf-32-be"
    odd, even = (share[1] + share[3]) / 2, (share[0] + share[2]) / 2
    if odd > MOSTLY and even < RARELY:
        return "utf-16-le"
    if even > MOSTLY and odd < RARELY:
        return "utf-16-be"
    return None


def _strict(path: Path, data: bytes, encoding: str) -> str:
    if encoding == "utf-8":
        return utf8_or_cp1252(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _binary(path, f"not {encoding}: {exc}") from exc
    if len(_CONTROL.findall(text[:SAMPLE])) > len(text[:SAMPLE]) // 20:
        raise _binary(path, f"control characters as {encoding}")
    return text


def _binary(path: Path, detail: str) -> Exception:
    from beslut.importing.safety import refuse

    return refuse(path, _("filen är inte en textfil."), detail)
