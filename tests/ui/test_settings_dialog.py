"""Tests for the settings dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from beslut.settings import Settings
from beslut.ui.settings_dialog import SettingsDialog


def test_entered_settings_come_back(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(disabled_rules=("decision.att",)))
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("  Åsa Öberg ")
    dialog.edits["adress"].setText("Box 8310, 104 20 Stockholm")
    dialog.namnder.setPlainText("Kulturnämnden\n\n Idrottsnämnden \n")
    dialog.rules.item(0).setCheckState(Qt.CheckState.Unchecked)
    result = dialog.result_settings()
    assert result.name == "Åsa Öberg"
    assert result.adress == "Box 8310, 104 20 Stockholm"
    assert result.namnder == ("Kulturnämnden", "Idrottsnämnden")
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
