"""The UI in English and in Swedish: beslut's own text, Qt's own texts and dates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from beslut.i18n import set_language
from beslut.model import BlockKind
from beslut.settings import Settings
from beslut.store import Store
from beslut.ui.app import _install_translations
from beslut.ui.main_window import MainWindow
from beslut.ui.settings_dialog import SettingsDialog
from beslut.ui.steps.section import SectionStep
from tests.catalogs import compile_catalogs


def _window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    qsettings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, qsettings)
    qtbot.addWidget(win)
    win.show()
    return win


def _step_names(window: MainWindow) -> list[str]:
    window.open_draft(window.list_page.model.rows[0].id)
    assert window.editor is not None
    steps = window.editor.step_list
    return [steps.item(row).text() for row in range(steps.count())]


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.usefixtures("english")
def test_the_main_window_in_english(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    window = _window(qtbot, store, tmp_path)
    assert window.act_new.text() == "&New"
    assert window.act_new.toolTip() == "New tjänsteutlåtande (Ctrl+N)"
    assert _menus(window) == ["&File", "&Edit", "&View", "&Help"]
    assert window.list_page.model.headerData(4, Qt.Orientation.Horizontal) == "Last changed"
    names = _step_names(window)
    assert names[0].startswith("1. Details")
    assert names[-2:] == [f"{len(names) - 1}. Signatures", f"{len(names)}. Review and export"]
    # The document type's own parts are the organisation's text and stay Swedish.
    assert any("Sammanfattning" in name for name in names)
    assert window.editor is not None
    date = window.editor.metadata.date
    assert date.locale().name() == "en_GB"
    assert date.specialValueText() == "No date"
    # "Underrubrik" is two words in English: the TU's subtitle, a sub-heading in the text.
    assert window.editor.metadata.subtitle.accessibleName() == "Subtitle"
    step = window.editor.step_for("sammanfattning")
    assert isinstance(step, SectionStep)
    editor = step.editor
    assert editor.kind_actions[BlockKind.HEADING].text() == "Sub-heading"
    assert editor.heading2_action.text() == "Sub-heading 2"


def test_the_main_window_in_swedish(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    set_language("sv")
    window = _window(qtbot, store, tmp_path)
    assert window.act_new.text() == "&Nytt"
    assert _menus(window) == ["&Arkiv", "&Redigera", "&Visa", "&Hjälp"]
    assert window.list_page.model.headerData(4, Qt.Orientation.Horizontal) == "Senast ändrad"
    names = _step_names(window)
    assert names[0].startswith("1. Uppgifter")
    assert names[-1] == f"{len(names)}. Granska och exportera"
    assert window.editor is not None
    assert window.editor.metadata.date.locale().name() == "sv_SE"


@pytest.mark.usefixtures("english")
def test_english_then_swedish_in_one_run(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    assert _window(qtbot, store, tmp_path).act_new.text() == "&New"
    set_language("sv")
    assert _window(qtbot, store, tmp_path / "again").act_new.text() == "&Nytt"


@pytest.fixture
def qt_language(qapp: QApplication) -> Iterator[QApplication]:
    """Undo what _install_translations does to the application."""
    locale = QLocale()
    yield qapp
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def test_qt_speaks_swedish_with_swedish(qt_language: QApplication) -> None:
    _install_translations(qt_language, "sv")
    assert QLocale().name() == "sv_SE"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"


@pytest.mark.usefixtures("english")
def test_qt_speaks_english_with_english(qt_language: QApplication) -> None:
    _install_translations(qt_language, "en")
    assert QLocale().name() == "en_GB"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_settings_dialog_says_when_the_language_changes(qtbot: QtBot) -> None:
    compile_catalogs()
    dialog = SettingsDialog(Settings(language="sv"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_hint.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_hint.isVisible()
    assert dialog.language_hint.text() == "The language changes the next time you start beslut."
    assert dialog.result_settings().language == "en"
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    assert not dialog.language_hint.isVisible()
