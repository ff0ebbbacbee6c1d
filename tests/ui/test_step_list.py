"""The editor's list of steps: every name readable on its line, in Swedish and English."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from beslut.store import Store
from beslut.ui.editor import DraftEditor
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.section import SectionStep
from tests.richdraft import rich_draft
from tests.ui.helpers import click
from tests.ui.scripted import ScriptedMessages

pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="font metrics: under Wine the names measure wider than the list (Wine's fonts are "
    "not Windows' own); to be seen on a real Windows machine (packaging/README.md)",
)

# Beside the name: the item's padding (6 px a side in style.py) and the style's margins
# around the icon and the text.
DECORATION = 12 + 16


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI language, chosen before the window is made."""
    if request.param == "en":
        request.getfixturevalue("english")
    yield request.param


def _open_checked(qtbot: QtBot, window: MainWindow, draft_id: int) -> DraftEditor:
    """The draft in the editor, its granskning's counts in the list of steps."""
    window.open_draft(draft_id)
    editor = window.editor
    assert editor is not None
    with qtbot.waitSignal(editor.report_ready, timeout=5000):
        editor.run_checks()
    return editor


def _names_that_do_not_fit(editor: DraftEditor) -> list[str]:
    view = editor.step_list
    metrics = view.fontMetrics()
    room = view.viewport().width() - view.iconSize().width() - DECORATION
    texts = [view.item(row).text() for row in range(view.count())]
    return [t for t in texts if metrics.horizontalAdvance(t) > room]


def test_every_step_name_fits_on_its_line(
    qtbot: QtBot, language: str, styled: None, window: MainWindow, store: Store
) -> None:
    editor = _open_checked(qtbot, window, store.create_draft(rich_draft()))
    names = [editor.step_list.item(row).text() for row in range(editor.step_list.count())]
    assert any("Förvaltningens förslag till beslut" in name for name in names)
    review = "Review and export" if language == "en" else "Granska och exportera"
    assert review in names[-1] and "(" in names[-1]  # with its count of findings
    assert _names_that_do_not_fit(editor) == []


def test_a_very_long_own_heading_wraps_and_shows_whole_in_its_tooltip(
    qtbot: QtBot, styled: None, window: MainWindow, store: Store, messages: ScriptedMessages
) -> None:
    editor = _open_checked(qtbot, window, store.create_draft(rich_draft()))
    step = editor.step_for("bakgrund")
    assert isinstance(step, SectionStep)
    editor.go_to_step(step)
    heading = "Konsekvenser för barn, äldre och personer med funktionsnedsättning i hela kommunen"
    messages.texts.append(heading)
    messages.choices.append(1)  # after the first part
    click(step, "Lägg till eget avsnitt")
    own = editor.current_step()
    assert own.title == heading
    item = editor.step_list.currentItem()
    assert item.toolTip() == item.text() and heading in item.text()
    assert editor.step_list.minimumWidth() <= 420  # the window keeps room for the text
    assert [n for n in _names_that_do_not_fit(editor) if heading not in n] == []
