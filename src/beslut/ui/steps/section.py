"""A text step (Sammanfattning, Bakgrund, an own part): its heading and the rich-text
editor for one section."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QVBoxLayout, QWidget

from beslut.checks import Finding, Lix, Severity
from beslut.checks.findings import HEADING, Location
from beslut.doctypes import SectionSpec
from beslut.i18n import _
from beslut.model.draft import Block, Draft, Section
from beslut.ui.messages import Messages
from beslut.ui.reuse import SHORTCUT as REUSE_KEYS
from beslut.ui.reuse import shortcut_text
from beslut.ui.richtext import SectionEditor
from beslut.ui.richtext.places import cursor_for, text_blocks
from beslut.ui.steps.base import ButtonSpec, DraftStep, button_row
from beslut.ui.steps.comments_margin import CommentsMargin
from beslut.ui.steps.section_comments import SectionComments
from beslut.ui.undo import SnapshotCommand, route_undo

if TYPE_CHECKING:
    from beslut.ui.reuse import Reuse
    from beslut.ui.reuse_dialog import ReuseDialog
    from beslut.workflow.phrases import Phrase

SPELLING = "spelling.unknown"
_UNDERLINE = {Severity.FEL: "#b3261e", Severity.VARNING: "#c77700", Severity.TIPS: "#3b7dd8"}


def _guidance(spec: SectionSpec) -> str:
    text = spec.guidance
    if spec.example:
        text += "\n\n" + _("Exempel: {example}").format(example=spec.example)
    return text


class SectionStep(DraftStep):
    """One text part, edited as paragraphs, sub-headings, lists and tables under a
    heading of the user's own (Section.heading). ``own`` is a part the document type
    does not know, which the user may remove again."""

    fix_requested = Signal(object)  # a Finding whose fix the user chose in the text
    add_part_requested = Signal()
    remove_part_requested = Signal()
    title_changed = Signal()

    def __init__(
        self,
        spec: SectionSpec,
        parent: QWidget | None = None,
        messages: Messages | None = None,
        *,
        own: bool = False,
        reuse: Reuse | None = None,
    ) -> None:
        super().__init__(spec.heading, _guidance(spec), parent)
        self.spec = spec
        self.part = spec.key
        self.required = spec.required
        self.own = own
        self.heading = spec.heading
        self.heading_edit = QLineEdit(spec.heading)
        self.heading_edit.setAccessibleName(_("Avsnittets rubrik"))
        self.heading_edit.setToolTip(
            _("Rubriken som avsnittet har i tjänsteutlåtandet; tom: {heading}").format(
                heading=spec.heading
            )
        )
        self.editor = SectionEditor(messages=messages)
        self.editor.setAccessibleName(spec.heading)
        self.lix_label = QLabel()
        self.lix_label.setObjectName("hint")
        self.lix_label.setAccessibleName(_("Läsbarhet"))
        self.margin = CommentsMargin()
        self.comments = SectionComments(self.editor, self.margin, self.part)
        self.reuse = reuse
        self.reuse_dialog: ReuseDialog | None = None
        self._build()
        self.editor.content_changed.connect(self.changed.emit)
        marks = self.editor.text_edit.marks
        if marks is not None:
            marks.fix = self.fix_requested.emit
        self.heading_edit.textEdited.connect(self._heading_edited)
        route_undo(self.undo_stack, self.heading_edit)
        self._cached: tuple[tuple[Block, ...], Section] | None = None
        self._finding_marks: list[QTextEdit.ExtraSelection] = []
        self._change_marks: list[QTextEdit.ExtraSelection] = []

    def _build(self) -> None:
        label = QLabel(_("&Rubrik"))
        label.setBuddy(self.heading_edit)
        specs: list[ButtonSpec] = [
            (
                _("Lägg till eget avsnitt…"),
                "add",
                self.add_part_requested.emit,
                _("Lägg till ett avsnitt som dokumenttypen saknar (Ekonomiska konsekvenser)"),
            )
        ]
        if self.reuse is not None:
            specs.insert(0, (_("Återanvänd text…"), "duplicate", self.open_reuse,
                             _("Infoga ett stycke ur dina andra utkast ({keys})").format(
                                 keys=shortcut_text())))  # fmt: skip
            shortcut = QShortcut(QKeySequence(REUSE_KEYS), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.open_reuse)
        if self.own:
            specs.append(
                (_("Ta bort avsnittet…"), "delete", self.remove_part_requested.emit,
                 _("Ta bort det här egna avsnittet och dess text"))
            )  # fmt: skip
        heading_row = QHBoxLayout()
        heading_row.addWidget(label)
        heading_row.addWidget(self.heading_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading_row)
        layout.addWidget(self.editor, 1)
        self.editor.beside.addWidget(self.margin)
        bottom = button_row(specs)
        bottom.addWidget(self.lix_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(bottom)

    def open_reuse(self) -> None:
        """Återanvänd text…: search this part's paragraphs in the other drafts."""
        if self.reuse is None or self.editor.text_edit.isReadOnly():
            return
        if self.reuse_dialog is None:
            from beslut.ui.reuse_dialog import ReuseDialog

            search = self.reuse.search(self.spec.key, self)
            self.reuse_dialog = ReuseDialog(search, self.title, self)
            self.reuse_dialog.chosen.connect(self.insert_reused)
        self.reuse_dialog.open_at()

    def insert_reused(self, hit: Phrase) -> None:
        """Insert ``hit``'s paragraph, with its formatting, as a block of its own at the
        cursor: one step of the text's undo history."""
        from beslut.model.draft import Block, BlockKind

        block = hit.block or Block.plain(BlockKind.PARAGRAPH, hit.text)
        edit = self.editor.text_edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = edit.textCursor()
        table = cursor.currentTable()
        if table is not None:  # in a table cell: after the table (a cell holds no blocks)
            cursor.setPosition(table.lastPosition() + 1)
            edit.setTextCursor(cursor)
        edit.insert_blocks([block], whole=True)

    def _heading_edited(self, text: str) -> None:
        """The user renamed the part: one undo step (typing in the field merges)."""
        before, after = self.heading, text.strip()
        if after == before:
            return
        self.undo_stack.push(
            SnapshotCommand(
                _("Byt rubrik"), before, after, self._show_heading, "heading", applied=True
            )
        )
        self._set_heading(after)

    def _show_heading(self, heading: str) -> None:
        self.heading_edit.setText(heading)
        self._set_heading(heading)

    def _set_heading(self, heading: str) -> None:
        self.heading = heading
        self.title = heading or self.spec.heading
        self.editor.setAccessibleName(self.title)
        self._cached = None
        self.title_changed.emit()
        self.changed.emit()

    def load(self, draft: Draft) -> None:
        section = draft.section(self.spec.key)
        # The draft's own heading for the part is kept (and printed); else the type's.
        heading = section.heading if section is not None else self.spec.heading
        self.heading_edit.setText(heading)
        self.heading = heading
        self.title = heading or self.spec.heading
        self.editor.set_blocks(section.blocks if section else ())
        self.comments.load(draft)
        self._cached = None

    def section(self) -> Section:
        """The section as the user has written it (converted again only after an edit)."""
        blocks = self.editor.blocks()  # the same tuple while the text is the same
        if self._cached is None or self._cached[0] is not blocks:
            self._cached = (blocks, Section(self.spec.key, self.heading, blocks))
        return self._cached[1]

    def apply(self, draft: Draft) -> Draft:
        """``draft`` with this section in its place (added at the end when it had none)."""
        mine = self.section()
        sections = draft.sections
        if any(s.key == mine.key for s in sections):
            sections = tuple(mine if s.key == mine.key else s for s in sections)
        else:
            sections = (*sections, mine)
        return dataclasses.replace(draft, sections=sections, comments=self.comments.apply(draft))

    def take_from(self, draft: Draft, label: str) -> tuple[Callable[[], None], Callable[[], None]]:
        """Replace the text with the section of ``draft``: one step of the editor's own
        undo history."""
        from beslut.ui.richtext.commands import renumber_notes
        from beslut.ui.richtext.write import insert_blocks, regroup_lists

        section = draft.section(self.spec.key)
        edit = self.editor.text_edit
        kept = self.comments.comments()  # put back on the new text, where they were
        cursor = QTextCursor(edit.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        insert_blocks(cursor, section.blocks if section else ())
        regroup_lists(edit.document())
        renumber_notes(edit.document())
        self.comments.replant(kept)
        cursor.endEditBlock()
        return edit.undo, edit.redo

    def reveal(self, location: Location) -> None:
        if location.field == HEADING:
            self.heading_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            start = location.start or 0
            end = len(self.heading_edit.text()) if location.end is None else location.end
            self.heading_edit.setSelection(start, max(end - start, 0))
            return
        self.select(location)

    def is_filled(self) -> bool:
        return not self.section().is_empty

    def focus_first(self) -> None:
        self.editor.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_findings(self, findings: list[Finding], lix: Lix | None) -> None:
        """Underline what the granskning found in this section; show its LIX."""
        if lix is not None and lix.words:
            self.lix_label.setText(
                _("LIX {value:.0f} – {band}").format(value=lix.value, band=lix.band.label)
            )
        else:
            self.lix_label.setText("")
        edit = self.editor.text_edit
        # Once: walking the document per finding is quadratic.
        blocks, model = text_blocks(edit.document()), self.section().blocks
        selections, marked = [], []
        for finding in findings:
            if finding.rule == SPELLING:
                continue  # marked in red as the user types (richtext.marks)
            cursor = cursor_for(blocks, model, finding.location)
            if cursor is None or not cursor.hasSelection():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(_UNDERLINE[finding.severity]))
            selection.format = fmt
            selections.append(selection)
            marked.append((cursor, finding))
        self._finding_marks = selections
        self._paint_marks()
        if edit.marks is not None:  # the tooltip and the fix in the context menu
            edit.marks.findings = marked

    def show_changes(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Mark a received review's changes in the text (beside the findings)."""
        self._change_marks = selections
        self._paint_marks()

    def _paint_marks(self) -> None:
        """The findings and the changes over the comments' highlights."""
        self.comments.findings = self._finding_marks + self._change_marks
        self.comments.paint()

    def select(self, location: Location) -> None:
        """Select the characters (or the footnote marker) ``location`` points at."""
        edit = self.editor.text_edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = cursor_for(text_blocks(edit.document()), self.section().blocks, location)
        if cursor is not None:
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()
