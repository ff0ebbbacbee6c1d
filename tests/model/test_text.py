"""Tests for beslut.model.text."""

from __future__ import annotations

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
