"""The section editor's commands beyond bold, italic and block kinds: list levels,
numbering, links, footnotes and tables, as actions for its toolbar and context menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.ui.richtext.commands import (
    can_change_level,
    change_level,
    is_numbered,
    link_at,
    marker_at,
    set_link,
    set_note,
    set_numbering,
)
from beslut.ui.richtext.format import restart_of
from beslut.ui.richtext.host import EditorHost
from beslut.ui.richtext.tables import TableActions
from beslut.workflow.editing import checked_link, checked_start


class EditorActions:
    """The actions, made on ``editor`` (its shortcuts work in it), and what they do."""

    def __init__(self, editor: EditorHost) -> None:
        self.editor = editor
        act = editor.action
        self.indent_action = act(
            _("Öka listnivå"), _("Flytta punkten en nivå in (Tab)"), None, checkable=False
        )
        self.outdent_action = act(
            _("Minska listnivå"), _("Flytta punkten en nivå ut (Skift+Tab)"), None, checkable=False
        )
        self.restart_action = act(
            _("Starta om numreringen"),
            _("Börja numrera om från 1 vid den här punkten"),
            None,
            checkable=False,
        )
        self.continue_action = act(
            _("Fortsätt numreringen"),
            _("Fortsätt numreringen från listan ovanför, också efter stycken emellan"),
            None,
            checkable=False,
        )
        self.start_at_action = act(
            _("Numrera från…"), _("Börja numreringen på ett valt nummer"), None, checkable=False
        )
        self.link_action = act(
            _("Länk…"), _("Infoga eller ändra en länk"), "Ctrl+K", checkable=False
        )
        self.note_action = act(
            _("Fotnot…"), _("Infoga, ändra eller ta bort en fotnot"), "Ctrl+Alt+F", checkable=False
        )
        self.numbering_menu = QMenu(_("Numrering"), editor)
        self.numbering_menu.addActions(
            [self.restart_action, self.continue_action, self.start_at_action]
        )
        self.tables = TableActions(editor)
        self.indent_action.triggered.connect(lambda _c=False: self._level(1))
        self.outdent_action.triggered.connect(lambda _c=False: self._level(-1))
        self.restart_action.triggered.connect(lambda _c=False: self._numbering(1))
        self.continue_action.triggered.connect(lambda _c=False: self._numbering(None))
        self.start_at_action.triggered.connect(lambda _c=False: self._start_at())
        self.link_action.triggered.connect(lambda _c=False: self._link())
        self.note_action.triggered.connect(lambda _c=False: self._note())

    def menu_actions(self) -> list[QAction]:
        """The actions of the context menu, after bold, italic and the block kinds."""
        return [
            self.indent_action,
            self.outdent_action,
            self.numbering_menu.menuAction(),
            self.link_action,
            self.note_action,
            self.tables.menu.menuAction(),
        ]

    def add_to_toolbar(self, toolbar: QToolBar) -> None:
        """Numrering and the list levels, Länk, Fotnot, and Tabell (a menu)."""
        self._menu_button(toolbar, self.numbering_menu)
        toolbar.addActions([self.indent_action, self.outdent_action])
        toolbar.addSeparator()
        toolbar.addActions([self.link_action, self.note_action])
        toolbar.addSeparator()
        self._menu_button(toolbar, self.tables.menu)

    def _menu_button(self, toolbar: QToolBar, menu: QMenu) -> None:
        button = QToolButton(toolbar)
        button.setMenu(menu)
        button.setText(menu.title())
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setAccessibleName(menu.title())
        toolbar.addWidget(button).setText(menu.title())

    def update(self, cursor: QTextCursor) -> None:
        """Enable what can be done where the cursor stands."""
        numbered = is_numbered(cursor.block())
        self.indent_action.setEnabled(can_change_level(cursor, 1))
        self.outdent_action.setEnabled(can_change_level(cursor, -1))
        self.restart_action.setEnabled(numbered)
        self.start_at_action.setEnabled(numbered)
        self.continue_action.setEnabled(numbered and restart_of(cursor.block()) is not None)
        self.tables.update(cursor)

    # --- what they do ----------------------------------------------------------------

    def _cursor(self) -> QTextCursor:
        return self.editor.text_edit.textCursor()

    def _level(self, delta: int) -> None:
        change_level(self._cursor(), delta)
        self.editor.text_edit.setFocus()

    def _numbering(self, start: int | None) -> None:
        set_numbering(self._cursor(), start)
        self.update(self._cursor())

    def _start_at(self) -> None:
        if not is_numbered(self._cursor().block()):
            return
        current = restart_of(self._cursor().block())
        answer = self.editor.messages.text(
            self.editor, _("Numrera från"), _("Börja numreringen på:"), str(current or 1)
        )
        if answer is None:
            return
        try:
            start = checked_start(answer)
        except BeslutError as exc:
            self.editor.messages.error(self.editor, exc, _("Numreringen ändrades inte"))
            return
        self._numbering(start)

    def _link(self) -> None:
        cursor = self._cursor()
        answer = self.editor.messages.text(
            self.editor,
            _("Länk"),
            _("Adress som länken går till (https://, http:// eller mailto:). Töm fältet för "
              "att ta bort länken."),
            link_at(cursor),
        )  # fmt: skip
        if answer is None:
            return
        address = ""
        if answer.strip():
            try:
                address = checked_link(answer)
            except BeslutError as exc:
                self.editor.messages.error(self.editor, exc, _("Länken lades inte in"))
                return
        set_link(cursor, address)
        self.editor.text_edit.setTextCursor(cursor)

    def _note(self) -> None:
        cursor = self._cursor()
        marker = marker_at(cursor)
        answer = self.editor.messages.text(
            self.editor,
            _("Fotnot"),
            _("Fotnotens text (töm fältet för att ta bort fotnoten):")
            if marker
            else _("Fotnotens text:"),
            marker[2] if marker else "",
        )
        if answer is None:
            return
        set_note(cursor, answer.strip())
