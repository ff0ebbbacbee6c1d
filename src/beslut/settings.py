"""Every user setting declared once: name, type, default and Swedish label (no Qt).

Settings live in the database's settings table, so they follow the user's drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Protocol

# Dnr formats seen in Swedish municipalities: "106-555/2004", "1.5.1-135-2012",
# "T2012-050-05828", "KS 2023/123", "TEF/2019:263". The organisation may narrow it.
DEFAULT_DNR_PATTERN = (
    r"[A-ZÅÄÖ]{0,5}[ -]?[0-9][0-9.\-]*[/:\-][0-9]{1,5}(?:[:\-/][0-9]+)*"
    r"|[A-ZÅÄÖ]{1,5}/[0-9]{4}:[0-9]+"
)

TEMPLATE_NAME = "stadsmall.docx"

DEFAULT_NAMNDER = (
    "Kommunstyrelsen",
    "Arbetsmarknadsnämnden",
    "Idrottsnämnden",
    "Kulturnämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Socialnämnden",
    "Stadsbyggnadsnämnden",
    "Utbildningsnämnden",
    "Äldrenämnden",
)


class SettingsStore(Protocol):
    """What settings need from the store."""

    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's settings; field metadata carries the label shown in the settings dialog."""

    name: str = ""
    telefon: str = ""
    epost: str = ""
    forvaltning: str = ""
    avdelning: str = ""
    adress: str = ""
    besoksadress: str = ""
    vaxel: str = ""
    webb: str = ""
    template_dir: str = ""
    language: str = "sv"
    dnr_pattern: str = DEFAULT_DNR_PATTERN
    namnder: tuple[str, ...] = DEFAULT_NAMNDER

    def template_path(self) -> Path | None:
        """The organisation's template folder, or None for the one shipped with beslut."""
        return Path(self.template_dir) if self.template_dir.strip() else None

    def template_file(self) -> Path | None:
        """The organisation's Word template: stadsmall.docx in its folder, else the first
        .docx or .dotx there; None for the template shipped with beslut."""
        folder = self.template_path()
        if folder is None:
            return None
        named = folder / TEMPLATE_NAME
        if named.is_file():
            return named
        found = sorted([*folder.glob("*.docx"), *folder.glob("*.dotx")])
        return found[0] if found else None

    def export_fields(self) -> dict[str, str]:
        """The organisation's details for the template's footer fields."""
        return {
            "adress": self.adress,
            "besoksadress": self.besoksadress,
            "vaxel": self.vaxel,
            "webb": self.webb,
        }

    def dnr_matches(self, dnr: str) -> bool:
        """True when ``dnr`` has the configured form (an unusable pattern accepts anything)."""
        try:
            return re.fullmatch(self.dnr_pattern, dnr.strip()) is not None
        except re.error:
            return True


LABELS = {
    "name": "Namn",
    "telefon": "Telefon",
    "epost": "E-post",
    "forvaltning": "Förvaltning",
    "avdelning": "Avdelning",
    "adress": "Postadress",
    "besoksadress": "Besöksadress",
    "vaxel": "Växel",
    "webb": "Webbplats",
    "template_dir": "Mallmapp",
    "language": "Språk",
    "dnr_pattern": "Mönster för diarienummer",
    "namnder": "Nämnder",
}


def load_settings(store: SettingsStore) -> Settings:
    """The settings stored in ``store``, with defaults for what is missing or malformed."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        default = f.default
        value = store.get_setting(f"settings.{f.name}", default)
        if isinstance(default, tuple):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            values[f.name] = tuple(value) if ok else default
        else:
            values[f.name] = value if isinstance(value, type(default)) else default
    return Settings(**values)


def save_settings(store: SettingsStore, settings: Settings) -> None:
    """Store every setting."""
    for f in fields(Settings):
        value = getattr(settings, f.name)
        store.set_setting(f"settings.{f.name}", list(value) if isinstance(value, tuple) else value)
