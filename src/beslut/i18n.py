"""Translation of user-facing text.

Source strings are Swedish, the product's default language: without any catalog
installed the user still reads correct Swedish. English comes from a gettext catalog
(resources/locale/en/LC_MESSAGES/beslut.mo) when the user chooses it.
"""

from __future__ import annotations

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
