"""Adding and removing a draft's own parts in the editor, each an undoable step."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

from beslut.doctypes import SectionSpec
from beslut.i18n import _
from beslut.model.draft import Section
from beslut.ui.steps.base import DraftStep
from beslut.workflow.ownparts import add_own_part, remove_part, text_part_order

if TYPE_CHECKING:
    from beslut.ui.editor import DraftEditor
    from beslut.ui.steps.section import SectionStep


def own_part_spec(key: str, heading: str) -> SectionSpec:
    """What the editor shows for an own part: its heading and general guidance."""
    return SectionSpec(
        key,
        heading,
        guidance=_(
            "Ett eget avsnitt, som dokumenttypen inte har. Det skrivs ut under sin rubrik, "
            "där du har placerat det. Byt rubrik i fältet Rubrik; ta bort avsnittet med "
            "knappen under texten."
        ),
    )


class OwnParts:
    """The editor's own parts: asks where a new one goes, and keeps the undo history of
    parts added and removed (Ctrl+Z where no text or field has its own to undo)."""

    def __init__(self, editor: DraftEditor) -> None:
        self.editor = editor
        self.stack = QUndoStack(editor)

    def undo(self, redo: bool) -> None:
        """Undo (redo) the last part added or removed."""
        self.stack.redo() if redo else self.stack.undo()

    def add(self, step: SectionStep) -> None:
        """Ask for the heading and the place of a new own part, then add it there."""
        editor = self.editor
        heading = editor.messages.text(
            editor,
            _("Lägg till eget avsnitt"),
            _("Rubrik för det nya avsnittet, till exempel Ekonomiska konsekvenser:"),
        )
        if heading is None or not heading.strip():
            return
        draft = editor.collect()
        order = text_part_order(draft, editor.doctype)
        names = [editor.part_name(key) for key in order]
        options = [_("Först, före {part}").format(part=names[0])] if names else []
        options += [_("Efter {part}").format(part=name) for name in names]
        choice = editor.messages.choose(
            editor,
            _("Var ska avsnittet stå?"),
            _("Var i tjänsteutlåtandet ska ”{heading}” stå?").format(heading=heading.strip()),
            options,
        )
        if choice is None:
            return
        after = order[choice - 1] if choice > 0 else None
        changed, key = add_own_part(draft, editor.doctype, heading, after)
        section = changed.section(key)
        assert section is not None
        index = [s.key for s in changed.sections].index(key)
        base = dataclasses.replace(
            changed, sections=tuple(s for s in changed.sections if s.key != key)
        )
        editor.draft = base  # the type's missing parts in place, as the user saw them
        self.stack.push(_PartCommand(self, _("Lägg till avsnitt"), section, index, present=True))

    def remove(self, step: SectionStep) -> None:
        """Remove the own part ``step`` shows, after asking."""
        editor = self.editor
        if not editor.messages.ask(
            editor,
            _("Ta bort avsnitt"),
            _("Ta bort avsnittet ”{heading}” med all dess text? Ctrl+Z ångrar.").format(
                heading=step.title
            ),
        ):
            return
        draft = editor.collect()
        keys = [s.key for s in draft.sections]
        section = draft.section(step.part or "")
        if section is None:
            return
        self.stack.push(
            _PartCommand(
                self, _("Ta bort avsnitt"), section, keys.index(section.key), present=False
            )
        )

    def set_present(self, section: Section, index: int, present: bool) -> Section:
        """Put ``section`` in the draft at ``index`` or take it out; returns the section
        as it was (with what was typed in it meanwhile)."""
        editor = self.editor
        draft = editor.collect()
        current = draft.section(section.key) or section
        if present:
            sections = [s for s in draft.sections if s.key != section.key]
            sections.insert(min(index, len(sections)), current)
            draft = dataclasses.replace(draft, sections=tuple(sections))
        else:
            draft = remove_part(draft, section.key)
        shown = editor.step_for(section.key)
        row = editor.steps.index(shown) if shown is not None else editor.step_list.currentRow()
        editor.draft = draft
        editor.arrange(text_part_order(draft, editor.doctype))
        target = editor.step_for(section.key) if present else None
        if isinstance(target, DraftStep):
            target.load(draft)
            editor.go_to_step(target)
        else:
            # The step that took the removed part's place is shown, as a list selects the
            # next item; the focus stays in the list, where Ctrl+Z brings the part back.
            editor.step_list.setCurrentRow(max(0, min(row, len(editor.steps) - 1)))
            editor.step_list.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.refresh_states()
        editor.changed.emit()
        return current


class _PartCommand(QUndoCommand):
    """Adds (``present``) or removes a part on redo, the opposite on undo."""

    def __init__(
        self, parts: OwnParts, text: str, section: Section, index: int, *, present: bool
    ) -> None:
        super().__init__(text)
        self.parts, self.section, self.index, self.present = parts, section, index, present

    def redo(self) -> None:
        self.section = self.parts.set_present(self.section, self.index, self.present)

    def undo(self) -> None:
        self.section = self.parts.set_present(self.section, self.index, not self.present)
