"""The list of drafts: search, filters, Swedish sorting, and the actions on a draft."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QConcatenateTablesProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from beslut import clock
from beslut.collation import collation_key
from beslut.i18n import N_, _
from beslut.model.status import Status
from beslut.store import DraftSummary

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

# Start-up never touches PySide6.QtCore.Qt: the first use of that namespace builds all of
# its ~90 Python enums (about 20 ms). So the roles are plain ints (Qt.ItemDataRole's
# values), enum properties are set by name, and Qt never calls into Python with a Qt
# enum while the window is built and painted (see _make_table).
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ID_ROLE = 256 + 2  # Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def _status_label(value: str) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value


def _local(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return None


class DraftTableModel(QAbstractTableModel):
    """The drafts as table rows, filtered and sorted in Python.

    One keyed sort and one list comprehension are far cheaper than a proxy model calling
    back into Python for every row and every comparison (start-up with many drafts).
    """

    # Translated in headerData: the class is built before the language is chosen.
    HEADERS = (N_("Ärende"), N_("Nämnd"), N_("Dnr"), N_("Status"), N_("Senast ändrad"))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DraftSummary] = []  # the visible rows, in order
        self._all: list[DraftSummary] = []
        self._texts: dict[int, tuple[str, ...]] = {}
        self._sort = (4, True)  # (column, descending): the newest first
        self._status = self._namnd = ""

    def set_rows(self, rows: list[DraftSummary]) -> None:
        self.beginResetModel()
        self._all, self._texts = rows, {}
        self._arrange()
        self.endResetModel()

    def set_filters(self, status: str, namnd: str) -> None:
        """Show only drafts with ``status`` and ``namnd`` ("" for any)."""
        self.beginResetModel()
        self._status, self._namnd = status, namnd
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        from PySide6.QtCore import Qt  # built by now: `order` is one of its enums

        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._arrange()
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        status, namnd = self._status, self._namnd
        visible = [
            r
            for r in self._all
            if (not status or r.status == status) and (not namnd or r.namnd == namnd)
        ]
        column, descending = self._sort

        def key(row: DraftSummary) -> str | tuple[str, str]:
            return row.modified if column == 4 else collation_key(self.texts(row)[column])

        self.rows = sorted(visible, key=key, reverse=descending)

    def texts(self, row: DraftSummary) -> tuple[str, ...]:
        """The row's five display texts, worked out once."""
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = _row_texts(row)
        return texts

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header_texts(self) -> list[str]:
        """The column titles in the current language."""
        return [_(header) for header in self.HEADERS]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        # The table's header reads the titles from a model of its own (see _make_table).
        from PySide6.QtCore import Qt  # built by now: Qt passed `orientation` in

        if orientation == Qt.Orientation.Horizontal and role == DISPLAY_ROLE:
            return self.header_texts()[section]
        return None

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return self.texts(row)[index.column()]
        return None


def _row_texts(row: DraftSummary) -> tuple[str, ...]:
    when = _local(row.modified)
    if when is None:
        modified = row.modified
    elif when.date() == clock.today():
        modified = _("i dag {time}").format(time=when.strftime("%H:%M"))
    else:  # ISO 8601 reads the same in both languages (and costs no babel at start-up)
        modified = when.strftime("%Y-%m-%d %H:%M")
    return (
        row.title or _("(utan rubrik)"),
        row.namnd,
        row.dnr,
        _status_label(row.status),
        modified,
    )


