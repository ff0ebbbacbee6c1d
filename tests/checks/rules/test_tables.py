"""The granskning of the richer content: table cells and footnotes are read for
personnummer, dates and spacing (with fixes that land in the cell or the note), LIX and
sentence length leave cells out, and tables and links are checked for accessibility."""

from __future__ import annotations

from collections.abc import Callable

from beslut.checks import Location, run_checks
from beslut.checks.findings import Finding, parse_text_field, text_field
from beslut.checks.fixes import apply_fix
from beslut.model import Block, BlockKind, Draft, Metadata, Run, Section

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]


def _draft(*blocks: Block) -> Draft:
    return Draft(
        meta=Metadata(title="Ny simhall i Husby", dnr="IDN 2026/242"),
        decisions=("Idrottsnämnden godkänner förstudien.",),
        sections=(Section("arendet", "Ärendet", blocks),),
    )


TABLE = Block.table([["Namn", "Datum"], ["Karin Perols 811218-9876", "2026-03-04"]])
NOTED = Block(
    BlockKind.PARAGRAPH,
    (Run("Beslutet fattades"), Run(".", note="Protokollet  från 2026-01-15, se 811218-9876.")),
)


def test_the_fields_of_cells_and_notes_read_back() -> None:
    assert text_field((1, 0)) == "cell:1:0"
    assert text_field(None, 2) == "note:2"
    assert text_field((0, 1), 0) == "cell:0:1:note:0"
    for cell, note in [((1, 0), None), (None, 2), ((0, 1), 0)]:
        assert parse_text_field(text_field(cell, note)) == (cell, note)
    assert parse_text_field("heading") is None
    assert parse_text_field("cell:x:1") is None


def test_personnummer_in_a_cell_and_in_a_footnote(check: Check, covered: Covered) -> None:
    draft = _draft(TABLE, NOTED)
    assert covered("personal.personnummer", draft) == ["811218-9876", "811218-9876"]
    found = check("personal.personnummer", draft)
    assert found[0].location == Location("arendet", 0, "cell:1:0", 13, 24)
    assert found[1].location.field == "note:1"


def test_an_iso_date_in_a_cell_is_fixed_in_that_cell(check: Check) -> None:
    draft = _draft(TABLE)
    (finding,) = check("date.iso", draft)
    fixed = apply_fix(draft, finding)
    cell = fixed.sections[0].blocks[0].rows[1][1]
    assert "".join(run.text for run in cell) == "4 mars 2026"
    assert fixed.sections[0].blocks[0].rows[1][0] == TABLE.rows[1][0]  # the rest unchanged


def test_spacing_and_dates_in_a_footnote_are_fixed_in_the_footnote(check: Check) -> None:
    draft = _draft(NOTED)
    (double,) = check("spacing.double", draft)
    (iso,) = check("date.iso", draft)
    fixed = apply_fix(apply_fix(draft, iso), double)
    run = fixed.sections[0].blocks[0].runs[1]
    assert run.note == "Protokollet från 15 januari 2026, se 811218-9876."
    assert run.text == "."


def test_lix_and_sentence_length_leave_table_cells_out() -> None:
    text = Block.plain(BlockKind.PARAGRAPH, "Badet byggdes 1974. Det behöver rustas upp nu.")
    numbers = Block.table([["År", "Kostnad"], *[[str(2000 + i), f"{i},5"] for i in range(40)]])
    alone = run_checks(_draft(text))
    with_table = run_checks(_draft(text, numbers))
    assert alone.lix == with_table.lix
    words = " ".join(["ord"] * 60)
    long_cell = Block.table([["Rubrik"], [words]])
    report = run_checks(_draft(text, long_cell))
    assert not [f for f in report.findings if f.rule == "readability.sentence_length"]


def test_a_table_without_a_header_row_is_a_finding(check: Check) -> None:
    headless = Block.table([["2026", "4,5"], ["2027", "2,1"]], header_rows=0)
    (finding,) = check("table.header", _draft(TABLE, headless))
    assert finding.location == Location("arendet", 1)
    assert "rubrikrad" in finding.message


def test_a_link_whose_text_is_its_address_is_a_tip(check: Check) -> None:
    bare = Block(
        BlockKind.PARAGRAPH,
        (Run("Läs mer på "), Run("https://start.stockholm", link="https://start.stockholm")),
    )
    told = Block(
        BlockKind.PARAGRAPH, (Run("stadens anläggningsplan", link="https://start.stockholm"),)
    )
    (finding,) = check("link.text", _draft(bare, told))
    assert finding.location == Location("arendet", 0, "", 11, 34)
