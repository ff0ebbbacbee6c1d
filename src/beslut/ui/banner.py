"""A message bar above the window's pages: read-only database, a save that failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from beslut.i18n import _


class Banner(QFrame):
    """One line (or a few) of text the user should not miss, until it no longer holds.

    ``kind`` is "error" (red) or "info" (yellow); ``topic`` names what the message is
    about, so that clearing one topic ("save") leaves another ("read-only") standing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.topic = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        # By name: the Qt enum would build all of PySide6.QtCore.Qt's (start-up time).
        self.label.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.label.setAccessibleName(_("Meddelande"))
        self.action_button = QPushButton()  # what the message asks for, when it asks
        self.action_button.clicked.connect(lambda _checked=False: self._act())
        self.action_button.hide()
        self._action: Callable[[], None] | None = None
        self.close_button = QPushButton(_("Dölj"))
        self.close_button.setAccessibleName(_("Dölj meddelandet"))
        self.close_button.clicked.connect(lambda _checked=False: self.hide())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(
        self,
        topic: str,
        text: str,
        kind: str = "error",
        action: tuple[str, str, Callable[[], None]] | None = None,
    ) -> None:
        """Show ``text``; it replaces what was shown. ``action`` (text, accessible
        name, what it does) is a button beside it."""
        self.topic = topic
        self._action = action[2] if action else None
        if action:
            self.action_button.setText(action[0])
            self.action_button.setAccessibleName(action[1])
        self.action_button.setVisible(action is not None)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.show()

    def clear(self, topic: str) -> None:
        """Hide the bar if it shows a message about ``topic``."""
        if self.topic == topic:
            self.topic = ""
            self._action = None
            self.hide()

    def _act(self) -> None:
        if self._action is not None:
            self._action()
