"""The Versioner view of the open draft: every version (time, label, what made it), the
comparison of a chosen version with the current text or with another version, and
Återställ.

Inserted words are underlined in green, deleted ones struck through in red, part by part;
a part without changes shows only its heading. What changed is the core's (beslut.diff,
workflow/versions.py); this only draws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beslut import parts as partnames
from beslut.diff import Op, PartDiff, Piece
from beslut.i18n import _
from beslut.workflow.versions import Version

INSERTED = "color:#1b5e20; background:#e3f2e5; text-decoration:underline"
DELETED = "color:#b3261e; background:#fbe9e7; text-decoration:line-through"
_VERSION_ROLE = Qt.ItemDataRole.UserRole + 30


def local_time(stamp: str) -> str:
    """A stored time as the user's local "2026-12-01 13:05"."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _piece(piece: Piece) -> str:
    text = escape(piece.text)
    if piece.op is Op.INSERT:
        return f'<span style="{INSERTED}">{text}</span>'
    if piece.op is Op.DELETE:
        return f'<span style="{DELETED}">{text}</span>'
    return text


def _pieces(pieces: Sequence[Piece]) -> str:
    out: list[str] = []
    for previous, piece in zip((None, *pieces), pieces, strict=False):
        if previous is not None and previous.op is Op.DELETE and piece.op is Op.INSERT:
            out.append("\u200a")  # a hair space: "Var" struck, "Nästan" added, not "VarNästan"
        out.append(_piece(piece))
    return "".join(out)


def diff_html(parts: Sequence[PartDiff]) -> str:
    """The comparison as HTML: the changed parts with their lines, the others folded."""
    if not any(part.changed for part in parts):
        return "<p>" + escape(_("Inga skillnader: texterna är lika.")) + "</p>"
    out: list[str] = []
    for part in parts:
        if not part.changed:
            folded = _("{part}: oförändrat").format(part=part.heading)
            out.append(f'<p style="color:#5f6368">▸ {escape(folded)}</p>')
            continue
        out.append(f"<h3>{escape(part.heading)}</h3>")
        for line in part.lines:
            if not line.changed and part.key == partnames.META:
                continue  # the fields that stayed: noise beside the one that changed
            label = f"<b>{escape(line.label)}:</b> " if line.label else ""
            body = _pieces(line.pieces)
            style = "" if line.changed else ' style="color:#5f6368"'
            out.append(f"<p{style}>{label}{body}</p>")
    return "".join(out)


class DiffView(QTextBrowser):
    """A comparison, read-only, with the marks explained above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionDiff")
        self.setAccessibleName(_("Jämförelse"))
        self.setOpenLinks(False)

    def show_parts(self, parts: Sequence[PartDiff]) -> None:
        inserted, deleted = escape(_("Tillagda ord")), escape(_("borttagna ord"))  # not in f"
        legend = _("{inserted} och {deleted}. Delar utan ändringar visas bara med rubrik.").format(
            inserted=f'<span style="{INSERTED}">{inserted}</span>',
            deleted=f'<span style="{DELETED}">{deleted}</span>',
        )
        self.setHtml(f"<p><small>{legend}</small></p>{diff_html(parts)}")


class VersionsDialog(QDialog):
    """The draft's versions, newest first, and the comparison of the chosen one.

    ``compare(old, new)`` gives the parts (``new`` None: the current text); the dialog
    asks nothing itself: Återställ is ``restore_requested`` with the version's id.
    """

    restore_requested = Signal(int)

    def __init__(
        self,
        versions: Sequence[Version],
        compare: Callable[[int, int | None], Sequence[PartDiff] | None],
        parent: QWidget,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Versioner"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1100, 700)
        self._versions = list(versions)
        self._compare = compare
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Versioner"))
        self.tree.setHeaderLabels([_("Tid"), _("Beskrivning"), _("Gjord av")])
        self.tree.setRootIsDecorated(False)
        for version in self._versions:
            item = QTreeWidgetItem([local_time(version.created), version.label, version.made_label])
            item.setData(0, _VERSION_ROLE, version.id)
            item.setToolTip(1, version.label)
            self.tree.addTopLevelItem(item)
        for column in (0, 2):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(1, 220)
        self.against = QComboBox()
        self.against.setAccessibleName(_("Jämför med"))
        self.against.addItem(_("Nuvarande text"), None)
        for version in self._versions:
            self.against.addItem(f"{local_time(version.created)} – {version.label}", version.id)
        self.view = DiffView()
        self.restore_button = QPushButton(_("&Återställ den här versionen…"))
        self.restore_button.setAccessibleName(_("Återställ den här versionen"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setEnabled(False)
        self.restore_button.setVisible(not read_only)
        self.restore_button.clicked.connect(lambda _checked=False: self._restore())
        close = QPushButton(_("Stäng"))
        close.setAccessibleName(_("Stäng"))
        close.clicked.connect(lambda _checked=False: self.reject())
        self._build(close)
        self.tree.currentItemChanged.connect(lambda _item, _previous: self.refresh())
        self.against.currentIndexChanged.connect(lambda _index: self.refresh())
        first = self._first_that_differs()
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self.view.setPlainText(
                _("Utkastet har inga versioner ännu. Spara en med Spara version (Ctrl+S).")
            )

    def _first_that_differs(self) -> QTreeWidgetItem | None:
        """The newest version whose text is not the current one (a version just saved,
        exported or received is): what the user most likely wants to see."""
        first = self.tree.topLevelItem(0)
        for row in range(min(self.tree.topLevelItemCount(), 5)):
            item = self.tree.topLevelItem(row)
            parts = self._compare(int(item.data(0, _VERSION_ROLE)), None) if item else None
            if parts is None or any(part.changed for part in parts):
                return item
        return first

    def _build(self, close: QPushButton) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.restore_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(_("Jämför vald version med:"), self.against)
        right_layout.addLayout(form)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([500, 600])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def chosen(self) -> int | None:
        """The id of the version chosen in the list."""
        item = self.tree.currentItem()
        value = item.data(0, _VERSION_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def choose(self, version_id: int, against: int | None = None) -> None:
        """Choose version ``version_id`` and what it is compared with (None: the text)."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, _VERSION_ROLE) == version_id:
                self.tree.setCurrentItem(item)
        self.against.setCurrentIndex(max(0, self.against.findData(against)))

    def refresh(self) -> None:
        """Show the chosen version against the text (or the other version) chosen."""
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None)
        if chosen is None:
            return
        other = self.against.currentData()
        new = int(other) if other is not None else None
        parts = self._compare(chosen, new)
        if parts is not None:
            self.view.show_parts(parts)

    def _restore(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.restore_requested.emit(chosen)
