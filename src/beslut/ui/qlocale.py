"""The QLocale of the user's language, for Qt's own dates and numbers."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from beslut.i18n import current_language


def ui_locale() -> QLocale:
    """Swedish (Sweden) or English (United Kingdom), as the user has chosen."""
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
