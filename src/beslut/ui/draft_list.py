"""The list of drafts: search, filters, Swedish sorting, and the actions on a draft."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
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

from beslut.collation import collation_key
from beslut.i18n import _
from beslut.model.status import Status
from beslut.store import DraftSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 2
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
    """The drafts as table rows."""

    HEADERS = (_("Ärende"), _("Nämnd"), _("Dnr"), _("Status"), _("Senast ändrad"))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DraftSummary] = []

        self._sort = (4, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: list[DraftSummary]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(rows, *self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # One Python sort with a key is far cheaper than Qt calling lessThan per comparison.
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows, column, order)
        self.layoutChanged.emit()

    def _sorted(
        self, rows: list[DraftSummary], column: int, order: Qt.SortOrder
    ) -> list[DraftSummary]:
        def key(row: DraftSummary) -> str | tuple[str, str]:
            return row.modified if column == 4 else collation_key(self._display(row, column))

        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: DraftSummary, column: int) -> str:
        if column == 0:
            return row.title or _("(utan rubrik)")
        if column == 1:
            return row.namnd
        if column == 2:
            return row.dnr
        if column == 3:
            return _status_label(row.status)
        when = _local(row.modified)
        if when is None:
            return row.modified
        if when.date() == dt.date.today():
            return _("i dag {time}").format(time=when.strftime("%H:%M"))
        return when.strftime("%Y-%m-%d %H:%M")


class DraftFilter(QSortFilterProxyModel):
    """Filters by status and nämnd; sorting is done by the source model (Swedish order)."""

    def __init__(self) -> None:
        super().__init__()
        self.status = ""
        self.namnd = ""

    def set_filters(self, status: str, namnd: str) -> None:
        # Qt 6.10 replaced invalidateFilter() with this begin/end pair.
        self.beginFilterChange()
        self.status, self.namnd = status, namnd
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DraftTableModel)
        row = model.rows[source_row]
        return (not self.status or row.status == self.status) and (
            not self.namnd or row.namnd == self.namnd
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort (in Python, with a key); keep its order here."""
        model = self.sourceModel()
        assert isinstance(model, DraftTableModel)
        model.sort(column, order)


class DraftListPage(QWidget):
    """Search field, filters and the table of drafts."""

    open_requested = Signal(int)
    search_changed = Signal(str)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DraftTableModel()
        self.proxy = DraftFilter()
        self.proxy.setSourceModel(self.model)

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

        self.table = self._make_table()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)

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
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName(_("Utkast"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
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
        self.model.set_rows(rows)
        self._update_namnder(rows)
        self._select(selected)
        has_rows = self.proxy.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if trash:
            self.empty.setText(_("Papperskorgen är tom."))
        elif searching:
            self.empty.setText(_("Inga utkast matchar sökningen."))
        else:
            self.empty.setText(_("Det finns inga utkast ännu. Skapa ett med Nytt (Ctrl+N)."))

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
        self.proxy.set_filters(
            self.status_filter.currentData() or "", self.namnd_filter.currentData() or ""
        )
        has_rows = self.proxy.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(_("Inga utkast matchar filtret."))

    def selected_id(self) -> int | None:
        """The id of the selected draft, or None."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def _select(self, draft_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if draft_id is None or index.data(ID_ROLE) == draft_id:
                self.table.selectRow(row)
                return

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and not self.trash_toggle.isChecked():
            self.open_requested.emit(int(index.data(ID_ROLE)))
