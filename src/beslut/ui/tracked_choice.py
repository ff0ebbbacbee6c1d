"""The export step's "Markera ändringar sedan version …": a checkbox and the draft's
versions, so the Word file shows what changed since the chosen one as tracked changes
(the core's export, workflow/exporting.py ``changes_since``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from beslut.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from beslut.ui.main_window import MainWindow
    from beslut.workflow.versions import Version


class ChangesSince(QWidget):
    """Off by default; the versions are read each time the step is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: Callable[[], Sequence[Version]] | None = None  # the window sets it
        self.check = QCheckBox(_("&Markera ändringar sedan version"))
        self.check.setAccessibleName(_("Markera ändringar sedan version"))
        self.check.setToolTip(
            _("Word-filen visar ändringarna sedan den valda versionen som spårade ändringar")
        )
        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Version att markera ändringar sedan"))
        self.combo.setMinimumContentsLength(24)
        self.combo.setEnabled(False)
        self.check.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.combo, 1)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _toggled(self, on: bool) -> None:
        if on:
            self.reload()
        self.combo.setEnabled(on and self.combo.count() > 0)

    def reload(self) -> None:
        """The draft's versions, newest first; the chosen one stays chosen."""
        from beslut.ui.versions_view import local_time

        versions = list(self.source()) if self.source is not None else []
        chosen = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for version in versions:
            self.combo.addItem(f"{local_time(version.created)} – {version.label}", version.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(chosen)))
        self.combo.blockSignals(False)
        if not versions and self.check.isChecked():
            self.check.setChecked(False)
        self.check.setEnabled(bool(versions))
        self.combo.setEnabled(self.check.isChecked() and bool(versions))

    def chosen(self) -> int | None:
        """The version to mark changes since, or None (a plain export)."""
        data = self.combo.currentData()
        return int(data) if self.check.isChecked() and data is not None else None


def versions_source(window: MainWindow) -> Callable[[], list[Version]]:
    """The versions of the draft open in ``window`` (none when no draft is open)."""

    def versions() -> list[Version]:
        from beslut.workflow.versions import list_versions

        draft_id = window.draft_id
        if draft_id is None:
            return []
        return window.run(lambda: list_versions(window.store, draft_id)) or []

    return versions
