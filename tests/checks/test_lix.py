"""Tests for beslut.checks.lix, against values computed by hand."""

from __future__ import annotations

import pytest

from beslut.checks import CheckConfig, default_config
from beslut.checks.lix import Lix, LixBand, band_for, lix, section_lix
from beslut.model import Block, BlockKind, Section


def test_lix_of_two_sentences_by_hand() -> None:
    text = "Nämnden godkänner avtalet. Förvaltningen följer upp resultatet efter första året."
    # Sentence 1: Nämnden(7) godkänner(9) avtalet(7): 3 words, 3 long.
    # Sentence 2: Förvaltningen(13) följer(6) upp(3) resultatet(10) efter(5) första(6)
    #             året(4): 7 words, 2 long.
    # LIX = 10 words / 2 sentences + 100 × 5 long / 10 words = 5 + 50 = 55.
    result = lix(text)
    assert (result.words, result.sentences, result.long_words) == (10, 2, 5)
    assert result.value == pytest.approx(55.0)
    assert result.band is LixBand.HARD
    assert result.is_hard


def test_lix_respects_the_abbreviation_list() -> None:
    text = "Simskolan börjar kl. 9.00 i Eriksdalsbadet. Barnen lånar t.ex. simglasögon."
    # Sentence 1: Simskolan(9) börjar(6) kl(2) 9.00(no letters) i(1) Eriksdalsbadet(14):
    #             6 words, 2 long.
    # Sentence 2: Barnen(6) lånar(5) t.ex(3 letters) simglasögon(11): 4 words, 1 long.
    # LIX = 10 / 2 + 100 × 3 / 10 = 5 + 30 = 35: easy.
    result = lix(text)
    assert result.value == pytest.approx(35.0)
    assert result.band is LixBand.EASY
    # Without "kl." in the list the text has 3 sentences: 10 / 3 + 30 = 33.33.
    bare = lix(text, CheckConfig())
    assert bare.sentences == 3
    assert bare.value == pytest.approx(10 / 3 + 30)


def test_lix_of_a_text_without_words_is_zero() -> None:
    assert lix("").value == 0.0
    assert lix(" – ").band is LixBand.VERY_EASY


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.0, LixBand.VERY_EASY),
        (29.9, LixBand.VERY_EASY),
        (30.0, LixBand.EASY),
        (39.9, LixBand.EASY),
        (40.0, LixBand.MEDIUM),
        (49.9, LixBand.MEDIUM),
        (50.0, LixBand.HARD),
        (60.0, LixBand.HARD),
        (60.1, LixBand.VERY_HARD),
        (85.0, LixBand.VERY_HARD),
    ],
)
def test_bands(value: float, band: LixBand) -> None:
    assert band_for(value) is band


def test_counts_add_up_across_texts() -> None:
    assert Lix(10, 2, 5) + Lix(4, 1, 0) == Lix(14, 3, 5)
    # 14 / 3 + 100 × 5 / 14 = 4.667 + 35.714 = 40.38
    assert (Lix(10, 2, 5) + Lix(4, 1, 0)).value == pytest.approx(14 / 3 + 500 / 14)


def test_section_lix_reads_running_text_and_leaves_out_sub_headings() -> None:
    section = Section(
        "arendet",
        "Ärendet",
        (
            Block.plain(BlockKind.HEADING, "Vem simskolan är till för"),
            Block.plain(BlockKind.PARAGRAPH, "Simskolan vänder sig till barn som"),
            Block.plain(BlockKind.BULLET, "går i årskurs 1–3,"),
        ),
    )
    # Block 2: Simskolan(9) vänder(6) sig till barn som: 6 words, 1 long, 1 sentence.
    # Block 3: går i årskurs(7) 1–3: 4 words, 1 long, 1 sentence (a block ends one).
    # LIX = 10 / 2 + 100 × 2 / 10 = 5 + 20 = 25.
    result = section_lix(section, default_config())
    assert (result.words, result.sentences, result.long_words) == (10, 2, 2)
    assert result.value == pytest.approx(25.0)
