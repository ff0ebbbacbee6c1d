"""The Dnr hint under the field: a user's slow pattern never hangs the GUI thread."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from beslut.checks import CheckConfig
from beslut.settings import Settings
from beslut.ui.steps.metadata import MetadataStep


def test_typing_a_dnr_with_a_slow_pattern_shows_why_within_the_time_limit(qtbot: QtBot) -> None:
    config = CheckConfig(dnr_pattern="(A|AA)+[0-9]+/[0-9]+")  # not validated: as if stored
    step = MetadataStep(Settings(), config.dnr_matches)
    qtbot.addWidget(step)
    start = time.perf_counter()
    step.dnr.setText("A" * 40 + "!")  # textChanged: as each keystroke does
    assert time.perf_counter() - start < 2.0  # the real figure: the 0.2 s time limit
    assert step.dnr_hint.text().startswith("Dnr-mönstret tar för lång tid")
    step.dnr.setText("")
    assert step.dnr_hint.text() == ""


def test_a_dnr_of_another_form_gets_the_usual_hint(qtbot: QtBot) -> None:
    step = MetadataStep(Settings(), CheckConfig().dnr_matches)
    qtbot.addWidget(step)
    step.dnr.setText("inte ett diarienummer")
    assert "har inte den form" in step.dnr_hint.text()
    step.dnr.setText("KS 2023/123")
    assert step.dnr_hint.text() == ""
