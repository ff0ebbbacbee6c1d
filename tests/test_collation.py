"""Tests for beslut.collation: Swedish order."""

from __future__ import annotations

from beslut.collation import collation_key


def test_swedish_letters_sort_after_z() -> None:
    names = ["Ödeshög", "Zinkgruvan", "Åre", "alingsås", "Ängelholm", "Avesta", "Östhammar"]
    assert sorted(names, key=collation_key) == [
        "alingsås",
        "Avesta",
        "Zinkgruvan",
        "Åre",
        "Ängelholm",
        "Ödeshög",
        "Östhammar",
    ]


def test_accents_sort_with_their_base_letter() -> None:
    assert sorted(["Eva", "Éric", "Ebba"], key=collation_key) == ["Ebba", "Éric", "Eva"]
    # ü sorts as y: "Müller" as "Myller", after "Mylla" and before "Mz".
    assert sorted(["Mz", "Müller", "Mylla", "Mattsson"], key=collation_key) == [
        "Mattsson",
        "Mylla",
        "Müller",
        "Mz",
    ]
