"""The QLocale of the user's language, for Qt's own dates and numbers."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from beslut.i18n import current_language

# By name: QLocale.Language is a 350-member enum that costs milliseconds to materialise.
_NAMES = {"sv": "sv_SE", "en": "en_GB"}


def ui_locale() -> QLocale:
    """Swedish (Sweden) or English (United Kingdom), as the user has chosen."""
    return QLocale(_NAMES.get(current_language(), "sv_SE"))
