"""A received review worked in change by change in the open draft: the changes panel
below the text, the changes marked in place, and each decision made by the core's
workflow/changes.py decide() (as ``beslut accept/reject`` makes it) on the editor's
own worker thread, so the GUI thread only shows the result.

A decision changes the stored draft under the open editor. Pending edits are saved
first and autosave stops watching while the decision runs; the parts of the editor
whose text changed are then loaded from the stored draft, and autosave watches it anew
at its new change counter (so it never writes the older text over it, nor takes it
for a conflict). Ctrl+Z in the panel puts the draft and the review back as they were
before the last decision (workflow/receiving.py), the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from beslut.errors import BeslutError
from beslut.i18n import _, ngettext
from beslut.ui.change_marks import mark_changes
from beslut.ui.changes_panel import ChangesPanel
from beslut.ui.field_marks import mark_fields
from beslut.ui.worker import Worker

if TYPE_CHECKING:
    from beslut.model.draft import Draft
    from beslut.review import Change
    from beslut.store import Store
    from beslut.ui.editor import DraftEditor
    from beslut.ui.main_window import MainWindow
    from beslut.workflow.changes import Decided
    from beslut.workflow.receiving import Before

_STATUS_MS = 10000


@dataclass(frozen=True, slots=True)
class Shown:
    """What the panel and the editor show after a job: the stored draft and its change
    counter, the changes left with where each is, and who reviewed."""

    draft: Draft
    change: int
    changes: tuple[Change, ...]
    where: dict[int, str]
    reviewer: str


@dataclass(frozen=True, slots=True)
class _Done:
    """A decision made (or taken back: ``decided`` None)."""

    before: Before | None
    decided: Decided | None
    shown: Shown
    chosen: tuple[Change, ...] | None = None  # the changes decided (None: not known)
    accept: bool = False


def _shown(store: Store, draft_id: int) -> Shown:
    """The stored state of draft ``draft_id`` and its review (run on the worker)."""
    from beslut.workflow.changes import changes, describe_change

    draft, change = store.load_draft_and_change(draft_id)
    review = store.get_review(draft_id)
    found = tuple(changes(store, draft_id)) if review is not None else ()
    where = {}
    for c in found:
        assert review is not None
        where[c.number] = describe_change(c, draft, review.received)
    return Shown(draft, change, found, where, review.reviewer if review else "")


def _numbers(found: Sequence[Change], chosen: Sequence[Change]) -> list[int]:
    """The numbers ``chosen`` (as the panel showed them) have among ``found`` now."""
    out = []
    for want in chosen:
        same = [
            c
            for c in found
            if (c.kind, c.location.part, c.old, c.new)
            == (want.kind, want.location.part, want.old, want.new)
        ]
        if not same:
            message = _("Ändringen finns inte längre i texten. Listan är uppdaterad.")
            raise BeslutError(message, f"change {want.number} gone")
        out.append(min(same, key=lambda c: abs(c.number - want.number)).number)
    return out


class ChangesController(QObject):
    """The changes of draft ``draft_id``'s pending review in ``editor`` (a child of the
    editor: it goes with it)."""

    def __init__(self, window: MainWindow, editor: DraftEditor, draft_id: int) -> None:
        super().__init__(editor)
        self.window, self.editor, self.draft_id = window, editor, draft_id
        self.panel = ChangesPanel()
        self.panel.hide()
        self.panel.decide_requested.connect(self.decide)
        self.panel.undo_requested.connect(self.undo)
        self.panel.activated = self.reveal
        editor.show_panel(self.panel)
        self.worker = Worker(self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.undo_states: list[Before] = []
        self.busy = False
        self.shown: Shown | None = None
        window.autosaver.saved.connect(self._saved)  # a bound slot: gone with the editor

    def _saved(self, _stamp: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the review again (after the text was saved) and show it."""
        if not self.busy:
            store, draft_id = self.window.store, self.draft_id
            self.worker.submit("refresh", lambda: _shown(store, draft_id))

    def _saved_first(self) -> bool:
        """Edits typed and not yet saved are saved first (waiting only then)."""
        return not self.window.autosaver.pending or self.window.saved_or_told()

    def decide(self, numbers: list[int] | None, accept: bool) -> None:
        """Godta / Avvisa the changes ``numbers`` (None: all) shown in the panel."""
        if self.busy or self.shown is None or not self._saved_first():
            return
        shown = self.shown
        chosen = [c for c in shown.changes if numbers is None or c.number in numbers]
        store, draft_id = self.window.store, self.draft_id

        def job() -> _Done:
            from beslut.workflow.changes import changes, decide
            from beslut.workflow.receiving import before

            kept = before(store, draft_id)
            found = changes(store, draft_id)
            wanted = None if numbers is None else _numbers(found, chosen)
            done = decide(store, draft_id, wanted, accept=accept)
            return _Done(kept, done, _shown(store, draft_id), tuple(chosen), accept)

        self._start("decide", job)

    def undo(self) -> None:
        """Ctrl+Z in the panel: the draft and the review as before the last decision."""
        if self.busy or not self.undo_states or not self._saved_first():
            return
        state = self.undo_states.pop()
        store, draft_id = self.window.store, self.draft_id

        def job() -> _Done:
            from beslut.workflow.receiving import put_back

            put_back(store, draft_id, state)
            return _Done(None, None, _shown(store, draft_id))

        self._start("undo", job)

    def _start(self, token: str, job: object) -> None:
        self.busy = True
        self.panel.set_busy(True)
        self.window.autosaver.stop()  # the stored draft changes under the editor
        self.worker.submit(token, job)  # type: ignore[arg-type]

    def _finished(self, token: object, result: object) -> None:
        if isinstance(result, Shown):
            self.show(result, reload=False)
            return
        assert isinstance(result, _Done)
        if result.before is not None:
            self.undo_states.append(result.before)
        self.show(result.shown, reload=True, chosen=result.chosen, accept=result.accept)
        self._tell(token, result)

    def _failed(self, token: object, exc: object) -> None:
        if token == "refresh":
            return
        self.busy = False
        self.panel.set_busy(False)
        self._watch()
        if isinstance(exc, BaseException):
            self.window.messages.error(self.window, exc, _("Föreslagna ändringar"))
        self.refresh()

    def _watch(self, draft: Draft | None = None, change: int | None = None) -> None:
        window = self.window
        if window.editor is not self.editor or window.store.read_only:
            return
        if draft is None:
            draft, change = window.store.load_draft_and_change(self.draft_id)
        window.autosaver.watch(self.draft_id, draft, change, self.editor.collect)

    def show(
        self,
        shown: Shown,
        *,
        reload: bool,
        chosen: Sequence[Change] | None = None,
        accept: bool = False,
    ) -> None:
        """Show ``shown``: the stored text in the editor (``reload``), the changes in
        the panel and in place. After a decision the work is done in turns of the event
        loop (the text, the list, the marks, the steps' states, the granskning), so
        that no turn holds the GUI thread for long. ``chosen``: the
        changes just decided (``accept``ed or not), so only their parts are compared."""
        if not reload:
            self._present(shown)
            return
        editor = self.editor
        reload_changed(editor, shown.draft, chosen, accept=accept)
        self._watch(shown.draft, shown.change)
        in_turns(
            self,
            lambda: self._present(shown, mark=False),
            lambda: mark_changes(editor.sections, shown.changes),
            lambda: mark_fields(editor, shown.changes),
            editor.refresh_states,
            editor.run_checks,
        )

    def _present(self, shown: Shown, *, mark: bool = True) -> None:
        self.shown = shown
        panel = self.panel
        panel.show_changes(shown.changes, lambda c: shown.where.get(c.number, ""), shown.reviewer)
        if not shown.changes:
            panel.heading.setText(_("Granskningen är klar."))
        panel.setVisible(bool(shown.changes) or bool(self.undo_states))
        if mark:
            mark_changes(self.editor.sections, shown.changes)
            mark_fields(self.editor, shown.changes)
        if self.busy:
            self.busy = False
            panel.set_busy(False)

    def _tell(self, token: object, result: _Done) -> None:
        status = self.window.statusBar()
        done = result.decided
        if done is None:
            status.showMessage(_("Beslutet om ändringen är ångrat."), _STATUS_MS)
            return
        if done.revision is not None:
            message = _("Granskningen är klar; texten finns som version {revision}.")
            status.showMessage(message.format(revision=done.revision), _STATUS_MS)
            return
        left = ngettext("{n} ändring kvar.", "{n} ändringar kvar.", done.left)
        status.showMessage(left.format(n=done.left), _STATUS_MS)

    def reveal(self, change: Change) -> None:
        """Show a change's place in the text."""
        step = self.editor.step_for(change.location.part)
        if step is None:
            return
        self.editor.go_to_step(step)
        step.reveal(change.location)


