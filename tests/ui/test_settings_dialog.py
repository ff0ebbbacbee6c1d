"""Tests for the settings dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from beslut.settings import Settings
from beslut.ui.settings_dialog import SettingsDialog


def test_entered_settings_come_back(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(disabled_rules=("decision.att",)))
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("  Åsa Öberg ")
    dialog.edits["adress"].setText("Box 8310, 104 20 Stockholm")
    namnder = dialog.fields["namnder"]
    assert isinstance(namnder, QPlainTextEdit)
    namnder.setPlainText("Kulturnämnden\n\n Idrottsnämnden \n")
    limit = dialog.fields["attachment_limit_mb"]
    assert isinstance(limit, QSpinBox)
    limit.setValue(40)
    dialog.rules.item(0).setCheckState(Qt.CheckState.Unchecked)
    result = dialog.result_settings()
    assert result.name == "Åsa Öberg"
    assert result.adress == "Box 8310, 104 20 Stockholm"
    assert result.namnder == ("Kulturnämnden", "Idrottsnämnden")
    assert result.attachment_limit_mb == 40
    first_rule = dialog.rules.item(0).data(Qt.ItemDataRole.UserRole)
    assert set(result.disabled_rules) == {"decision.att", first_rule}


def test_invalid_dnr_pattern_keeps_the_dialog_open(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["dnr_pattern"].setText("KS (")
    dialog.accept()
    assert dialog.isVisible()
    assert "inte ett giltigt uttryck" in dialog.problem.text()  # the core's message
    dialog.edits["dnr_pattern"].setText(r"KS \d{4}/\d+")
    dialog.accept()
    assert not dialog.isVisible()


def test_every_declared_setting_has_a_field(qtbot: QtBot) -> None:
    from beslut.settings import OPTIONS

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert set(dialog.fields) == {option.name for option in OPTIONS}
    assert dialog.result_settings() == Settings()  # unchanged fields give the same settings


def test_a_dnr_pattern_that_backtracks_without_bound_is_refused_at_once(qtbot: QtBot) -> None:
    import time

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["dnr_pattern"].setText("(A|AA)+[0-9]+/[0-9]+")  # 2**n ways on "A" * n + "!"
    start = time.perf_counter()
    dialog.accept()
    assert time.perf_counter() - start < 2.0  # the real figure: the 0.2 s time limit
    assert dialog.isVisible()
    assert "tar för lång tid" in dialog.problem.text()


def test_a_broken_checks_toml_in_the_template_folder_does_not_stop_saving(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "checks.toml").write_text("disabled = " + "[" * 500 + "]" * 500 + "\n")
    dialog = SettingsDialog(Settings(template_dir=str(tmp_path)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # the organisation's file: check and export say so, with a notice
    assert not dialog.isVisible()
