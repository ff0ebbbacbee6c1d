"""Every user setting declared once: name, type, default and label (no Qt).

Settings live in the database's settings table, so they follow the user's drafts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from beslut.i18n import N_, _

if TYPE_CHECKING:
    from beslut.checks.config import CheckConfig

from beslut.resources import TEMPLATE_NAME

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


def _option(default: Any, label: str, group: str, kind: str = "text", placeholder: str = "") -> Any:
    """A setting's one declaration: its default here, its type in the annotation, and
    how the settings dialog shows it (label, group, kind of field, placeholder)."""
    metadata = {"label": label, "group": group, "kind": kind, "placeholder": placeholder}
    return field(default=default, metadata=metadata)


# Groups of the settings dialog, in order, and the kinds of field it knows.
GROUPS = {
    "profile": N_("Dina uppgifter"),
    "organisation": N_("Organisationen"),
    "checks": N_("Granskning: regler som används"),
}
KINDS = frozenset({"text", "folder", "lines", "language", "int", "rules"})


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's settings, each declared once: ``OPTIONS`` lists them for the dialog."""

    name: str = _option("", N_("Namn"), "profile")
    telefon: str = _option("", N_("Telefon"), "profile")
    epost: str = _option("", N_("E-post"), "profile")
    forvaltning: str = _option("", N_("Förvaltning"), "profile")
    avdelning: str = _option("", N_("Avdelning"), "profile")
    adress: str = _option("", N_("Postadress"), "organisation")
    besoksadress: str = _option("", N_("Besöksadress"), "organisation")
    vaxel: str = _option("", N_("Växel"), "organisation")
    webb: str = _option("", N_("Webbplats"), "organisation")
    template_dir: str = _option(
        "", N_("Mallmapp"), "organisation", "folder", N_("Mallarna som följer med beslut")
    )
    # Empty: the organisation's pattern in checks.toml.
    dnr_pattern: str = _option(
        "", N_("Eget mönster för diarienummer"), "organisation", "text",
        N_("Tomt: organisationens mönster"),
    )  # fmt: skip
    namnder: tuple[str, ...] = _option(
        DEFAULT_NAMNDER, N_("Nämnder (en per rad)"), "organisation", "lines"
    )
    language: str = _option("sv", N_("Språk"), "organisation", "language")
    attachment_limit_mb: int = _option(
        25, N_("Största bilaga utan fråga (MB)"), "organisation", "int"
    )
    disabled_rules: tuple[str, ...] = _option(
        (), N_("Avstängda granskningsregler"), "checks", "rules"
    )

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


@dataclass(frozen=True, slots=True)
class Option:
    """How one setting is shown: read from its declaration in Settings."""

    name: str
    default: Any
    label: str  # untranslated (N_): translate with label(name) where shown
    group: str
    kind: str
    placeholder: str = ""


OPTIONS: tuple[Option, ...] = tuple(
    Option(f.name, f.default, f.metadata["label"], f.metadata["group"], f.metadata["kind"],
           f.metadata["placeholder"])
    for f in fields(Settings)
)  # fmt: skip
LABELS = {option.name: option.label for option in OPTIONS}


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
    config, _notices = with_people(config, settings)
    return config.with_disabled(settings.disabled_rules)


def with_people(config: CheckConfig, settings: Settings) -> tuple[CheckConfig, tuple[str, ...]]:
    """``config`` knowing what is never personal data: the user's and the organisation's
    own details and the politicians in politiker.txt (a notice when it cannot be used)."""
    from beslut.checks.people import organisation_politicians

    politicians, notices = organisation_politicians(settings.template_path())
    own = (settings.telefon, settings.epost, *settings.export_fields().values())
    return config.with_people(own, (settings.name, *politicians)), notices


def usable_check_config(settings: Settings) -> tuple[CheckConfig, tuple[str, ...]]:
    """The granskning settings as check_config_for reads them, except that a checks.toml
    that cannot be used gives way to the shipped one, with a notice saying so (one bad
    file in the organisation's folder does not stop check and export). The user's own Dnr
    pattern is the user's to fix: ChecksConfigError when it cannot be used."""
    from beslut.checks.config import ChecksConfigError, default_config, load_config

    notices: tuple[str, ...] = ()
    try:
        config = load_config(settings.template_path())
    except ChecksConfigError as exc:
        config = default_config()
        notices = (
            _("{problem} Granskningen använder de inbyggda inställningarna tills filen är rättad.")
            .format(problem=exc.user_message),
        )  # fmt: skip
    if settings.dnr_pattern.strip():
        config = config.with_dnr_pattern(settings.dnr_pattern.strip())
    config, people_notices = with_people(config, settings)
    return config.with_disabled(settings.disabled_rules), (*notices, *people_notices)


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
            right = isinstance(value, type(default)) and not (
                isinstance(value, bool) and not isinstance(default, bool)
            )
            values[f.name] = value if right else default
    return Settings(**values)


def save_settings(store: SettingsStore, settings: Settings) -> None:
    """Store every setting in one transaction: a failure leaves the old settings as they were."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        values[f"settings.{f.name}"] = list(value) if isinstance(value, tuple) else value
    store.set_settings(values)
