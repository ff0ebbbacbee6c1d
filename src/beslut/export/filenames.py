"""File names that every Windows folder accepts, made from a Dnr, a title or a bilaga."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from beslut.i18n import _
from beslut.model.draft import Attachment, Draft

MAX_STEM = 80  # leaves room for a deep folder within Windows' 260-character paths
# The names go with the Swedish document, so they are Swedish in any UI language.
FALLBACK_STEM = "Tjänsteutlåtande"

_SEPARATORS = re.compile(r"[/\\|:]")
_FORBIDDEN = re.compile(r'[<>"?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")
SAFE_EXTENSION = ".bin"  # opens no program on any system
# Extensions that run a program, a script or an installer, point somewhere else (a
# shortcut), or mount a disk, on Windows, macOS or Linux desktops.
_DANGEROUS = (
    "exe com bat cmd btm lnk scr pif cpl msi msp mst msc hta jar js jse vbs vbe vb wsf "
    "wsh wsc ws sct ps1 ps1xml ps2 ps2xml psc1 psc2 psd1 psm1 reg inf scf url website "
    "application appref-ms gadget xbap vsto library-ms searchconnector-ms "
    "settingcontent-ms shb shs chm hlp dll ocx sys drv iso img vhd vhdx "
    "desktop sh bash zsh csh ksh command tool terminal workflow app run appimage py "
    "pyw pl rb"
)
DANGEROUS_EXTENSIONS = frozenset("." + ext for ext in _DANGEROUS.split())
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{name}{n}" for name in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)


def safe_stem(text: str, *, max_length: int = MAX_STEM, fallback: str = FALLBACK_STEM) -> str:
    """``text`` made safe as a file name without extension.

    Path separators and ":" become "-", the other characters Windows forbids and all
    invisible formatting characters (which can disguise an extension) are removed, runs
    of white space become one space, the name is cut at a word near ``max_length`` and
    trailing dots and spaces go. A reserved device name (CON, LPT1, ...) gets a "_".
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text))
    text = _FORBIDDEN.sub("", _SEPARATORS.sub("-", text))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Cs"))
    text = _SPACES.sub(" ", text).strip(" .")
    text = _shorten(text, max_length).rstrip(" .")
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = f"_{text}"
    return text or fallback


def _shorten(text: str, max_length: int) -> str:
    if len(text) <= max_length:
        return text
    cut = text[:max_length]
    space = cut.rfind(" ")
    return cut[:space] if space > max_length // 2 else cut


def suggested_filename(draft: Draft, extension: str = ".docx") -> str:
    """The suggested name of the exported file: "<Dnr> <title>.docx"."""
    meta = draft.meta
    stem = " ".join(part for part in (meta.dnr, meta.title) if part)
    return safe_stem(stem) + extension


def attachment_filename(number: int, attachment: Attachment) -> str:
    """The name of a bilaga copied next to the document: "Bilaga 2 – <title>.pdf".

    A name that would end in a program's or a shortcut's extension (from a shared draft's
    file name or title) gets ".bin" after it, so that opening it never runs anything.
    """
    return defused(_attachment_name(number, attachment))[0]


def attachment_name_warning(number: int, attachment: Attachment) -> str | None:
    """What to tell the user when the bilaga's name had to be made safe, else None."""
    plain = _attachment_name(number, attachment)
    name, extension = defused(plain)
    if extension is None:
        return None
    message = _(
        "Bilaga {number} har filtypen {extension}, som kan starta ett program. Den sparades "
        "som {name} i stället. Öppna den bara om du vet vad den innehåller."
    )
    return message.format(number=number, extension=extension, name=name)


def defused(name: str) -> tuple[str, str | None]:
    """``name`` made safe to open, and the dangerous extension it had (or None)."""
    extension = PurePath(name).suffix.lower().rstrip(" .")
    if extension not in DANGEROUS_EXTENSIONS:
        return name, None
    return name + SAFE_EXTENSION, extension


def _attachment_name(number: int, attachment: Attachment) -> str:
    source = attachment.file.name if attachment.file else ""
    suffix = PurePath(source).suffix.lower()
    extension = suffix if _EXTENSION.fullmatch(suffix) else ""
    title = attachment.title or PurePath(source).stem
    return safe_stem(f"Bilaga {number} – {title}") + extension
