"""Tests for beslut.model.draft."""

from __future__ import annotations

import dataclasses

import pytest

from beslut.model import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    FileRef,
    Metadata,
    Run,
    Section,
    Signatory,
    Status,
    copy_of,
)


def test_text_is_cleaned_where_it_enters() -> None:
    run = Run("Bakgrund\x0bmed vertikal tab\r\n")
    assert run.text == "Bakgrundmed vertikal tab\n"
    meta = Metadata(title="Ny\x00 simhall\n", dnr=" IDN 2026/1 ")
    assert (meta.title, meta.dnr) == ("Ny simhall", "IDN 2026/1")
    draft = Draft(decisions=("  Nämnden godkänner rapporten.\x07 ",))
    assert draft.decisions == ("Nämnden godkänner rapporten.",)


def test_replace_cleans_too() -> None:
    meta = dataclasses.replace(Metadata(), title="Titel\x1f")
    assert meta.title == "Titel"


def test_draft_is_immutable() -> None:
    draft = Draft()
    with pytest.raises(dataclasses.FrozenInstanceError):
        draft.decisions = ("x",)  # type: ignore[misc]


def test_enums_accept_their_values() -> None:
    assert Block("bullet", ()).kind is BlockKind.BULLET  # type: ignore[arg-type]
    assert Metadata(status="klar").status is Status.KLAR  # type: ignore[arg-type]
    assert Status.GRANSKNING.label == "Under granskning"
    with pytest.raises(ValueError):
        Block("figure", ())  # type: ignore[arg-type]


def test_section_text_and_emptiness() -> None:
    section = Section(
        "bakgrund",
        "Bakgrund",
        (Block.plain(BlockKind.PARAGRAPH, "  "), Block.plain(BlockKind.BULLET, "")),
    )
    assert section.is_empty
    filled = Section(
        "bakgrund",
        "Bakgrund",
        (Block(BlockKind.PARAGRAPH, (Run("Nämnden "), Run("beslutade", bold=True))),),
    )
    assert not filled.is_empty
    assert filled.text == "Nämnden beslutade"


def test_search_text_holds_every_part() -> None:
    draft = Draft(
        meta=Metadata(title="Titel", namnd="Kulturnämnden", dnr="KUN 2026/5"),
        decisions=("Kulturnämnden godkänner planen.",),
        sections=(Section("arendet", "Ärendet", (Block.plain("paragraph", "Bibliotek"),)),),
        attachments=(Attachment("Kostnadskalkyl", FileRef("k.pdf", 3, "0" * 64)),),
        signatories=(Signatory("Eva Ek", "Förvaltningschef"),),
    )
    text = draft.search_text()
    for word in (
        "Kulturnämnden",
        "KUN 2026/5",
        "godkänner",
        "Ärendet",
        "Bibliotek",
        "Kostnadskalkyl",
        "Eva Ek",
        "Förvaltningschef",
    ):
        assert word in text
    assert draft.section("arendet") is not None
    assert draft.section("saknas") is None
    assert [ref.name for ref in draft.file_refs()] == ["k.pdf"]


def test_a_copy_is_an_utkast_titled_kopia_av() -> None:
    original = Draft(
        meta=Metadata(title="Avgiftsfri simskola", dnr="IDN 2026/242", status=Status.KLAR),
        decisions=("Nämnden inför simskola.",),
        sections=(Section("bakgrund", "Bakgrund", (Block.plain(BlockKind.PARAGRAPH, "Text."),)),),
        attachments=(Attachment("Karta", FileRef("karta.pdf", 3, "a" * 64)),),
        signatories=(Signatory("Eva Ek", "Förvaltningschef"),),
    )
    copy = copy_of(original)
    assert copy.meta.title == "Kopia av Avgiftsfri simskola"
    assert copy.meta.status is Status.UTKAST
    assert copy.meta.dnr == original.meta.dnr
    assert dataclasses.replace(copy, meta=original.meta) == original
    assert original.meta.status is Status.KLAR  # the original is left as it was


def test_a_copy_of_an_untitled_draft() -> None:
    assert copy_of(Draft()).meta.title == "Kopia av"


def test_the_copys_title_stays_swedish_in_english(english: None) -> None:
    assert copy_of(Draft(meta=Metadata(title="Simskola"))).meta.title == "Kopia av Simskola"


def test_runs_at_gives_a_blocks_runs_or_a_cells_and_none_for_a_cell_it_lacks() -> None:
    table = Block.table([["År", "Kostnad"], ["2026", ""]])
    assert table.runs_at((0, 1)) == (Run("Kostnad"),)
    assert table.runs_at((1, 1)) == ()
    assert table.runs_at((2, 0)) is None and table.runs_at((0, 2)) is None
    paragraph = Block.plain(BlockKind.PARAGRAPH, "Text")
    assert paragraph.runs_at(None) == (Run("Text"),)
    assert paragraph.runs_at((0, 0)) is None
