"""A received review's changes outside the text shown where they are: a changed
ärendemening, Dnr or part heading gets a coloured frame and a tooltip saying who
proposed what; a decision point shows its changes in the list (struck through in red,
inserted in green), a deleted point struck through, a point to be inserted at its
place. Godta takes the mark away."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from beslut.checks.findings import TITLE
from beslut.model.draft import Draft
from beslut.model.jsonio import dumps
from beslut.parts import META
from beslut.review import Change, propose
from beslut.store import Store
from beslut.ui.changes_flow import ChangesController
from beslut.ui.field_marks import CHANGE, mark_points
from beslut.ui.main_window import MainWindow
from beslut.ui.steps.rich_items import RICH
from tests.ui.helpers import receive_review
from tests.ui.scripted import ScriptedMessages

LEFT = Qt.MouseButton.LeftButton
STRUCK = '<s style="color:#b3261e">'
GREEN = '<span style="background-color:#2e7d32; color:#ffffff">'


def _reviewed(store: Store, folder: Path) -> Path:
    """Draft 1 as Eva Ek sends it back: a new year in the ärendemening, a longer
    heading of Sammanfattning, another Dnr, another date in point 1, point 3 gone."""
    draft = store.load_draft(1)
    meta = dataclasses.replace(
        draft.meta, title=draft.meta.title.replace("2028", "2029"), dnr="IDN 2026/258"
    )
    sections = tuple(
        dataclasses.replace(s, heading="Sammanfattning av ärendet")
        if s.key == "sammanfattning"
        else s
        for s in draft.sections
    )
    first = draft.decisions[0].replace("1 februari", "1 mars")
    draft = dataclasses.replace(
        draft, meta=meta, sections=sections, decisions=(first, draft.decisions[1])
    )
    path = folder / "Eva Ek.beslut"
    path.write_text(dumps(draft, store.files_for(draft)), encoding="utf-8")
    return path


def _received(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> ChangesController:
    window.open_draft(1)
    messages.answers.append(True)  # another Dnr and title: "is it this draft's?" yes
    controller = receive_review(window, messages, _reviewed(store, tmp_path), qtbot)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.metadata.title_edit.property(CHANGE) == "replaced")
    return controller


def _one(controller: ChangesController, part: str, field: str = "") -> Change:
    assert controller.shown is not None
    found = [
        c
        for c in controller.shown.changes
        if c.location.part == part and (not field or c.location.field == field)
    ]
    assert len(found) == 1, controller.shown.changes
    return found[0]


def test_fields_heading_and_points_show_their_changes_and_godta_clears_one(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = _received(window, store, messages, tmp_path, qtbot)
    editor = controller.editor
    meta = editor.metadata
    assert meta.title_edit.toolTip() == "Ersatt av Eva Ek med: ”2029”"
    assert meta.dnr.property(CHANGE) == "replaced"
    assert meta.dnr.toolTip() == "Ersatt av Eva Ek med: ”IDN 2026/258”"
    assert meta.title_edit.text().endswith("2028")  # the text stays as it is
    assert not meta.namnd.property(CHANGE) and not meta.subtitle.property(CHANGE)

    summary = editor.step_for("sammanfattning")
    background = editor.step_for("bakgrund")
    assert summary is not None and background is not None
    heading = summary.heading_edit  # type: ignore[attr-defined]
    assert heading.property(CHANGE) == "inserted"
    assert heading.toolTip() == "Infogat av Eva Ek: ”av ärendet”"
    assert not background.heading_edit.property(CHANGE)  # type: ignore[attr-defined]
    assert background.heading_edit.toolTip().startswith("Rubriken som")  # type: ignore[attr-defined]

    points = editor.decisions.list
    first, second, third = (points.item(r) for r in range(3))
    label, html = first.data(RICH)
    assert label == first.text()
    assert f"{STRUCK}februari</s>{GREEN}mars</span>" in html and "1. Idrottsnämnden inför" in html
    assert first.toolTip() == "Ersatt av Eva Ek med: ”mars”"
    assert second.data(RICH) is None and not second.toolTip()
    assert f"{STRUCK}Beslutet justeras omedelbart.</s>" in third.data(RICH)[1]
    assert third.toolTip() == "Borttaget av Eva Ek: ”Beslutet justeras omedelbart.”"

    text = editor.decisions.text  # the selected point's text: its changes in it
    editor.decisions.list.setCurrentRow(0)
    assert not text.property(CHANGE) and text.toolTip() == first.toolTip()
    struck = [s for s in text.extraSelections() if s.format.fontStrikeOut()]
    assert [s.cursor.selectedText() for s in struck] == ["februari"]
    editor.decisions.list.setCurrentRow(1)
    assert not text.property(CHANGE) and not text.extraSelections()
    editor.decisions.list.setCurrentRow(2)
    assert text.property(CHANGE) == "deleted" and text.font().strikeOut()

    title = _one(controller, META, TITLE)
    controller.panel.choose(title.number)
    QTest.mouseClick(controller.panel.accept_button, LEFT)
    qtbot.waitUntil(lambda: not controller.busy)
    qtbot.waitUntil(lambda: not meta.title_edit.property(CHANGE))
    assert meta.title_edit.toolTip() == ""  # the field's own (none)
    assert meta.title_edit.text().endswith("2029")
    with Store.open(store.path) as fresh:
        assert fresh.load_draft(1).meta.title.endswith("från 2029")
    assert meta.dnr.property(CHANGE) == "replaced"  # the others stay marked
    assert heading.property(CHANGE) == "inserted"
    assert editor.decisions.list.item(2).data(RICH) is not None


def test_godta_alla_clears_every_mark(
    window: MainWindow, store: Store, messages: ScriptedMessages, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = _received(window, store, messages, tmp_path, qtbot)
    QTest.mouseClick(controller.panel.accept_all, LEFT)
    qtbot.waitUntil(lambda: not controller.busy)
    editor = controller.editor
    qtbot.waitUntil(lambda: not editor.metadata.dnr.property(CHANGE))
    summary = editor.step_for("sammanfattning")
    assert summary is not None
    assert not summary.heading_edit.property(CHANGE)  # type: ignore[attr-defined]
    assert summary.heading_edit.toolTip().startswith("Rubriken som")  # type: ignore[attr-defined]
    points = editor.decisions.list
    assert points.count() == 2
    assert all(points.item(r).data(RICH) is None for r in range(2))
    assert not editor.decisions.text.extraSelections()
    assert not editor.decisions.text.toolTip()
    assert editor.metadata.dnr.text() == "IDN 2026/258"


def _points(values: tuple[str, ...]) -> QListWidget:
    points = QListWidget()
    points.values = values  # type: ignore[attr-defined]  # as ReorderableList holds them
    points.addItems([f"{row + 1}. {text}" for row, text in enumerate(values)])
    return points


def test_a_point_to_be_inserted_shows_at_its_place(qtbot: QtBot) -> None:
    old = ("Nämnden godkänner förslaget.", "Beslutet justeras omedelbart.")
    new = (old[0], "Nämnden <ger> uppdrag.", old[1], "Sist & slutligen.")
    current, received = Draft(decisions=old), Draft(decisions=new)
    changes = propose(current, received, "Eva Ek")
    points = _points(old)
    qtbot.addWidget(points)
    assert mark_points(points, changes) == 2
    second = points.item(1).data(RICH)[1]
    assert second.index(f"+ {GREEN}Nämnden &lt;ger&gt; uppdrag.</span>") < second.index("2. ")
    assert second.index("2. ") < second.index(f"+ {GREEN}Sist &amp; slutligen.</span>")
    assert points.item(1).toolTip().splitlines() == [
        "Infogat av Eva Ek: ”Nämnden <ger> uppdrag.”",
        "Infogat av Eva Ek: ”Sist & slutligen.”",
    ]
    assert points.item(0).data(RICH) is None
    assert mark_points(points, []) == 0  # the review done: the marks go
    assert points.item(1).data(RICH) is None and not points.item(1).toolTip()


def test_a_point_edited_since_the_draft_was_saved_is_not_marked_stale(qtbot: QtBot) -> None:
    old = ("Nämnden godkänner förslaget.",)
    changes = propose(Draft(decisions=old), Draft(decisions=("Nämnden avslår förslaget.",)))
    points = _points(("Nämnden ska godkänna förslaget.",))  # typed, not yet saved
    qtbot.addWidget(points)
    assert mark_points(points, changes) == 0
    assert points.item(0).data(RICH) is None
