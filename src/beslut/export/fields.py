"""The merge fields a template may hold ({{ dnr }}, {{ datum }}, ...) and their values."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping

from beslut.i18n import format_date, format_date_iso
from beslut.model.draft import Draft
from beslut.model.text import clean_text

# Where the exporter puts the text of the TU (proposal, signatures, sections, bilagor).
CONTENT_FIELD = "innehall"

# Organisation fields: filled from export options (later from the settings); empty if unset.
ORGANISATION_FIELDS = ("adress", "besoksadress", "vaxel", "webb")

# Every field with its meaning, in Swedish for templates/README.md and template authors
# (the template and its fields are the organisation's, so this is not translated).
FIELDS: dict[str, str] = {
    "titel": "Ärendemeningen (tjänsteutlåtandets rubrik)",
    "undertitel": "Underrubrik, till exempel ”Svar på remiss”",
    "dokumenttyp": "Dokumenttypens namn, till exempel ”Remissvar”",
    "dnr": "Diarienummer",
    "datum": "Tjänsteutlåtandets datum i text: 22 februari 2010",
    "datum_iso": "Tjänsteutlåtandets datum som 2010-02-22",
    "namnd": "Nämnden som ärendet går till",
    "sammantradesdatum": "Nämndens sammanträdesdatum i text: 16 mars 2010",
    "sammantradesdatum_iso": "Nämndens sammanträdesdatum som 2010-03-16",
    "forvaltning": "Förvaltningens namn",
    "avdelning": "Avdelningens namn",
    "handlaggare": "Handläggarens namn",
    "telefon": "Handläggarens telefonnummer",
    "epost": "Handläggarens e-postadress",
    "adress": "Förvaltningens postadress (organisationsuppgift)",
    "besoksadress": "Förvaltningens besöksadress (organisationsuppgift)",
    "vaxel": "Förvaltningens växelnummer (organisationsuppgift)",
    "webb": "Förvaltningens webbplats (organisationsuppgift)",
    CONTENT_FIELD: "Platsen för förslag till beslut, underskrifter, avsnitt och bilagor",
}


def field_key(raw: str) -> str:
    """The canonical field name: lower case without diacritics, so {{ Nämnd }} is namnd."""
    decomposed = unicodedata.normalize("NFKD", raw.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def field_values(
    draft: Draft, doctype_name: str = "", extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The value of every field for ``draft``; ``extra`` adds or overrides fields by name."""
    meta = draft.meta
    values = {
        "titel": meta.title,
        "undertitel": meta.subtitle,
        "dokumenttyp": doctype_name,
        "dnr": meta.dnr,
        "datum": _long(meta.date),
        "datum_iso": _iso(meta.date),
        "namnd": meta.namnd,
        "sammantradesdatum": _long(meta.meeting_date),
        "sammantradesdatum_iso": _iso(meta.meeting_date),
        "forvaltning": meta.forvaltning,
        "avdelning": meta.avdelning,
        "handlaggare": meta.handlaggare.name,
        "telefon": meta.handlaggare.telefon,
        "epost": meta.handlaggare.epost,
    }
    values.update(dict.fromkeys(ORGANISATION_FIELDS, ""))
    for name, value in (extra or {}).items():
        values[field_key(name)] = clean_text(value)
    return values


def _long(value: dt.date | None) -> str:
    return format_date(value) if value else ""


def _iso(value: dt.date | None) -> str:
    return format_date_iso(value) if value else ""