class DraftListPage(QWidget):
    """Search field, filters and the table of drafts."""

    open_requested = Signal(int)
    search_changed = Signal(str)
    selection_changed = Signal()
    trash_toggled = Signal(bool)
    files_dropped = Signal(list)  # the local files dropped on the page, as Paths

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DraftTableModel()
        self.setAcceptDrops(True)  # files to import, onto the table or the empty list

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Sök i alla utkast (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Sök i utkast"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Filtrera på status"))
        self.status_filter.addItem(_("Alla statusar"), "")
        for status in Status:
            self.status_filter.addItem(status.label, status.value)
        self.namnd_filter = QComboBox()
        self.namnd_filter.setAccessibleName(_("Filtrera på nämnd"))
        self.namnd_filter.setMinimumContentsLength(18)
        self.trash_toggle = QCheckBox(_("Visa papperskorgen"))
        self.trash_toggle.setAccessibleName(_("Visa papperskorgen"))
        self.trash_toggle.toggled.connect(self.trash_toggled)

        self.table = self._make_table()
        self.empty = QLabel()
        self.empty.setProperty("alignment", "AlignCenter")  # Qt.AlignmentFlag, by name
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self._searching = self._trash = False

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.namnd_filter, 1)
        filters.addWidget(self.trash_toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.search_changed.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.namnd_filter.currentIndexChanged.connect(self._filters_changed)

    def _make_table(self) -> QTableView:
        # The table shows self.model through a proxy whose first source is an empty model
        # that holds the column titles: the header reads them from there, in C++, instead
        # of calling DraftTableModel.headerData with a Qt.Orientation. The rows, the
        # selection and the header's highlighting of it are self.model's, as before.
        titles = QStandardItemModel(0, 1, self)
        shown = QConcatenateTablesProxyModel(self)
        shown.addSourceModel(titles)
        shown.addSourceModel(self.model)
        table = QTableView()
        table.setSortingEnabled(True)  # sorts the proxy (nothing to do); see below
        table.setModel(shown)
        # The sort indicator starts on column 0, descending. Four columns inserted before
        # it move it to column 4, "Senast ändrad": the newest first, as self.model is
        # sorted (header.setSortIndicator would take a Qt.SortOrder).
        titles.insertColumns(0, len(DraftTableModel.HEADERS) - 1)
        titles.setHorizontalHeaderLabels(self.model.header_texts())
        header = table.horizontalHeader()
        header.sortIndicatorChanged.connect(self.model.sort)  # a click on a title
        table.setAccessibleName(_("Utkast"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # a kallelse
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: measuring every row's text would cost start-up time with many drafts.
        for column, width in ((1, 190), (2, 130), (3, 130), (4, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        table.doubleClicked.connect(self._activated)
        table.activated.connect(self._activated)
        table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        return table

    def set_drafts(self, rows: list[DraftSummary], *, searching: bool, trash: bool) -> None:
        """Show ``rows``; keep the selection and the nämnd filter's choices current."""
        selected = self.selected_id()
        self._searching, self._trash = searching, trash
        self._update_namnder(rows)  # first: a nämnd that is gone resets the filter
        self.model.set_rows(rows)
        self._filters_changed()
        self._select(selected)

    def _update_namnder(self, rows: list[DraftSummary]) -> None:
        current = self.namnd_filter.currentData() or ""
        names = sorted({r.namnd for r in rows if r.namnd}, key=collation_key)
        self.namnd_filter.blockSignals(True)
        self.namnd_filter.clear()
        self.namnd_filter.addItem(_("Alla nämnder"), "")
        for name in names:
            self.namnd_filter.addItem(name, name)
        self.namnd_filter.setCurrentIndex(max(0, self.namnd_filter.findData(current)))
        self.namnd_filter.blockSignals(False)

    def _filters_changed(self) -> None:
        """Apply the filters as the combo boxes show them, and explain an empty list."""
        status = self.status_filter.currentData() or ""
        namnd = self.namnd_filter.currentData() or ""
        self.model.set_filters(status, namnd)
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if self._trash:
            self.empty.setText(_("Papperskorgen är tom."))
        elif self._searching:
            self.empty.setText(_("Inga utkast matchar sökningen."))
        elif status or namnd:
            self.empty.setText(_("Inga utkast matchar filtret."))
        else:
            self.empty.setText(_("Det finns inga utkast ännu. Skapa ett med Nytt (Ctrl+N)."))

    # --- what the window asks of the page (it reads none of the page's widgets) --------

    def showing_trash(self) -> bool:
        """True while the page lists the trash."""
        return self.trash_toggle.isChecked()

    def show_trash(self, on: bool) -> None:
        """List the trash (True) or the drafts (False)."""
        self.trash_toggle.setChecked(on)

    def search_text(self) -> str:
        """What the search field holds."""
        return self.search.text()

    def focus_search(self) -> None:
        """Put the focus in the search field, its text selected (Ctrl+F)."""
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        """Put the focus on the table of drafts."""
        from PySide6.QtCore import Qt

        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def draft_ids(self) -> set[int]:
        """The ids of the drafts listed."""
        return {row.id for row in self.model.rows}

    def selected_id(self) -> int | None:
        """The id of the selected draft, or None (also when several are selected: what
        acts on one draft does not guess which)."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if len(rows) == 1 else None

    def selected_title(self) -> str:
        """The title the list shows for the one selected draft ("" for none)."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(DISPLAY_ROLE)) if len(rows) == 1 else ""

    def selected_row(self) -> int:
        """The row of the one selected draft, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if len(rows) == 1 else -1

    def select_draft(self, draft_id: int) -> None:
        """Select draft ``draft_id`` alone (when listed)."""
        rows = [r for r in range(self.model.rowCount()) if self.model.rows[r].id == draft_id]
        if rows:
            self.select_row(rows[0])

    def select_row(self, row: int) -> None:
        """Select the draft in ``row`` alone, or the last one when the list is shorter."""
        from PySide6.QtCore import QItemSelectionModel

        count = self.model.rowCount()
        if count:
            # Not selectRow: with Ctrl held (Ctrl+Z) it would add to the selection.
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            index = self.table.model().index(max(0, min(row, count - 1)), 0)
            self.table.selectionModel().setCurrentIndex(index, flags)

    def selected_ids(self) -> list[int]:
        """The ids of the selected drafts, in the order the list shows them."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [int(index.data(ID_ROLE)) for index in rows]

    def _select(self, draft_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if draft_id is None or index.data(ID_ROLE) == draft_id:
                self.table.selectRow(row)
                return

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_files(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and not self.trash_toggle.isChecked():
            self.open_requested.emit(int(index.data(ID_ROLE)))


def _dropped_files(event: QDropEvent) -> list[Path]:
    """The local files a drag carries (which of them can be imported is the core's)."""
    from pathlib import Path

    data = event.mimeData()
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
