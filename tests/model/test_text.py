"""Tests for beslut.model.text."""

from __future__ import annotations

import re

import pytest

from beslut.model.text import clean_line, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Bakgrund", "Bakgrund"),
        ("rad ett\r\nrad två\rrad tre", "rad ett\nrad två\nrad tre"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("noll\x00byte", "nollbyte"),
        ("\x01\x02\x07\x08\x0b\x0c\x0e\x1f", ""),
        ("tab\tstannar", "tab\tstannar"),
        ("ensam \ud800 surrogat", "ensam  surrogat"),
        ("icke\ufffetecken\uffff", "icketecken"),
        ("emoji 🏊 och höger-till-vänster שלום", "emoji 🏊 och höger-till-vänster שלום"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_line_folds_breaks_and_trims() -> None:
    assert clean_line("  IDN 2026/242\n\tdel 2 \x00") == "IDN 2026/242  del 2"


def _clean_text_by_definition(text: str) -> str:
    """clean_text without its shortcut: line breaks folded, then unwritable characters gone."""
    unwritable = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    return unwritable.sub("", re.sub("\r\n|[\r\u2028\u2029]", "\n", text))


def test_the_shortcut_for_clean_text_misses_no_character() -> None:
    """clean_text returns text as it is when one search finds nothing to clean: every
    character the definition changes must be one that search finds."""
    for code in range(0x10000):
        for text in (chr(code), f"a{chr(code)}\n", f"\r{chr(code)}"):
            assert clean_text(text) == _clean_text_by_definition(text), hex(code)
    assert clean_text("simhall 🏊\r\n") == "simhall 🏊\n"
