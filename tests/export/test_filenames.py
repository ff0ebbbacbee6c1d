"""Tests for beslut.export.filenames: names every Windows folder accepts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beslut.export.filenames import (
    FALLBACK_STEM,
    MAX_STEM,
    attachment_filename,
    safe_stem,
    suggested_filename,
)
from beslut.model import Attachment, Draft, FileRef, Metadata

RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ('Remiss: "Plan" för <stad>?*', "Remiss- Plan för stad"),
        ("IDN 2026/123 Simskola", "IDN 2026-123 Simskola"),
        ("a\\b|c", "a-b-c"),
        ("Slut med punkter... ", "Slut med punkter"),
        ("  rad\n\tbrytning\x00 ", "rad brytning"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("Console", "Console"),
        ("Faktura\u202efdp.exe", "Fakturafdp.exe"),
        ("...", FALLBACK_STEM),
        ("", FALLBACK_STEM),
    ],
)
def test_safe_stem(text: str, stem: str) -> None:
    assert safe_stem(text) == stem


def test_long_names_are_cut_at_a_word() -> None:
    stem = safe_stem("Förslag " * 30)
    assert len(stem) <= MAX_STEM
    assert stem.endswith("Förslag")


@given(st.text())
def test_every_stem_is_valid_on_windows(text: str) -> None:
    stem = safe_stem(text)
    assert stem
    assert len(stem) <= MAX_STEM
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', stem)
    assert not stem.endswith((".", " "))
    assert not RESERVED.fullmatch(stem.split(".")[0].strip() + "")


def test_suggested_filename_from_dnr_and_title() -> None:
    draft = Draft(meta=Metadata(title="Avgiftsfri simskola: förslag", dnr="IDN 2026/123"))
    assert suggested_filename(draft) == "IDN 2026-123 Avgiftsfri simskola- förslag.docx"
    assert suggested_filename(Draft(), ".pdf") == f"{FALLBACK_STEM}.pdf"


def test_attachment_filename() -> None:
    ref = FileRef("Kostnad 2027.PDF", 10, "0" * 64)
    assert attachment_filename(1, Attachment("Kostnader: år 1", ref)) == (
        "Bilaga 1 – Kostnader- år 1.pdf"
    )
    assert attachment_filename(2, Attachment("", ref)) == "Bilaga 2 – Kostnad 2027.pdf"
    odd = FileRef("skript.exe\u202e", 1, "0" * 64)
    assert attachment_filename(3, Attachment("Skript", odd)) == "Bilaga 3 – Skript"
