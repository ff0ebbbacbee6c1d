"""Opening a PDF with pypdf (no Qt): its encryption, pypdf's own warnings, the time a
file may take, and each page's content parsed once.

A PDF with only an owner password (it limits printing or copying) opens with the empty
user password, as every PDF viewer opens it: pypdf is asked to decrypt with "" before
the file is called password-protected. AES needs ``cryptography`` (a dependency); were it
missing, the file is refused in Swedish, never with pypdf's English error.

pypdf tells what it repaired through the logger "pypdf" (and, rarely, the warnings
module); with no handler of its own that reaches stderr. Here it goes to beslut's log.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

from beslut.i18n import _
from beslut.importing.safety import ImportRefused, refuse

log = logging.getLogger(__name__)

BUDGET = 30.0  # seconds one PDF may take to read; a TU of 50 pages takes about 2


class _Forward(logging.Handler):
    """pypdf's log records, told again in beslut's log at level INFO."""

    def emit(self, record: logging.LogRecord) -> None:
        log.info("pypdf: %s", record.getMessage())


_PYPDF = logging.getLogger("pypdf")
if not any(isinstance(h, _Forward) for h in _PYPDF.handlers):
    _PYPDF.addHandler(_Forward())
    _PYPDF.propagate = False  # not to the root logger's last resort: stderr


@contextmanager
def quiet() -> Iterator[None]:
    """pypdf's warnings, while reading, into beslut's log instead of stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        log.info("pypdf warning: %s", warning.message)


class Budget:
    """The time a file may take: ``check`` refuses it once ``seconds`` have passed on
    ``clock`` (a monotonic clock) since the budget was made."""

    def __init__(
        self, path: Path, seconds: float = BUDGET, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.path, self.seconds, self.clock = path, seconds, clock
        self.start = clock()

    def check(self) -> None:
        spent = self.clock() - self.start
        if spent > self.seconds:
            why = _(
                "PDF-filen tar för lång tid att läsa (mer än {seconds} sekunder). Den är "
                "ovanligt tung eller skadad; spara den som PDF på nytt eller importera "
                "texten som Word- eller textfil."
            ).format(seconds=round(self.seconds))
            raise refuse(self.path, why, f"over budget: {spent:.1f} s")


def open_reader(path: Path, data: bytes) -> Any:
    """A pypdf reader of ``data``, decrypted when no password is needed; or
    ImportRefused for a PDF that needs a password, or AES without its dependency."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    reader = PdfReader(BytesIO(data))
    if not reader.is_encrypted:
        return reader
    try:
        opened = reader.decrypt("")  # an owner password only: anyone may read it
    except DependencyError as exc:
        raise no_aes(path, exc) from exc
    except NotImplementedError as exc:  # an encryption pypdf does not know
        why = _("PDF-filen är krypterad på ett sätt som beslut inte kan läsa.")
        raise refuse(path, why, repr(exc)) from exc
    if not opened:
        why = _(
            "PDF-filen är lösenordsskyddad. Öppna den med lösenordet och spara den "
            "utan lösenord, och försök igen."
        )
        raise refuse(path, why, "encrypted PDF: a user password")
    return reader


def no_aes(path: Path, exc: Exception) -> ImportRefused:
    """The refusal of a PDF encrypted with AES where pypdf has no AES to read it with."""
    why = _(
        "PDF-filen är krypterad med AES, som beslut inte kan läsa här. Spara den "
        "som PDF utan kryptering, eller som Word-fil, och försök igen."
    )
    return refuse(path, why, repr(exc))


def parse_contents(page: Any, parsed: dict[Any, Any]) -> None:
    """Parse ``page``'s content once and put the parsed stream in its place, so that
    pypdf's passes over the page share it; a stream that pages share (by its object's
    number, in ``parsed``) is parsed once for all of them."""
    from pypdf.generic import ContentStream, NameObject

    raw = page.raw_get("/Contents") if "/Contents" in page else None
    if raw is None:
        return
    key: Any = getattr(raw, "idnum", None)
    if key is None and isinstance(raw, list):
        numbers = tuple(getattr(item, "idnum", None) for item in raw)
        key = numbers if None not in numbers else None
    if key is not None and key in parsed:
        page[NameObject("/Contents")] = parsed[key]
        return
    stream = ContentStream(raw, page.pdf, "bytes")
    stream.operations  # noqa: B018 (parsed here, once)
    page[NameObject("/Contents")] = stream
    if key is not None:
        parsed[key] = stream


def layout_text(page: Any, budget: Budget) -> str:
    """``page``'s text as pypdf's layout mode gives it, from its content as parsed by
    ``parse_contents``; rotated text is kept (a drawing's labels, a page turned on its
    side), where pypdf would leave it out."""
    from pypdf.generic import ContentStream

    try:
        from pypdf._text_extraction import _layout_mode
    except ImportError:  # another pypdf: its public layout mode, parsing the page again
        text: str = page.extract_text(extraction_mode="layout", layout_mode_strip_rotated=False)
        return text
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, ContentStream):
        return ""
    fonts = page._layout_mode_fonts()
    groups = _layout_mode.text_show_operations(ticking(contents.operations, budget), fonts, False)
    if not groups:
        return ""
    lines = _layout_mode.y_coordinate_groups(groups)
    width = _layout_mode.fixed_char_width(groups, 1.25)
    page_text: str = _layout_mode.fixed_width_page(lines, width, True, 1)
    return page_text


def ticking(operations: list[Any], budget: Budget) -> Iterator[Any]:
    """``operations``, one by one, checking ``budget`` every thousand."""
    for i, operation in enumerate(operations):
        if not i % 1000:
            budget.check()
        yield operation
