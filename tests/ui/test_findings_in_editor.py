"""The granskning's findings are underlined, and jumped to, at the right characters."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from beslut.model import Block, BlockKind, Section
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep


def test_double_space_after_an_empty_paragraph_is_underlined_and_selected(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    draft = store.load_draft(1)
    blocks = (
        Block.plain(BlockKind.PARAGRAPH, "Nämnden fick uppdraget i våras."),
        Block.plain(BlockKind.PARAGRAPH, ""),  # skipped by the model's block numbering
        Block.plain(BlockKind.PARAGRAPH, "Förvaltningen har  utrett frågan."),
    )
    sections = tuple(
        Section(s.key, s.heading, blocks) if s.key == "bakgrund" else s for s in draft.sections
    )
    draft_id = store.create_draft(dataclasses.replace(draft, sections=sections))
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    step = next(s for s in editor.sections if s.spec.key == "bakgrund")
    assert isinstance(step, SectionStep)
    qtbot.waitUntil(lambda: bool(step.editor.text_edit.extraSelections()), timeout=5000)
    underlined = [sel.cursor.selectedText() for sel in step.editor.text_edit.extraSelections()]
    assert underlined == ["  "]
    assert editor.report is not None
    finding = next(f for f in editor.report.findings if f.rule == "spacing.double")
    editor.go_to(finding)
    cursor = step.editor.text_edit.textCursor()
    assert cursor.selectedText() == "  "
    assert cursor.block().text() == "Förvaltningen har  utrett frågan."
