"""Tests for beslut.checks.rules.attachments: references, titles and files of bilagor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from beslut.checks import ATTACHMENTS, Location
from beslut.checks.findings import TITLE, Finding
from beslut.checks.rules.attachments import referenced_numbers
from beslut.model import Attachment, Draft, FileRef

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]

AVTAL = FileRef("Avsiktsförklaring.pdf", 1200, "a" * 64)
PROGRAM = FileRef("Program.pdf", 800, "b" * 64)
BILAGOR = (
    Attachment("Avsiktsförklaring: Eurocities charter on Integrating cities", AVTAL),
    Attachment("Draft Program, Europe Enriched, 22 februari 2010", PROGRAM),
)


def _with_bilagor(draft: Draft, bilagor: tuple[Attachment, ...] = BILAGOR) -> Draft:
    return replace(draft, attachments=bilagor)


def test_numbers_and_ranges() -> None:
    assert referenced_numbers("3") == [3]
    assert referenced_numbers("2, 3 och 5–7") == [2, 3, 5, 6, 7]
    assert referenced_numbers("1 till 3") == [1, 2, 3]
    assert referenced_numbers("4-2") == [4]


def test_references_beyond_the_list(check: Check, covered: Covered, text_draft: Build) -> None:
    draft = _with_bilagor(
        text_draft(
            "Avsiktsförklaringen finns i bilaga 1 och programmet i Bilaga 2.",
            "Bakgrundsinformationen finns i bilaga 3.",
            "Se bilagorna 2 och 4 samt bilagor 1–5.",
        )
    )
    assert covered("attachments.reference", draft) == [
        "bilaga 3",
        "bilagorna 2 och 4",
        "bilagor 1–5",
    ]
    found = check("attachments.reference", draft)
    assert found[0].message == ("Texten hänvisar till bilaga 3, men ärendet har bara 2 bilagor.")
    assert "bilaga 4," in found[1].message
    assert "bilaga 3, 4, 5," in found[2].message


def test_references_when_there_are_no_bilagor(check: Check, decision_draft: Build) -> None:
    draft = decision_draft("Nämnden godkänner avtalet enligt bilaga 1.")
    found = check("attachments.reference", draft)
    assert found[0].message.endswith("men ärendet har inga bilagor.")
    one = _with_bilagor(decision_draft("Nämnden godkänner bilaga 2."), BILAGOR[:1])
    assert check("attachments.reference", one)[0].message.endswith("har bara 1 bilaga.")


@pytest.mark.parametrize(
    "text",
    [
        "Avsiktsförklaringen finns i bilaga 1 och programmet i bilaga 2.",
        "Kostnaderna framgår av bilagorna 1 och 2.",
        "Enligt bilaga 4 till avtalet ska staden stå för bassängtiden.",
        "Av bilaga 5 i upphandlingsunderlaget framgår priset.",
        "Bilagan beskriver programmet. Mobilagar 7 är inget ord.",
    ],
)
def test_references_within_the_list_pass(text: str, check: Check, text_draft: Build) -> None:
    assert check("attachments.reference", _with_bilagor(text_draft(text))) == []


def test_bilagor_need_a_title(check: Check, text_draft: Build) -> None:
    draft = _with_bilagor(text_draft("Text."), (BILAGOR[0], Attachment("", PROGRAM)))
    found = check("attachments.title", draft)
    assert [f.location for f in found] == [Location(ATTACHMENTS, 1, TITLE)]
    assert found[0].message.startswith("Bilaga 2 saknar titel.")
    assert check("attachments.title", _with_bilagor(text_draft("Text."))) == []


def test_bilagor_need_a_file(check: Check, text_draft: Build) -> None:
    draft = _with_bilagor(text_draft("Text."), (Attachment("Kostnadsberäkning"), BILAGOR[1]))
    found = check("attachments.file", draft)
    assert [f.location for f in found] == [Location(ATTACHMENTS, 0, "file")]
    assert found[0].message.startswith("Bilaga 1 har ingen fil.")
    assert check("attachments.file", _with_bilagor(text_draft("Text."))) == []


def test_files_must_be_in_the_store_when_the_store_is_asked(
    check: Check, text_draft: Build
) -> None:
    draft = _with_bilagor(text_draft("Text."))
    assert check("attachments.file_missing", draft) == []  # nobody said what is stored
    found = check("attachments.file_missing", draft, files={AVTAL.sha256})
    assert [f.location for f in found] == [Location(ATTACHMENTS, 1, "file")]
    assert "”Program.pdf” till bilaga 2 finns inte i databasen" in found[0].message
    both = {AVTAL.sha256, PROGRAM.sha256}
    assert check("attachments.file_missing", draft, files=both) == []
    assert check("attachments.file_missing", draft, files=both.__contains__) == []
