"""Translation of user-facing text.

Source strings are Swedish, the product's default language: without any catalog
installed the user still reads correct Swedish. English comes from a gettext catalog
(resources/locale/en/LC_MESSAGES/beslut.mo) when the user chooses it.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from pathlib import Path

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def locale_dir() -> Path:
    """Where the compiled catalogs live."""
    return Path(__file__).resolve().parent / "locale"


def set_language(language: str) -> None:
    """Switch user-facing text to ``language`` ("sv" or "en"); unknown falls back to Swedish."""
    global _translation
    if language == "sv":
        _translation = _gettext.NullTranslations()
        return
    _translation = _gettext.translation(
        "beslut", localedir=locale_dir(), languages=[language], fallback=True
    )


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def format_date(value: dt.date) -> str:
    """A date in Swedish running text: "22 februari 2010" (babel's long format)."""
    from babel.dates import format_date as babel_format_date  # lazy: start-up time

    return babel_format_date(value, format="long", locale="sv_SE")


def format_date_iso(value: dt.date) -> str:
    """A date as ISO 8601, "2010-02-22": for dating documents and where space is short."""
    return value.isoformat()
