"""Translation of user-facing text, and dates for documents and for the user.

Source strings are Swedish, the product's default language: without any catalog
installed the user still reads correct Swedish. English comes from a gettext catalog
(beslut/data/locale/en/LC_MESSAGES/beslut.mo, compiled from
resources/locale/en/LC_MESSAGES/beslut.po by resources/catalogs.py, which dev.py and the
wheel build run) when the user chooses it.

Mark text with ``_()`` where it is shown, ``ngettext()`` where it has a count, and
``N_()`` where it is defined at import time (before the language is chosen); such a
string is translated with ``_()`` where it is shown. A word with two meanings gets a
context: ``pgettext(context, text)``, or ``NC_(context, text)`` at import time. The
exported document is always Swedish: its headings and dates never go through the
catalog.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import logging
from pathlib import Path

from beslut.resources import data_folder

log = logging.getLogger(__name__)

DOMAIN = "beslut"
DEFAULT_LANGUAGE = "sv"
# Each language named in itself, as a language menu shows it.
LANGUAGES = {"sv": "Svenska", "en": "English"}
# The locale babel formats dates with, for each language.
_BABEL_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def locale_dir() -> Path:
    """The folder with the compiled catalogs (``beslut/data/locale``)."""
    return data_folder("locale")


def translation_for(language: str) -> _gettext.NullTranslations:
    """The catalog of ``language``; Swedish (the source text) for "sv" or anything unknown."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, localedir=locale_dir(), languages=[language])
    except OSError:
        log.warning("no compiled catalog for %r in %s; showing Swedish", language, locale_dir())
        return _gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch user-facing text to ``language`` ("sv" or "en"); unknown falls back to Swedish."""
    global _translation, _language
    _translation = translation_for(language)
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language user-facing text is in now: "sv" or "en"."""
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate the form of ``singular``/``plural`` that fits the count ``n``."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` as it is meant in ``context`` (one Swedish word, two
    meanings: "Underrubrik" is a TU's subtitle and a sub-heading in the text)."""
    return _translation.pgettext(context, message)


def NC_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for extraction; translate it with ``pgettext``."""
    return message


def translate(message: str, language: str) -> str:
    """``message`` in ``language``, whatever the current language is."""
    return translation_for(language).gettext(message)


def format_number(value: int) -> str:
    """A whole number as the user's language writes it: "1 234" (a no-break space) in
    Swedish, as limits.limit_text writes it, "1,234" in English."""
    grouped = f"{value:,}"
    return grouped if _language == "en" else grouped.replace(",", "\N{NO-BREAK SPACE}")


def format_date(value: dt.date) -> str:
    """A date in Swedish running text: "22 februari 2010" (babel's long format).

    For the exported document, which is Swedish whatever language the user reads.
    """
    from babel.dates import format_date as babel_format_date  # lazy: start-up time

    return babel_format_date(value, format="long", locale="sv_SE")


def format_date_ui(value: dt.date) -> str:
    """A date written out in the user's language: "22 februari 2010", "22 February 2010"."""
    from babel.dates import format_date as babel_format_date  # lazy: start-up time

    return babel_format_date(value, format="long", locale=_BABEL_LOCALES[_language])


def format_date_iso(value: dt.date) -> str:
    """A date as ISO 8601, "2010-02-22": for dating documents and where space is short."""
    return value.isoformat()


def format_datetime_ui(value: dt.datetime) -> str:
    """A moment in local time in the user's language: "1 december 2026 09:45"."""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{format_date_ui(local.date())} {local:%H:%M}"
