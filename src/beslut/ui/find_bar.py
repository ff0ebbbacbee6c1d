"""The find bar at the bottom of the draft editor: find, and with Ctrl+H replace."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from beslut.i18n import _
from beslut.workflow.find import Query


class FindBar(QFrame):
    """The fields and buttons; what they do is FindFlow's (find_flow.py).

    ``find_requested(backwards)``: Enter / Shift+Enter, Nästa / Föregående.
    ``query_changed``: the text or an option changed (the matches must be found again).
    """

    find_requested = Signal(bool)
    query_changed = Signal()
    replace_requested = Signal()
    replace_all_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(_("Sök och ersätt"))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(_("Sök efter"))
        self.find_edit.setPlaceholderText(_("Sök i utkastet"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(_("Ersätt med"))
        self.replace_edit.setPlaceholderText(_("Ersätt med"))
        self.previous_button = self._button(_("Föregående"), _("Föregående träff (Skift+F3)"))
        self.next_button = self._button(_("Nästa"), _("Nästa träff (Enter, F3)"))
        self.case_box = QCheckBox(_("Matcha skiftlä&ge"))
        self.words_box = QCheckBox(_("Hela &ord"))
        for box in (self.case_box, self.words_box):
            box.setAccessibleName(box.text().replace("&", ""))
            box.toggled.connect(lambda _on: self.query_changed.emit())
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setAccessibleName(_("Sökresultat"))
        self.replace_button = self._button(
            _("Ersätt"), _("Ersätt den här träffen (Enter i Ersätt med)")
        )
        self.replace_all_button = self._button(
            _("Ersätt alla"), _("Ersätt alla träffar i utkastet (ett steg att ångra)")
        )
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(_("Stäng sökfältet"))
        self.close_button.setToolTip(_("Stäng (Esc)"))
        self.find_label = QLabel(_("Sö&k:"))
        self.find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(_("Ersätt &med:"))
        self.replace_label.setBuddy(self.replace_edit)
        self._lay_out()
        self.previous_button.clicked.connect(lambda: self.find_requested.emit(True))
        self.next_button.clicked.connect(lambda: self.find_requested.emit(False))
        self.replace_button.clicked.connect(lambda: self.replace_requested.emit())
        self.replace_all_button.clicked.connect(lambda: self.replace_all_requested.emit())
        self.close_button.clicked.connect(lambda: self.closed.emit())
        self.find_edit.textChanged.connect(lambda _text: self.query_changed.emit())
        self._keys = _EnterKeys(self)
        self.find_edit.installEventFilter(self._keys)
        self.replace_edit.installEventFilter(self._keys)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        find_buttons = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.case_box, self.words_box):
            find_buttons.addWidget(widget)
        find_buttons.addWidget(self.count_label, 1)
        find_buttons.addWidget(self.close_button)
        grid.addLayout(find_buttons, 0, 2)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        replace_buttons = QHBoxLayout()
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        replace_buttons.addStretch(1)
        grid.addLayout(replace_buttons, 1, 2)
        for field in (self.find_edit, self.replace_edit):
            field.setMinimumWidth(260)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)

    def query(self) -> Query:
        """What the user is looking for, as the core searches it."""
        return Query(self.find_edit.text(), self.case_box.isChecked(), self.words_box.isChecked())

    def replacement(self) -> str:
        return self.replace_edit.text()

    def show_replace(self, shown: bool) -> None:
        """The replace row: shown with Ctrl+H, hidden with plain Ctrl+F."""
        for widget in (
            self.replace_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
        ):
            widget.setVisible(shown)

    def set_replace_enabled(self, enabled: bool) -> None:
        """Replacing is off in a read-only draft."""
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setEnabled(enabled)

    def set_count(self, text: str, *, found: bool = True) -> None:
        """The label beside the buttons: "3 av 12", "Hittades inte", "12 ersättningar"."""
        self.count_label.setText(text)
        self.count_label.setProperty("notFound", not found)
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    def focus_find(self) -> None:
        """The focus in the find field, its text selected (to type a new query over it)."""
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()


class _EnterKeys(QObject):
    """Enter in the find field: the next match, Shift+Enter the previous; Enter in the
    replace field replaces the current match."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if watched is self._bar.replace_edit:
            self._bar.replace_requested.emit()
        else:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.find_requested.emit(shift)
        return True
