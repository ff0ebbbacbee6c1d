"""Start-up stays cheap: what the first window does not need is not loaded (see
benchmarks/bench_startup.py), and the window looks and behaves as it always did."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from beslut.collation import collation_key
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.ui.main_window import MainWindow

# Run as `python -m beslut ARGS`; then report what the process had loaded.
_PROBE = """
import json, runpy, sys
sys.argv = ["beslut", *sys.argv[1:]]
try:
    runpy.run_module("beslut", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
import PySide6.QtCore
print(json.dumps({
    "code": code,
    "modules": sorted(sys.modules),
    # PySide6 builds a class or namespace on first use; Qt's ~90 enums cost ~20 ms.
    "qt_namespace_built": "Qt" in vars(PySide6.QtCore),
}))
"""

# Loaded when they are first needed, never for the first window.
_NOT_AT_START = (
    "babel",
    "beslut.checks",
    "beslut.cli.backup",
    "beslut.cli.drafts",
    "beslut.cli.parser",
    "beslut.doctypes",
    "beslut.workflow",
    "beslut.export",
    "beslut.importing",
    "beslut.model.draft",
    "beslut.model.jsonio",
    "beslut.recovery",
    "beslut.store.backups",
    "beslut.store.schema",
    "beslut.ui.autosave",
    "beslut.ui.banner",
    "beslut.ui.editor",
    "beslut.ui.export_flow",
    "beslut.ui.import_flow",
    "beslut.ui.import_preview",
    "beslut.ui.import_progress",
    "beslut.ui.richtext",
    "beslut.ui.safety",
    "beslut.ui.settings_dialog",
    "beslut.ui.steps",
    "beslut.ui.undo",
    "beslut.ui.worker",
    "docx",
    "lxml",
    "PySide6.QtNetwork",
    "PySide6.QtSvg",
    "sqlite_utils",
)


def _smoke_start(tmp_path: Path) -> dict[str, object]:
    db = tmp_path / "start.db"
    with Store.open(db, seed=seed_example):  # created and migrated: a usual start
        pass
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "--db", str(db), "--smoke-test"],
        capture_output=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_first_window_loads_only_what_it_shows(tmp_path: Path) -> None:
    result = _smoke_start(tmp_path)
    assert result["code"] == 0
    modules = result["modules"]
    assert isinstance(modules, list)
    assert "beslut.ui.main_window" in modules  # the probe did start the app
    loaded = [
        name
        for name in modules
        if any(name == lazy or name.startswith(lazy + ".") for lazy in _NOT_AT_START)
    ]
    assert loaded == [], "loaded at start-up, though the first window does not need them"
    assert result["qt_namespace_built"] is False, (
        "something on the start path used PySide6.QtCore.Qt (an enum value, a Python "
        "override Qt calls with a Qt enum, setShortcut): see draft_list.py"
    )


def test_the_list_is_sorted_newest_first_under_its_titles(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    from beslut.model.draft import Draft, Metadata

    store.create_draft(Draft(Metadata(title="Nyast")))
    window.refresh_list()
    table = window.list_page.table
    header = table.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == 4
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    titles = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    assert titles == ["Ärende", "Nämnd", "Dnr", "Status", "Senast ändrad"]
    assert table.model().index(0, 0).data() == "Nyast"
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # a click on "Ärende"
    texts = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert texts == sorted(texts, key=collation_key)
    assert window.list_page.model.rows[0].title == texts[0]


def test_the_window_keeps_its_look_and_keys(window: MainWindow) -> None:
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.list_page.empty.alignment() == Qt.AlignmentFlag.AlignCenter
    assert window.act_new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.act_back.shortcut() == QKeySequence("Alt+Left")
    assert window.act_open.shortcut().isEmpty()


def test_the_message_bar_is_above_the_list_and_first_in_tab_order(window: MainWindow) -> None:
    window.banner.show_message("save", "Ett meddelande")
    assert window.banner.isVisible()
    central = window.centralWidget()
    assert central is not None and central.layout() is not None
    layout = central.layout()
    assert layout is not None
    assert layout.indexOf(window.banner) < layout.indexOf(window.pages)
    page = window.list_page
    order: list[QWidget] = [window.banner.close_button]
    widget: QWidget | None = window.banner.close_button.nextInFocusChain()
    while widget is not None and len(order) < 6:
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
    expected = [page.search, page.status_filter, page.namnd_filter, page.trash_toggle]
    assert order[1:] == [*expected, page.table]
