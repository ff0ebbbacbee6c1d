"""Part names and order: one definition for the editor, export, granskning and CLI."""

from __future__ import annotations

from beslut.doctypes import load_doctype
from beslut.model.draft import Block, BlockKind, Draft, Section
from beslut.parts import (
    DECISIONS,
    DOCUMENT,
    META,
    decisions_filled,
    ordered_sections,
    part_label,
    section_heading,
)


def test_labels() -> None:
    doctype = load_doctype("remissvar")
    draft = Draft(sections=(Section("egen", "Ekonomiska konsekvenser"),))
    assert part_label(META) == "Uppgifter"
    assert part_label(DOCUMENT) == "Hela dokumentet"
    assert part_label(DECISIONS, draft, doctype) == doctype.decision_heading
    assert part_label("egen", draft, doctype) == "Ekonomiska konsekvenser"
    spec = doctype.sections[0]
    assert part_label(spec.key, None, doctype) == spec.heading
    assert part_label("okänd") == "okänd"


def test_known_parts_in_the_types_order_own_parts_keep_their_place() -> None:
    doctype = load_doctype("beslutsarende")
    text = (Block.plain(BlockKind.PARAGRAPH, "text"),)
    keys = [s.key for s in doctype.sections]
    draft = Draft(
        sections=(
            Section("extra2", "Extra två", text),
            Section(keys[1], "B", text),
            Section("extra1", "Extra ett", text),
            Section(keys[0], "A", text),
        )
    )
    ordered = ordered_sections(draft, doctype)
    assert [s.key for s in ordered] == ["extra2", keys[0], "extra1", keys[1]]
    assert section_heading(ordered[1], doctype) == "A"  # the draft's own heading
    assert section_heading(ordered[0], doctype) == "Extra två"
    untitled = Section(keys[0], "", text)
    assert section_heading(untitled, doctype) == doctype.sections[0].heading
    assert section_heading(Section("x", "", text), doctype) == "x"


def test_decisions_filled() -> None:
    assert not decisions_filled(())
    assert not decisions_filled(("", " "))
    assert decisions_filled(("", "Nämnden beslutar."))
