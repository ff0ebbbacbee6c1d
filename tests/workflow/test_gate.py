"""The gate before export: a fel or a personnummer must be confirmed."""

from __future__ import annotations

import dataclasses

from beslut.checks import run_checks
from beslut.model.draft import Block, BlockKind, Draft
from beslut.model.example import example_draft as _example
from beslut.workflow.gate import export_gate
from tests.today import TODAY


def example_draft() -> Draft:
    return _example(TODAY)[0]


def _with_text(text: str) -> Draft:
    draft = example_draft()
    sections = tuple(
        dataclasses.replace(s, blocks=(*s.blocks, Block.plain(BlockKind.PARAGRAPH, text)))
        if s.key == "bakgrund"
        else s
        for s in draft.sections
    )
    return dataclasses.replace(draft, sections=sections)


def test_the_example_passes() -> None:
    gate = export_gate(run_checks(example_draft()))
    assert not gate.stops


def test_a_personnummer_stops_though_it_is_a_varning() -> None:
    report = run_checks(_with_text("Sökanden har personnummer 811218-9876."))
    gate = export_gate(report)
    assert gate.stops and gate.personnummer == 1 and gate.errors == 0
    assert "1 personnummer" in gate.question()
    assert "--force" in gate.refusal()


def test_a_fel_stops() -> None:
    draft = dataclasses.replace(example_draft(), decisions=())
    gate = export_gate(run_checks(draft))
    assert gate.stops and gate.errors >= 1
    assert "fel" in gate.reasons()
