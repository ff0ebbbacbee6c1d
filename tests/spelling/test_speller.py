"""The speller with the real Swedish dictionary, in this process and as a child process."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from beslut.spelling.client import SpellerProcess, SpellingUnavailable
from beslut.spelling.dictionary import DictionaryMissing, dictionary_dir, open_dictionary
from beslut.spelling.speller import LocalSpeller

WORDS = {"tjänsteutlåtande", "nämnden", "handläggare", "felstavatt", "kommunfullmäktige"}


@pytest.fixture(scope="module")
def local() -> LocalSpeller:
    return LocalSpeller()


@pytest.fixture
def process() -> Iterator[SpellerProcess]:
    speller = SpellerProcess()
    yield speller
    speller.close()


def test_the_installed_dictionary_is_found() -> None:
    folder = dictionary_dir()
    assert folder is not None
    assert (folder / "sv_SE.dic").stat().st_size > 1_000_000


def test_local_speller_knows_swedish_and_suggests(local: LocalSpeller) -> None:
    assert local.unknown(WORDS) == {"felstavatt"}
    assert "felstavat" in local.suggest("felstavatt")[:3]
    assert local.cache.known("nämnden") is True


def test_the_process_answers_as_the_local_speller_does(process: SpellerProcess) -> None:
    process.start()
    assert process.ready.result(30) is True
    assert process.unknown(WORDS) == {"felstavatt"}
    assert process.suggest("handläggarn")[:3] == LocalSpeller().suggest("handläggarn")[:3]
    # Asked again: from the cache, without a question to the process.
    process.close()
    assert process.submit_unknown(WORDS).result(0) == {"felstavatt"}


def test_a_speller_that_cannot_start_says_so(tmp_path: Path) -> None:
    speller = SpellerProcess(command=[str(tmp_path / "no-such-program")])
    with pytest.raises(SpellingUnavailable) as raised:
        speller.unknown({"ord"})
    assert "Stavningskontrollen" in raised.value.user_message


def test_a_speller_that_dies_fails_the_questions_then_starts_again(tmp_path: Path) -> None:
    script = tmp_path / "dies.py"
    script.write_text("import sys\nsys.stdin.readline()\nsys.exit(3)\n", encoding="utf-8")
    speller = SpellerProcess(command=[sys.executable, str(script)])
    for _ in range(3):  # the first start and two more
        with pytest.raises(SpellingUnavailable):
            speller.unknown({"ord"})
    with pytest.raises(SpellingUnavailable, match="restarted too often"):
        speller.unknown({"ord"})
    speller.close()


@pytest.mark.parametrize(
    ("aff", "dic"),
    [
        (b"", b""),
        (b"SET UTF-8\nSFX A Y 99999999\n", b"2\nord/A\n\xff\xfe"),
        (b"\x00" * 5000, b"999999999999\n" + b"a/" + b"\xff" * 10_000),
    ],
    ids=["empty", "broken-affix", "binary"],
)
def test_a_hostile_dictionary_never_takes_the_app_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, aff: bytes, dic: bytes
) -> None:
    (tmp_path / "sv_SE.aff").write_bytes(aff)
    (tmp_path / "sv_SE.dic").write_bytes(dic)
    monkeypatch.setenv("BESLUT_HUNSPELL_DIR", str(tmp_path))
    speller = SpellerProcess()
    try:
        # Whatever hunspell makes of it happens in the child: an answer or an error.
        try:
            speller.unknown({"ord", "felstavatt"})
        except SpellingUnavailable as exc:
            assert exc.user_message
    finally:
        speller.close()


def test_no_dictionary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("beslut.spelling.dictionary._candidates", lambda: [])
    with pytest.raises(DictionaryMissing) as raised:
        open_dictionary()
    assert "svenska ordlistan" in raised.value.user_message
