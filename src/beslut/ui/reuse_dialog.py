"""Återanvänd text (Ctrl+Shift+Space in a text part): the paragraphs of that part in
one's other drafts, searched as one types, with the chosen one shown as it will look;
Enter or a click inserts it at the cursor (ui/reuse.py searches)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QTextEdit, QVBoxLayout, QWidget

from beslut.i18n import _
from beslut.ui.reuse import PhrasePicker, PhraseSearch, shortcut_text

if TYPE_CHECKING:
    from beslut.workflow.phrases import Phrase


class ReuseDialog(QDialog):
    """Search field, hits and a preview of the chosen hit; ``chosen`` gives the hit to
    insert and the dialog closes."""

    chosen = Signal(object)  # the Phrase to insert

    def __init__(self, search: PhraseSearch, part_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Återanvänd text – {part}").format(part=part_title))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        tip = _(
            "Sök bland styckena i dina andra utkast ({keys}); Enter infogar det valda vid markören"
        ).format(keys=shortcut_text())
        self.picker = PhrasePicker(search, _("Återanvänd text…"), tip)
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(_("Förhandsvisning"))
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hint = QLabel(
            _("Skriv några ord ur stycket. Upp och Ned väljer, Enter infogar vid markören, "
              "Esc tömmer fältet, och stänger när det är tomt.")
        )  # fmt: skip
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.picker)
        split.addWidget(self.preview)
        split.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        self.resize(640, 520)
        self.picker.hits_shown.connect(self._preview)
        self.picker.list.selectionModel().currentChanged.connect(self._preview)
        self.picker.chosen.connect(self._take)

    def open_at(self) -> None:
        """Show the dialog with the search field focused and its text selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.picker.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.picker.field.selectAll()
        self.picker.refresh()  # the draft may have changed since the last time

    def _preview(self, *_current: object) -> None:
        """Show the hit now chosen (the signals' indexes are not needed: the picker
        knows its current hit)."""
        show_hit(self.picker.current_hit(), self.preview.document())

    def _take(self, hit: Phrase) -> None:
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()  # the text takes the keys again
        self.chosen.emit(hit)


def show_hit(hit: Phrase | None, document: QTextDocument) -> None:
    """Show ``hit``'s block in ``document`` as the editor will (nothing for None)."""
    from beslut.ui.richtext.write import regroup_lists, write_blocks

    document.clear()
    if hit is not None and hit.block is not None:
        write_blocks(QTextCursor(document), [hit.block])
        regroup_lists(document)
    elif hit is not None:
        document.setPlainText(hit.text)
