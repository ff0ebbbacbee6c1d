"""Long texts are compared in time that grows with their length (beslut.diff.words'
coarse passes, align's window), and the pieces still spell out both versions."""

from __future__ import annotations

import random
import time

from beslut.diff import align
from beslut.diffwords import WORD_WORK, Op, Piece, words

_VOCABULARY = [
    "nämnden",
    "förvaltningen",
    "beslutar",
    "ärendet",
    "simskola",
    "budget",
    "kostnad",
    "barn",
    "skola",
    "staden",
    "idrott",
    "anläggning",
    "avtal",
    "uppdrag",
    "verksamhet",
    "förslag",
    "bedömning",
    "remiss",
    "utredning",
    "samråd",
    "synpunkter",
    "invånare",
    "trygghet",
    "ekonomi",
    "miljö",
    "och",
    "att",
    "som",
    "för",
    "med",
    "på",
    "av",
    "till",
]


def _text(words_: int, seed: int = 1, end: str = ". ") -> str:
    rng = random.Random(seed)
    sentences = []
    count = 0
    while count < words_:
        length = rng.randint(8, 18)
        sentence = " ".join(rng.choice(_VOCABULARY) for _ in range(length))
        sentences.append(sentence.capitalize())
        count += length
    return end.join(sentences) + end.strip()


def _every_tenth_word_changed(text: str) -> str:
    out = text.split(" ")
    for k in range(0, len(out), 10):
        out[k] = "kommunen" if out[k] != "kommunen" else "regionen"
    return " ".join(out)


def _spelled(pieces: tuple[Piece, ...], *dropped: Op) -> str:
    return "".join(piece.text for piece in pieces if piece.op not in dropped)


def _kept(pieces: tuple[Piece, ...]) -> int:
    return sum(len(piece.text) for piece in pieces if piece.op is Op.EQUAL)


def test_a_rewritten_paragraph_of_50_000_words_is_compared_in_seconds() -> None:
    # difflib word by word took 24 s on 2,000 such words and did not end on 8,000.
    old = _text(50_000)
    new = _every_tenth_word_changed(old)
    start = time.perf_counter()
    pieces = words(old, new)
    assert time.perf_counter() - start < 4  # about 0.4 s
    assert _spelled(pieces, Op.INSERT) == old and _spelled(pieces, Op.DELETE) == new
    # Only the changed words are marked: nine words of ten are kept, as word by word.
    assert _kept(pieces) > 0.85 * len(old)
    assert Piece(Op.INSERT, "kommunen") in pieces


def test_a_sentence_added_and_one_removed_in_a_long_text_are_all_that_is_marked() -> None:
    for end in (". ", "\n", " "):  # sentences, lines, and no ends at all
        old = _text(20_000, seed=2, end=end)
        at = old.index(" ", 500) + 1
        cut = old.index(end, len(old) // 2) + len(end)
        resume = old.index(" ", cut + 300) + 1
        new = old[:at] + "Helt ny mening här. " + old[at:cut] + old[resume:]
        pieces = words(old, new)
        assert _spelled(pieces, Op.INSERT) == old and _spelled(pieces, Op.DELETE) == new
        changed = [piece for piece in pieces if piece.op is not Op.EQUAL]
        assert [piece.op for piece in changed] == [Op.INSERT, Op.DELETE], end
        assert sum(len(piece.text) for piece in changed) < 400, end


def test_two_wholly_different_long_texts_are_one_deletion_and_one_insertion() -> None:
    old, new = _text(30_000, seed=3), _text(30_000, seed=4)
    start = time.perf_counter()
    pieces = words(old, new)
    assert time.perf_counter() - start < 4
    assert _spelled(pieces, Op.INSERT) == old and _spelled(pieces, Op.DELETE) == new
    assert _kept(pieces) < 0.05 * len(old)


def test_short_texts_are_still_compared_word_by_word() -> None:
    old = " ".join(_text(100, seed=5).split()[:40])
    new = _every_tenth_word_changed(old)
    assert (2 * len(old.split())) ** 2 <= WORD_WORK  # words and spaces: difflib alone
    pieces = words(old, new)
    assert _spelled(pieces, Op.INSERT) == old and _spelled(pieces, Op.DELETE) == new
    assert [p.text for p in pieces if p.op is Op.INSERT].count("kommunen") >= 3


def test_align_by_words_looks_a_bounded_way_ahead() -> None:
    old = [f"a{k} b{k} c{k}" for k in range(4000)]
    new = [f"x{k} y{k} z{k}" for k in range(4000)]
    start = time.perf_counter()
    pairs = align(old, new, by_words=True)  # took 8 s when each was tried with each
    assert time.perf_counter() - start < 2
    assert pairs == [(i, None) for i in range(4000)] + [(None, j) for j in range(4000)]


def test_align_takes_the_same_beginning_and_end_as_kept() -> None:
    old = ["Ja."] * 5000
    new = ["Ja."] * 2500 + ["Nej."] + ["Ja."] * 2500
    start = time.perf_counter()
    pairs = align(old, new)  # difflib on 5,000 equal texts took 2.5 s
    assert time.perf_counter() - start < 1
    assert [pair for pair in pairs if None in pair] == [(None, 2500)]
    assert len(pairs) == 5001 and pairs[-1] == (4999, 5000)
