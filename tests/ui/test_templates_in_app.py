"""The organisation's template folder in the app: a folder that disappears and a broken
document type never stop a draft from opening, exporting or being created."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from beslut.doctypes import default_template_dir
from beslut.store import Store
from beslut.ui.main_window import MainWindow
from tests.ui.helpers import click
from tests.ui.scripted import ScriptedMessages


def _org(window: MainWindow, tmp_path: Path) -> Path:
    org = tmp_path / "org"
    shutil.copytree(default_template_dir(), org)
    window.settings = dataclasses.replace(window.settings, template_dir=str(org))
    return org


def test_a_folder_that_disappears_still_opens_and_exports(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, messages: ScriptedMessages
) -> None:
    org = _org(window, tmp_path)
    window.open_draft(1)
    assert window.editor is not None and not window.banner.isVisible()
    window.back_to_list()
    shutil.rmtree(org)  # the laptop went offline
    window.open_draft(1)
    editor = window.editor
    assert editor is not None and editor.doctype.key == "beslutsarende"
    assert window.banner.isVisible() and str(org) in window.banner.label.text()
    editor.go_to_step(editor.review)
    target = tmp_path / "tu.docx"
    messages.answers.append(True)  # whatever the granskning finds
    messages.files.append(target)
    with qtbot.waitSignal(window.exporter.finished, timeout=30_000):
        click(editor.review, "Exportera till Word")
    assert target.stat().st_size > 0


def test_a_broken_type_is_left_out_of_nytt_and_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, messages: ScriptedMessages
) -> None:
    org = _org(window, tmp_path)
    (org / "doctypes" / "remissvar.toml").write_text("[trasig", encoding="utf-8")
    window.act_new.trigger()  # the user cancels the choice (the default answer)
    assert "remissvar.toml" in window.banner.label.text()
    messages.choices.append(0)
    window.act_new.trigger()
    assert window.editor is not None  # the other types are still offered
