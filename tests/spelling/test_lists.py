"""The word lists: the organisation's ordlista.txt, the user's own, the draft's names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from beslut.model.draft import Draft, Metadata, Person, Signatory
from beslut.spelling.lists import (
    MAX_LIST_BYTES,
    WordListError,
    draft_names,
    organisation_words,
    read_word_list,
)
from beslut.store import Store


def test_an_ordlista_has_a_word_a_line_with_comments(tmp_path: Path) -> None:
    path = tmp_path / "ordlista.txt"
    path.write_text(
        "\ufeff# Platser\nKista\n  Hässelby  \n\nSBK  # förkortning\ntvå ord\n", encoding="utf-8"
    )
    assert read_word_list(path) == {"Kista", "Hässelby", "SBK"}


def test_hostile_word_lists_give_a_notice_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "ordlista.txt").write_bytes(b"Kista\n\xff\xfe\xfa")
    words, notices = organisation_words(tmp_path)
    assert words == frozenset()
    assert "UTF-8" in notices[0] and "ordlista.txt" in notices[0]
    (tmp_path / "ordlista.txt").write_bytes(b"a\n" * (MAX_LIST_BYTES // 2 + 1))
    with pytest.raises(WordListError) as raised:
        read_word_list(tmp_path / "ordlista.txt")
    assert "större än 4 MB" in raised.value.user_message
    (tmp_path / "ordlista.txt").unlink()
    (tmp_path / "ordlista.txt").mkdir()  # a folder of that name
    assert organisation_words(tmp_path) == (frozenset(), ())
    assert organisation_words(None) == (frozenset(), ())


def test_the_names_in_the_particulars_are_words_of_the_draft() -> None:
    meta = Metadata(
        namnd="Exploateringsnämnden",
        forvaltning="Exploateringskontoret",
        avdelning="Mark och Exploatering",
        handlaggare=Person("Kerstin Öhrwall-Nyqvist", epost="kerstin.ohrwall@stockholm.se"),
        date=dt.date(2026, 12, 7),
    )
    draft = Draft(meta, signatories=(Signatory("Gunnel Åkerbäck", "stadsdirektör"),))
    names = draft_names(draft)
    assert {"Öhrwall", "Nyqvist", "Åkerbäck", "stadsdirektör", "Exploateringsnämnden"} <= names


def test_the_users_words_are_kept_in_the_database(tmp_path: Path) -> None:
    with Store.open(tmp_path / "beslut.db") as store:
        store.add_word("Hjulsta")
        store.add_word("Hjulsta")
        store.add_word("Tensta")
        store.remove_word("Tensta")
    with Store.open(tmp_path / "beslut.db") as store:
        assert store.personal_words() == {"Hjulsta"}
