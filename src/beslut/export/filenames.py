"""File names that every Windows folder accepts, made from a Dnr, a title or a bilaga."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from beslut.model.draft import Attachment, Draft

MAX_STEM = 80  # leaves room for a deep folder within Windows' 260-character paths
# The names go with the Swedish document, so they are Swedish in any UI language.
FALLBACK_STEM = "Tjänsteutlåtande"

_SEPARATORS = re.compile(r"[/\\|:]")
_FORBIDDEN = re.compile(r'[<>"?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}")
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
    """The name of a bilaga copied next to the document: "Bilaga 2 – <title>.pdf"."""
    source = attachment.file.name if attachment.file else ""
    suffix = PurePath(source).suffix.lower()
    extension = suffix if _EXTENSION.fullmatch(suffix) else ""
    title = attachment.title or PurePath(source).stem
    return safe_stem(f"Bilaga {number} – {title}") + extension
