"""The preview before an import: per file what was recognised (the core's summary) and
its document type, which the user can change (the file is then read again off the GUI
thread, Importera waiting for it); Importera or Avbryt.

Loaded only when documents are imported (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from beslut.errors import BeslutError
from beslut.i18n import _, ngettext
from beslut.ui.worker import Worker

if TYPE_CHECKING:
    from beslut.doctypes.loader import DocType
    from beslut.importing import Imported

Recognise = Callable[[Path, str], "Imported"]  # a file recognised again as a type (by key);
# called on a background thread
Summarise = Callable[["Imported"], list[str]]  # the core's lines for one file
Failed = Callable[[BeslutError], None]  # how a failure is shown (the window's Messages)


class FilePreview(QGroupBox):
    """One file: its name, its document type and what was found in it."""

    def __init__(
        self,
        item: Imported,
        doctypes: Sequence[DocType],
        summarise: Summarise,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(item.path.name, parent)
        self.item = item
        self._summarise = summarise
        self._refocus = False
        self.doctype = QComboBox()
        self.doctype.setObjectName("importDoctype")
        self.doctype.setAccessibleName(_("Dokumenttyp för {name}").format(name=item.path.name))
        for doctype in doctypes:
            self.doctype.addItem(doctype.name, doctype.key)
        self.lines = QLabel()
        self.lines.setObjectName("importSummary")
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(_("Dokumenttyp:"), self.doctype)
        form.addRow(self.lines)
        self.show_item(item)

    def key(self) -> str:
        """The key of the document type chosen."""
        return str(self.doctype.currentData())

    def show_item(self, item: Imported) -> None:
        """Show ``item``, recognised anew, with its own document type chosen."""
        self.item = item
        self.doctype.blockSignals(True)
        self.doctype.setCurrentIndex(max(0, self.doctype.findData(item.found.doctype)))
        self.doctype.blockSignals(False)
        self.doctype.setEnabled(True)
        if self._refocus:  # the user was in the list of types: back there
            self._refocus = False
            self.doctype.setFocus()
        self.lines.setText("\n".join(self._summarise(item)))

    def reading(self) -> None:
        """The file is being read again as the type chosen: say so until it is shown."""
        self._refocus = self.doctype.hasFocus()
        self.doctype.setEnabled(False)
        self.lines.setText(
            _("Läser dokumentet igen som {doctype}…").format(doctype=self.doctype.currentText())
        )


class ImportPreview(QDialog):
    """What each file became, before anything is stored; accepted with Importera."""

    def __init__(
        self,
        imported: Sequence[Imported],
        doctypes: Sequence[DocType],
        summarise: Summarise,
        recognise: Recognise,
        failed: Failed,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(_("Importera dokument"))
        self._recognise, self._failed = recognise, failed
        self._worker = Worker(self)
        self._worker.finished.connect(self._read_again)
        self._worker.failed.connect(self._read_again_failed)
        self._pending = 0  # files being read again: Importera waits for them
        count = len(imported)
        intro = QLabel(
            ngettext(
                "Så här läses dokumentet. Kontrollera dokumenttypen och importera det som "
                "ett nytt utkast.",
                "Så här läses de {n} dokumenten. Kontrollera dokumenttyperna och importera "
                "dem som nya utkast.",
                count,
            ).format(n=count)
        )
        intro.setWordWrap(True)
        self.files = [FilePreview(item, doctypes, summarise) for item in imported]
        body = QWidget()
        column = QVBoxLayout(body)
        for preview in self.files:
            column.addWidget(preview)
            preview.doctype.currentIndexChanged.connect(
                lambda _index, p=preview: self._doctype_changed(p)
            )
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox()
        self.import_button = self._button(buttons, "importButton", _("Importera"), True)
        self.cancel_button = self._button(buttons, "cancelButton", _("Avbryt"), False)
        self.import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        # As tall as what it shows, up to most of the window; the rest scrolls.
        room = parent.height() * 9 // 10 if parent is not None else 760
        self.resize(640, min(room, body.sizeHint().height() + 140))

    def _button(self, box: QDialogButtonBox, name: str, text: str, accept: bool) -> QPushButton:
        roles = QDialogButtonBox.ButtonRole
        role = roles.AcceptRole if accept else roles.RejectRole
        button = box.addButton(text, role)
        assert button is not None
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.clicked.connect(lambda _checked: self.accept() if accept else self.reject())
        return button

    def chosen(self) -> list[Imported]:
        """Each file as recognised with the document type shown, in order."""
        return [preview.item for preview in self.files]

    def _doctype_changed(self, preview: FilePreview) -> None:
        key = preview.key()
        if key == preview.item.found.doctype:
            return
        path, recognise = preview.item.path, self._recognise
        preview.reading()
        self._busy(+1)
        self._worker.submit(preview, lambda: recognise(path, key))  # a PDF takes a while

    def _read_again(self, preview: FilePreview, item: Imported) -> None:
        self._busy(-1)
        preview.show_item(item)

    def _read_again_failed(self, preview: FilePreview, exc: BaseException) -> None:
        self._busy(-1)
        preview.show_item(preview.item)  # back to the type it was read as
        if isinstance(exc, BeslutError):  # the file changed on disk since it was read
            self._failed(exc)
        else:
            raise exc

    def _busy(self, step: int) -> None:
        """One more (+1) or one fewer (-1) file being read again; the wait cursor and
        Importera follow."""
        self._pending += step
        if step > 0 and self._pending == 1:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        elif step < 0 and self._pending == 0:
            QGuiApplication.restoreOverrideCursor()
        self.import_button.setEnabled(self._pending == 0)

    def done(self, result: int) -> None:
        """Closed (Avbryt, Esc, or Importera): a read still under way is dropped."""
        if self._pending:
            self._worker.finished.disconnect(self._read_again)
            self._worker.failed.disconnect(self._read_again_failed)
            self._pending = 0
            QGuiApplication.restoreOverrideCursor()
        super().done(result)
