"""Every user setting declared once: name, type, default and label (no Qt).

Settings live in the database's settings table, so they follow the user's drafts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from beslut.i18n import N_, _

if TYPE_CHECKING:
    from beslut.checks.config import CheckConfig

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

    def set_settings(self, values: Mapping[str, Any]) -> None: ...


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's settings; ``label(name)`` names each one in the settings dialog."""

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
    dnr_pattern: str = ""  # empty: the organisation's pattern in checks.toml
    namnder: tuple[str, ...] = DEFAULT_NAMNDER
    disabled_rules: tuple[str, ...] = ()
    attachment_limit_mb: int = 25  # a bilaga over this size is asked about first

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


LABELS = {
    "name": N_("Namn"),
    "telefon": N_("Telefon"),
    "epost": N_("E-post"),
    "forvaltning": N_("Förvaltning"),
    "avdelning": N_("Avdelning"),
    "adress": N_("Postadress"),
    "besoksadress": N_("Besöksadress"),
    "vaxel": N_("Växel"),
    "webb": N_("Webbplats"),
    "template_dir": N_("Mallmapp"),
    "language": N_("Språk"),
    "dnr_pattern": N_("Eget mönster för diarienummer"),
    "namnder": N_("Nämnder"),
    "disabled_rules": N_("Avstängda granskningsregler"),
    "attachment_limit_mb": N_("Största bilaga utan fråga (MB)"),
}


def label(name: str) -> str:
    """The label of setting ``name`` in the current language."""
    return _(LABELS[name])


def check_config_for(settings: Settings) -> CheckConfig:
    """The granskning settings: the organisation's checks.toml, then the user's choices
    (an own Dnr pattern, rules switched off). Raises ChecksConfigError when unusable."""
    from beslut.checks.config import load_config

    config = load_config(settings.template_path())
    if settings.dnr_pattern.strip():
        config = config.with_dnr_pattern(settings.dnr_pattern.strip())
    return config.with_disabled(settings.disabled_rules)


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
    """Store every setting in one transaction: a failure leaves the old settings as they were."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        values[f"settings.{f.name}"] = list(value) if isinstance(value, tuple) else value
    store.set_settings(values)