def in_turns(receiver: QObject, *steps: Callable[[], object]) -> None:
    """Run ``steps`` one after the other, each in a turn of the event loop of its own
    (input and painting get theirs between them), while ``receiver`` lives. A 1 ms
    timer, as zero-time timers due together all run in one turn."""
    if not steps:
        return

    def first() -> None:
        steps[0]()
        in_turns(receiver, *steps[1:])

    QTimer.singleShot(1, receiver, first)


def reload_changed(
    editor: DraftEditor,
    draft: Draft,
    chosen: Sequence[Change] | None = None,
    *,
    accept: bool = False,
) -> None:
    """Show the stored ``draft`` in ``editor``: only the steps whose part differs are
    loaded again (a decision changes one part; loading them all would hold the GUI
    thread), the whole editor when the parts themselves changed. With ``chosen`` (the
    changes just decided) only their text parts are compared, an accepted change of
    characters is made in place, and a rejected one changes no text at all. The steps'
    states and the granskning are the caller's to refresh."""
    from beslut.ui.change_apply import apply_in_place
    from beslut.ui.steps.section import SectionStep
    from beslut.workflow.ownparts import text_part_order

    if text_part_order(draft, editor.doctype) != [s.part for s in editor.sections]:
        step = editor.current_step()
        editor.load(draft)
        if step in editor.steps:
            editor.step_list.setCurrentRow(editor.steps.index(step))
        return
    parts = None if chosen is None else {c.location.part for c in chosen} if accept else set()
    for step in editor.draft_steps:
        if isinstance(step, SectionStep) and parts is not None and step.part not in parts:
            continue  # the decision did not touch this part's text
        if step.apply(draft) == draft:
            continue
        mine = [c for c in chosen or () if c.location.part == step.part]
        if not (isinstance(step, SectionStep) and apply_in_place(step, draft, mine)):
            step.load(draft)
        elif step.apply(draft) != draft:  # its comments moved otherwise than the core's
            step.comments.load(draft)
    editor.draft = draft
