"""The small window-modal dialog while documents are read for an import: how many, which
one now, and Avbryt (Esc too). Cancelling only closes it and says so (``rejected``); the
flow decides what becomes of the read under way.

Loaded only when documents are imported (start-up time).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _, ngettext


class ImportProgress(QDialog):
    """“Läser N dokument…”, the file being read, a busy bar and Avbryt."""

    def __init__(self, count: int, waiting: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(_("Importera dokument"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._count = count
        self.heading = QLabel(
            ngettext("Läser {n} dokument…", "Läser {n} dokument…", count).format(n=count)
        )
        self.heading.setObjectName("importProgressHeading")
        # ``waiting``: a read the user cancelled still runs out its file before this one
        self.detail = QLabel(_("Väntar på en avbruten inläsning…") if waiting else "")
        self.detail.setObjectName("importProgressFile")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # one big file gives no steps to count: busy
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(_("Läser dokument"))
        buttons = QDialogButtonBox()
        cancel = buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        assert cancel is not None
        cancel.setObjectName("importProgressCancel")
        cancel.setAccessibleName(_("Avbryt"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(lambda _checked: self.reject())
        self.cancel_button = cancel
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def reading(self, index: int, name: str) -> None:
        """The file at ``index`` (from 0) named ``name`` is being read now."""
        if self._count == 1:
            self.detail.setText(name)
        else:
            self.detail.setText(
                _("{name} ({n} av {count})").format(name=name, n=index + 1, count=self._count)
            )
