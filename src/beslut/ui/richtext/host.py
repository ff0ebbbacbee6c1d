"""The section editor as its actions and menus see it, so that they need not import it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTextEdit, QWidget

from beslut.ui.messages import Messages


class EditorHost(QWidget):
    """The widget the editor's actions live on; SectionEditor is one. It sets
    ``messages`` and ``text_edit``."""

    messages: Messages
    text_edit: QTextEdit

    def action(
        self,
        text: str,
        tip: str,
        keys: str | QKeySequence.StandardKey | None = None,
        *,
        checkable: bool = True,
    ) -> QAction:
        """An action of the editor, its shortcut (if any) active in the editor only."""
        action = QAction(text, self)
        if keys is not None:
            key = QKeySequence(keys)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({key.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setCheckable(checkable)
        self.addAction(action)
        return action
