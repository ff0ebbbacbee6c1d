"""The draft editor: the steps of the document type in order, guidance beside them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from beslut.checks import CheckConfig, Finding, Report, run_checks
from beslut.doctypes import DocType
from beslut.i18n import _
from beslut.model.draft import Draft
from beslut.parts import part_label
from beslut.settings import Settings
from beslut.store import Store
from beslut.ui import memory
from beslut.ui.draft_heading import heading_html
from beslut.ui.icons import icon
from beslut.ui.messages import Messages, message_for
from beslut.ui.ownparts import OwnParts, own_part_spec
from beslut.ui.reuse import Reuse
from beslut.ui.spelling import spelling_for, use_spelling
from beslut.ui.steps.attachments import AttachmentsStep
from beslut.ui.steps.base import DraftStep, Step
from beslut.ui.steps.decisions import DecisionsStep
from beslut.ui.steps.metadata import MetadataStep
from beslut.ui.steps.review import ReviewStep
from beslut.ui.steps.section import SectionStep
from beslut.ui.steps.signatures import SignaturesStep
from beslut.ui.steps.steplist import fit_step_list
from beslut.ui.undo import ProxyCommand, routed_stack, undo_in_focus
from beslut.ui.worker import Worker
from beslut.workflow.ownparts import text_part_order

CHECK_DELAY_MS = 600


class DraftEditor(QWidget):
    """Leads through one draft part by part; everything typed is collected for autosave."""

    changed = Signal()
    read_only = False  # set_read_only
    export_requested = Signal(bool, bool, bool)
    version_requested = Signal()
    report_ready = Signal(object)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        doctype: DocType,
        check_config: Callable[[], CheckConfig],
        messages: Messages | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self.doctype = store, settings, doctype
        self.messages = messages or Messages()
        self._check_config = check_config
        self.draft = Draft()
        self.report: Report | None = None
        self.current_id: Callable[[], int | None] = lambda: None  # the stored draft's id
        # Reuse searches the other drafts, ranked by the draft as it is written now.
        self.reuse = Reuse(store, settings, lambda: (self.collect(), self.current_id()))
        self.metadata = MetadataStep(settings, self.dnr_matches)
        self.decisions = DecisionsStep(doctype, self.reuse)
        self.sections: list[SectionStep] = []
        self.attachments = AttachmentsStep(store, self.messages, settings.attachment_limit_mb)
        self.signatures = SignaturesStep()
        self.review = ReviewStep(self.part_name)
        self.draft_steps: list[DraftStep] = []
        self.steps: list[Step] = []
        self.own_parts = OwnParts(self)
        self._build()
        for step in (self.metadata, self.decisions, self.attachments, self.signatures, self.review):
            step.changed.connect(self.edited)
        self.arrange(text_part_order(self.draft, doctype))
        self._checker = Worker(self)
        self._checker.finished.connect(self._report_ready)
        self._checker.failed.connect(self._checks_failed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)

    # --- layout -------------------------------------------------------------------

    def _build(self) -> None:
        for keys, offset in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda offset=offset: self.next_step(offset))
        self.title = QLabel()
        self.title.setObjectName("draftTitle")
        self.title.setWordWrap(True)
        # A long unbroken title must not widen the window (word wrap cannot break it).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.step_list = QListWidget()
        self.step_list.setObjectName("steps")
        self.step_list.setAccessibleName(_("Delar i tjänsteutlåtandet"))
        self.step_list.setIconSize(QSize(18, 18))
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.step_list.currentRowChanged.connect(self._show_step)
        self.guidance = QTextBrowser()
        self.guidance.setObjectName("guidance")
        self.guidance.setAccessibleName(_("Vägledning för den här delen"))
        self.step_heading = QLabel()
        self.step_heading.setObjectName("stepHeading")
        center = QWidget()
        self._center_layout = center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(8, 0, 8, 0)
        center_layout.addWidget(self.step_heading)
        center_layout.addWidget(self.stack, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.step_list)
        splitter.addWidget(center)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([270, 640, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        body = QHBoxLayout()
        body.addWidget(splitter)
        layout.addLayout(body, 1)
        self.review.export_requested.connect(self.export_requested)
        self.review.version_requested.connect(self.version_requested)
        self.review.finding_activated.connect(self.go_to)
        self.review.fix_requested.connect(self.apply_fix)

    # --- loading and collecting ------------------------------------------------

    def arrange(self, keys: list[str]) -> None:
        """Make the text steps those of parts ``keys``, in that order (own parts too)."""
        current = self.current_step() if self.steps else None
        sections = [self._section_step(key) for key in keys]
        for gone in set(self.sections) - set(sections):
            self.stack.removeWidget(gone)
            gone.deleteLater()
        self.sections = sections
        self.draft_steps = [
            self.metadata,
            self.decisions,
            *sections,
            self.attachments,
            self.signatures,
        ]
        self.steps = [*self.draft_steps, self.review]
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for number, step in enumerate(self.steps, start=1):
            self.step_list.addItem(QListWidgetItem(f"{number}. {step.title}"))
            if self.stack.indexOf(step) < 0:
                self.stack.addWidget(step)
        self.step_list.blockSignals(False)
        if current in self.steps:
            self.step_list.setCurrentRow(self.steps.index(current))
        fit_step_list(self.step_list)

    def show_panel(self, panel: QWidget) -> None:
        """A panel below the steps' text (a review's changes, changes_flow.py)."""
        self._center_layout.addWidget(panel)

    def _section_step(self, key: str) -> SectionStep:
        found = next((s for s in self.sections if s.part == key), None)
        if found is not None:
            return found
        spec = self.doctype.section(key)
        own = spec is None
        if spec is None:
            section = self.draft.section(key)
            spec = own_part_spec(key, section.heading if section else key)
        step = SectionStep(spec, messages=self.messages, own=own, reuse=self.reuse)
        step.changed.connect(self.edited)
        step.fix_requested.connect(self.apply_fix)
        step.title_changed.connect(lambda step=step: self._retitle(step))
        step.add_part_requested.connect(lambda step=step: self.own_parts.add(step))
        step.remove_part_requested.connect(lambda step=step: self.own_parts.remove(step))
        step.comments.author = lambda: self.settings.name or self.draft.meta.handlaggare.name
        step.comments.taken = lambda: [c.id for s in self.sections for c in s.comments.comments()]
        step.editor.text_edit.undo_elsewhere = lambda redo, step=step: self._undo_after_text(
            step, redo
        )
        return step

    def _undo_after_text(self, step: Step, redo: bool) -> None:
        """Ctrl+Z in a text with nothing left to undo: the step's own edits (its
        heading), then the parts added and removed."""
        stack = step.undo_stack
        if stack.canRedo() if redo else stack.canUndo():
            stack.redo() if redo else stack.undo()
        else:
            self.own_parts.undo(redo)

    def _retitle(self, step: Step) -> None:
        if step in self.steps:
            row = self.steps.index(step)
            self.step_list.item(row).setText(f"{row + 1}. {step.title}")
            fit_step_list(self.step_list)
            if step is self.current_step():
                self.step_heading.setText(step.title)

    def load(self, draft: Draft) -> None:
        """Show ``draft`` in every step; the first step the user has not filled is current."""
        self.draft = draft
        use_spelling(self.store, self.settings, draft)
        self.arrange(text_part_order(draft, self.doctype))
        for step in self.draft_steps:
            step.load(draft)
        self._refresh_title()
        self.refresh_states()
        self.step_list.setCurrentRow(0)
        # The granskning starts after the first paint: its thread would compete with it.
        self._check_timer.start()
        memory.hold()

    def collect(self) -> Draft:
        """The draft as the user has it now (cheap enough to call after every pause)."""
        draft = self.draft
        for step in self.draft_steps:
            draft = step.apply(draft)
        self.draft = draft
        return draft

    # --- steps ----------------------------------------------------------------------

    def _show_step(self, row: int) -> None:
        if not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        self.stack.setCurrentWidget(step)
        self.step_heading.setText(step.title)
        self.guidance.setMarkdown(f"### {step.title}\n\n{step.guidance}")
        if step is self.review:
            self.run_checks()

    def current_step(self) -> Step:
        return self.steps[max(0, self.step_list.currentRow())]

    def focus_guidance(self) -> None:
        """F1: the focus to the guidance beside the step."""
        self.guidance.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_step(self, offset: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next (+1) or previous (-1) step, as tab widgets do."""
        row = self.step_list.currentRow() + offset
        if 0 <= row < len(self.steps):
            self.go_to_step(self.steps[row])

    def go_to_step(self, step: Step) -> None:
        self.step_list.setCurrentRow(self.steps.index(step))
        step.focus_first()

    def edited(self) -> None:
        """The draft changed (typed, or replaced from outside): autosave and check again."""
        self.changed.emit()
        self._check_timer.start()

    def _refresh_title(self) -> None:
        self.title.setText(heading_html(self.draft, self.doctype))

    def refresh_states(self) -> None:
        """Mark each step filled, empty or required-and-empty; show finding counts."""
        counts = self.report.counts_by_part() if self.report else {}
        for row, step in enumerate(self.steps):
            item = self.step_list.item(row)
            if not isinstance(step, DraftStep):  # the review step
                item.setIcon(icon("help"))
                total = len(self.report.findings) if self.report else 0
                item.setText(f"{row + 1}. {step.title}" + (f"  ({total})" if total else ""))
                continue
            filled = step.is_filled()
            state = "step-done" if filled else "step-required" if step.required else "step-empty"
            item.setIcon(icon(state))
            n = sum(counts.get(step.part, {}).values()) if step.part else 0
            item.setText(f"{row + 1}. {step.title}" + (f"  ({n})" if n else ""))
            status = _("ifylld") if filled else _("krävs") if step.required else _("tom")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}, {status}")
        fit_step_list(self.step_list)

    # --- granskning ----------------------------------------------------------------

    def run_checks(self) -> None:
        """Check the current draft on the worker thread; results arrive in _report_ready."""
        self._check_timer.stop()
        draft = self.collect()
        config, doctype, store = self._check_config(), self.doctype, self.store
        hashes = {ref.sha256 for ref in draft.file_refs()}
        spelling = spelling_for(draft, config)

        def check() -> Report:
            present = store.has_files(hashes)
            return run_checks(draft, config, doctype=doctype, files=present, spelling=spelling)

        self._checker.submit("checks", check)

    def settle(self) -> None:
        """Let bilaga files still being stored join the draft (before it is saved for
        leaving or closing)."""
        from PySide6.QtCore import QCoreApplication

        self.attachments.wait_for_files()
        QCoreApplication.sendPostedEvents()  # delivers their result, as the loop would

    def wait_for_background(self) -> None:
        """Block until a running granskning and bilaga files being stored are done
        (before the editor goes away, so no thread reports to a deleted widget)."""
        self._check_timer.stop()
        self._checker.wait()
        self.attachments.wait_for_files()
        self.reuse.wait()
        memory.release()

    def _checks_failed(self, _token: object, exc: object) -> None:
        message = message_for(exc) if isinstance(exc, BaseException) else str(exc)
        self.review.show_failure(message)

    def _report_ready(self, _token: object, report: object) -> None:
        assert isinstance(report, Report)
        self.report = report
        self._refresh_title()
        self.refresh_states()
        self.review.show_report(report)
        for step in self.sections:
            step.show_findings(report.in_part(step.spec.key), report.lix.get(step.spec.key))
        self.report_ready.emit(report)

    def dnr_matches(self, dnr: str) -> bool:
        """True when ``dnr`` has the organisation's (or the user's) form."""
        return self._check_config().dnr_matches(dnr)

    def part_name(self, part: str) -> str:
        """The name of ``part`` (beslut.parts, as the command line names it)."""
        return part_label(part, self.draft, self.doctype)

    def step_for(self, part: str) -> Step | None:
        """The step that shows ``part`` of the draft."""
        return next((s for s in self.steps if s.part == part), None)

    def go_to(self, finding: Finding) -> None:
        """Show the place a finding points at, with its text selected where possible."""
        target = self.step_for(finding.location.part)
        if target is None:
            return
        self.go_to_step(target)
        target.reveal(finding.location)

    def apply_fix(self, finding: Finding) -> None:
        """Make a one-click fix as an edit in the step it changes, undoable there and
        (Ctrl+Z right after clicking it) here on the review step."""
        from beslut.checks import StaleFixError, apply_fix

        try:
            fixed = apply_fix(self.collect(), finding)
        except StaleFixError:
            self.run_checks()
            return
        target = self.step_for(finding.location.part)
        if not isinstance(target, DraftStep):
            return
        label = _("Rätta: {label}").format(label=finding.fix.label if finding.fix else "")
        undo, redo = target.take_from(fixed, label)
        self.review.undo_stack.push(ProxyCommand(label, undo, redo))
        self.edited()

    # --- editing ---------------------------------------------------------------------

    def undo(self, *, redo: bool = False) -> None:
        """Ctrl+Z / Ctrl+Y: the focused field's own history, else the current step's."""
        if undo_in_focus(redo=redo):
            return
        stack = routed_stack() or self.current_step().undo_stack  # the find bar's own
        if not (stack.canRedo() if redo else stack.canUndo()):
            stack = self.own_parts.stack  # added and removed parts
        stack.redo() if redo else stack.undo()

    def set_title(self, title: str) -> None:
        """Change the ärendemening as if the user had typed it (after a conflict copy)."""
        self.metadata.set_title(title)
        self._refresh_title()

    def set_read_only(self, read_only: bool) -> None:
        """Show the draft without letting it change (a read-only database)."""
        self.read_only = read_only
        for step in self.steps:
            step.set_read_only(read_only)
