"""The rules behind what the editor asks about a text: the address of a link, the
number a numbered list restarts at (no Qt)."""

from __future__ import annotations

import re

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.model.blocks import is_allowed_link


class LinkError(BeslutError):
    """An address a link in a TU may not point to."""


def checked_link(address: str) -> str:
    """``address`` as a link stores it (trimmed; "www." gets https:// in front and an
    e-mail address mailto:), or LinkError with a message saying what is allowed."""
    value = address.strip()
    if re.fullmatch(r"www\.\S+", value, re.IGNORECASE):
        value = "https://" + value
    elif re.fullmatch(r"[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+", value):
        value = "mailto:" + value
    if not is_allowed_link(value) or any(ch.isspace() for ch in value):
        raise LinkError(
            _(
                "”{address}” kan inte bli en länk. En länk ska börja med https://, "
                "http:// eller mailto: (till exempel https://start.stockholm)."
            ).format(address=address.strip()),
            f"link refused: {address!r}",
        )
    return value


class NumberError(BeslutError):
    """A number a list cannot restart at."""


def checked_start(text: str) -> int:
    """The number a numbered list restarts at, from what the user typed (1-999), or
    NumberError with a message."""
    value = text.strip().rstrip(".)")
    if value.isdigit() and 1 <= int(value) <= 999:
        return int(value)
    raise NumberError(
        _("Numreringen kan börja på ett heltal från 1 till 999, inte ”{text}”.").format(
            text=text.strip()
        ),
        f"start refused: {text!r}",
    )


MAX_TABLE_SIZE = 50  # rows or columns a table is inserted with, at most


def checked_table_size(text: str) -> tuple[int, int]:
    """Rows and columns from what the user typed ("3 x 2", "3x2", "3 2", "3"), 1-50
    each (one number: that many rows, two columns), or NumberError with a message."""
    import re

    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) == 1:
        numbers.append(2)
    if len(numbers) == 2 and all(1 <= n <= MAX_TABLE_SIZE for n in numbers):
        return numbers[0], numbers[1]
    raise NumberError(
        _("Skriv antal rader och kolumner, 1 till {most} var, till exempel 3 x 2.").format(
            most=MAX_TABLE_SIZE
        ),
        f"table size refused: {text!r}",
    )
