"""Publiceringsversion…: one list of the personal data found, each removed unless unchecked."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beslut.i18n import _, ngettext
from beslut.ui.focus import focus_kept

if TYPE_CHECKING:
    from beslut.checks import CheckConfig, Finding
    from beslut.doctypes import DocType
    from beslut.model.draft import Draft
    from beslut.settings import Settings
    from beslut.ui.messages import Messages


@dataclass(frozen=True)
class Row:
    """One personal-data finding as the list shows it; ``number`` as --keep reads it."""

    number: int
    kind: str
    place: str
    value: str


def rows_for(findings: Sequence[Finding], draft: Draft, doctype: DocType) -> list[Row]:
    """The rows for ``findings`` (workflow.publish.personal_findings, in its order)."""
    from beslut.checks.fixes import current_text
    from beslut.checks.report import describe_location
    from beslut.workflow.publish import kind_of

    rows = []
    for number, finding in enumerate(findings, start=1):
        loc = finding.location
        value = current_text(draft, loc)[loc.start : loc.end]
        place = describe_location(loc, draft, doctype)
        rows.append(Row(number, kind_of(finding), place, value))
    return rows


class PublishDialog(QDialog):
    """The confirmation list: arrows move, Space checks or unchecks "ta bort"."""

    def __init__(self, rows: Sequence[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(_("Publiceringsversion"))
        if rows:
            intro = _(
                "Granskningen hittade de här personuppgifterna. De som är markerade med "
                "”Ta bort” ersätts med ”[personuppgift borttagen]” i publiceringsversionen. "
                "Nämndens eget exemplar ändras inte.\n\nFlytta med pilarna och kryssa i "
                "eller ur med mellanslag."
            )
        else:
            intro = _(
                "Granskningen hittade inga personuppgifter. Publiceringsversionen blir "
                "likadan som nämndens exemplar."
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("personalData")
        self.list.setAccessibleName(_("Personuppgifter att ta bort"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([_("Ta bort"), _("Nr"), _("Slag"), _("Var"), _("Uppgift")])
        self._items: list[QTreeWidgetItem] = []
        for row in rows:
            item = QTreeWidgetItem(["", str(row.number), row.kind, row.place, row.value])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self._spoken(row))
            for column in range(1, 5):
                item.setData(column, Qt.ItemDataRole.AccessibleTextRole, item.text(column))
            self.list.addTopLevelItem(item)
            self._items.append(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        self.list.setVisible(bool(rows))
        self.count = QLabel()  # how many go, said again after each Space
        self.count.setObjectName("publishCount")
        self.count.setVisible(bool(rows))
        self.list.itemChanged.connect(lambda _item, _column: self._count())
        self._count()
        label.setBuddy(self.list)
        self.pdf = QCheckBox(_("Spara också som &PDF"))
        self.pdf.setAccessibleName(_("Spara också som PDF"))
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            _("&Exportera publiceringsversion…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.pdf)
        layout.addWidget(buttons)
        self.resize(760, 420 if rows else 180)
        if rows:
            self.list.setCurrentItem(self._items[0], 0)
            self.list.setFocus()
        else:
            self.export_button.setFocus()

    @staticmethod
    def _spoken(row: Row) -> str:
        return _("Ta bort {number}: {kind} i {place}, ”{value}”").format(
            number=row.number, kind=row.kind, place=row.place, value=row.value
        )

    def _count(self) -> None:
        removed = len(self._items) - len(self.kept())
        self.count.setText(
            ngettext(
                "{removed} av {n} personuppgift tas bort.",
                "{removed} av {n} personuppgifter tas bort.",
                len(self._items),
            ).format(removed=removed, n=len(self._items))
        )

    def kept(self) -> list[int]:
        """The numbers (from 1) the user unchecked: those stay in the copy."""
        return [
            n
            for n, item in enumerate(self._items, start=1)
            if item.checkState(0) != Qt.CheckState.Checked
        ]


def ask_publication(
    parent: QWidget,
    messages: Messages,
    draft: Draft,
    settings: Settings,
    present: Collection[str],
    config: CheckConfig,
) -> tuple[list[Finding], DocType, bool] | None:
    """Check ``draft``, let the user confirm the personal data to remove, and pass the
    export gate for what stays: (the findings to mask, the doctype, PDF too) or None."""
    from dataclasses import replace

    from beslut.workflow.checking import check_draft
    from beslut.workflow.gate import export_gate
    from beslut.workflow.publish import personal_findings, to_mask

    checked = check_draft(draft, settings, present, config=config)
    found = personal_findings(checked.report)
    dialog = PublishDialog(rows_for(found, draft, checked.doctype), parent)
    with focus_kept(parent):
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    masked = to_mask(found, dialog.kept())
    stays = tuple(f for f in checked.report.findings if f not in masked)
    gate = export_gate(replace(checked.report, findings=stays))
    if gate.stops and not messages.ask(parent, _("Exportera trots anmärkningar?"), gate.question()):
        return None
    return masked, checked.doctype, dialog.pdf.isChecked()
