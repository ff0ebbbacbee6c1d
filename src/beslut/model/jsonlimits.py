"""Reading a draft file's JSON within limits (no Qt): its size, how deep it nests, how
many items it holds, how long its integers are, and no NaN or Infinity.

A draft file arrives by e-mail, so it may be made to hurt: Python's json module ends a
file nested 100,000 deep in RecursionError, an integer of 5,000 digits in ValueError,
and reads a file of any size whole. Each limit here is far beyond what a tjänsteutlåtande
holds, and each is checked before the file is parsed or while it is, in time linear in
its size: a file over a limit is refused with a DraftFormatError that says which.
"""

from __future__ import annotations

import json
import math
from typing import Any

from beslut.errors import DraftFormatError
from beslut.i18n import _

MB = 1024 * 1024
# A draft file carries its bilaga files as base64 (a third larger than the files): this
# leaves room for some 75 MB of bilagor, three at the 25 MB the app asks about.
MAX_FILE_BYTES = 100 * MB
# The format nests ten deep (a run in a table cell); the rest is room for unknown fields.
MAX_DEPTH = 40
# Every item of a list or an object: a long TU holds some tens of thousands.
MAX_ITEMS = 500_000
MAX_INT_DIGITS = 30  # a size in bytes, a level, a list start: far fewer digits
MAX_TEXT = 5_000_000  # characters in one text of the draft (a title, a run, a note)

# Only these characters matter for the shape; the rest is dropped before it is looked at.
_DROP = bytes(b for b in range(256) if b not in b'"[]{},')
_SQUARE = bytes.maketrans(b"{}", b"[]")


def check_size(size: int) -> None:
    """Refuse a draft file of ``size`` bytes when it is over MAX_FILE_BYTES."""
    if size > MAX_FILE_BYTES:
        message = _(
            "Filen är för stor för att vara ett utkast från beslut: {size} MB (en "
            "utkastfil får vara högst {limit} MB)."
        )
        raise DraftFormatError(
            message.format(size=_megabytes(size), limit=MAX_FILE_BYTES // MB),
            f"{size} bytes > {MAX_FILE_BYTES}",
        )


def check_written_size(size: int) -> None:
    """Refuse to write a draft file of ``size`` bytes that could not be read again."""
    if size > MAX_FILE_BYTES:
        message = _(
            "Utkastfilen skulle bli {size} MB, men en utkastfil får vara högst {limit} MB. "
            "Ta bort eller minska de största bilagorna och försök igen."
        )
        raise DraftFormatError(
            message.format(size=_megabytes(size), limit=MAX_FILE_BYTES // MB),
            f"would write {size} bytes > {MAX_FILE_BYTES}",
        )


def load_json(text: str | bytes) -> Any:
    """The JSON value of a draft file, read within the limits above."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    check_size(len(data))
    _check_shape(data)
    del data
    try:
        return json.loads(text, parse_int=_parse_int, parse_constant=_refuse_constant)
    except RecursionError as exc:  # not reached within MAX_DEPTH; kept as a safety net
        raise _too_deep() from exc


def _check_shape(data: bytes) -> None:
    """Refuse a file that nests deeper than MAX_DEPTH or holds MAX_ITEMS items or more.

    Every step is one pass in C over the file or what is left of it: escaped quotes and
    backslashes cut out, all but quotes, brackets and commas dropped, the strings cut out
    (between pairs of quotes), then the innermost brackets emptied level by level. A file
    whose quotes or brackets do not pair is left to json, which says it is not JSON.
    """
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = plain.translate(None, _DROP)
    del plain
    quotes = skeleton.count(b'"')
    if quotes % 2:
        return
    if quotes > 4 * MAX_ITEMS:  # a key and a text for each item, at most
        raise _too_many()
    outside = b"".join(skeleton.split(b'"')[::2])
    del skeleton
    if outside.count(b",") >= MAX_ITEMS:
        raise _too_many()
    brackets = outside.translate(_SQUARE, b",")
    if b"[" * (MAX_DEPTH + 1) in brackets:
        raise _too_deep()
    for _level in range(MAX_DEPTH):
        if not brackets:
            return
        emptied = brackets.replace(b"[]", b"")  # one level: the result is not searched again
        if len(emptied) == len(brackets):
            return
        brackets = emptied
    if brackets:
        raise _too_deep()


def _too_many() -> DraftFormatError:
    message = _(
        "Filen kan inte läsas som ett utkast: den har fler än {limit} delar "
        "(ett utkast har långt färre)."
    )
    limit = f"{MAX_ITEMS:,}".replace(",", " ")
    return DraftFormatError(message.format(limit=limit), f"{MAX_ITEMS} items or more")


def _too_deep() -> DraftFormatError:
    message = _(
        "Filen kan inte läsas som ett utkast: den har listor eller objekt i fler än "
        "{limit} nivåer (ett utkast har högst tio)."
    )
    return DraftFormatError(message.format(limit=MAX_DEPTH), f"nested deeper than {MAX_DEPTH}")


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        message = _(
            "Filen kan inte läsas som ett utkast: den har ett tal med {count} siffror "
            "(högst {limit} väntades)."
        )
        count = len(digits.lstrip("-"))
        raise DraftFormatError(
            message.format(count=count, limit=MAX_INT_DIGITS), f"{count}-digit integer"
        )
    return int(digits)


def _refuse_constant(name: str) -> Any:
    message = _(
        "Filen kan inte läsas som ett utkast: den har värdet {value}, som inte är giltig JSON."
    )
    raise DraftFormatError(message.format(value=name), f"JSON constant {name}")


def _megabytes(size: int) -> str:
    """``size`` in MB with one decimal, rounded up (so never the limit itself), Swedish."""
    return f"{math.ceil(size * 10 / MB) / 10:.1f}".replace(".", ",")
