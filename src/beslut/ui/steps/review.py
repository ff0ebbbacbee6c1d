"""The last step, Granska och exportera: the Granskning panel and the export buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beslut.checks import Finding, Report, Severity
from beslut.checks.report import count_words
from beslut.i18n import N_, _
from beslut.ui.icons import icon
from beslut.ui.namnd_flow import NamndButtons
from beslut.ui.steps.base import Step
from beslut.ui.tracked_choice import ChangesSince

FINDING_ROLE = Qt.ItemDataRole.UserRole + 20
FIX_LABEL = N_("&Rätta automatiskt")
_COLOURS = {Severity.FEL: "#b3261e", Severity.VARNING: "#9a5b00", Severity.TIPS: "#1f5f99"}
_GUIDANCE = N_(
    "Granskningen kontrollerar tjänsteutlåtandet mot reglerna i stadens ärendehandbok: att "
    "alla delar finns, att beslutspunkterna står på egna ben, läsbarheten och att inga "
    "personnummer följer med ut.\n\nDubbelklicka på en anmärkning för att gå till stället. Du kan "
    "exportera även om fel finns kvar, men rätta dem helst först."
)


class ReviewStep(Step):
    """Findings grouped by part, and export to Word (and PDF)."""

    export_requested = Signal(bool, bool, bool)  # pdf, copy bilagor, with comments
    finding_activated = Signal(object)
    fix_requested = Signal(object)
    version_requested = Signal()
    publish_requested = Signal()  # Publiceringsversion…

    def __init__(self, part_names: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(_("Granska och exportera"), _(_GUIDANCE), parent)
        self.part_names = part_names
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("Anmärkningar från granskningen"))
        self.tree.setWordWrap(True)
        # A click selects (the fix button stays within reach); a double click, Enter or
        # "Visa i texten" goes to the place.
        self.tree.itemActivated.connect(self._activated)
        self.show_button = QPushButton(_("&Visa i texten"))
        self.show_button.setAccessibleName(_("Visa vald anmärkning i texten"))
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(
            lambda _checked=False: self._activated(self.tree.currentItem())
        )
        self.fix_button = QPushButton(_(FIX_LABEL))
        self.fix_button.setAccessibleName(_("Rätta vald anmärkning automatiskt"))
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(lambda _checked=False: self._fix())
        self._read_only = False
        self.tree.currentItemChanged.connect(self._current_changed)
        self.copy_files = QCheckBox(_("Kopiera &bilagorna till samma mapp"))
        self.copy_files.setAccessibleName(_("Kopiera bilagorna till samma mapp"))
        # Never on by default: the nämnd's copy has no comments.
        self.with_comments = QCheckBox(_("Me&d kommentarer"))
        self.with_comments.setAccessibleName(_("Exportera med utkastets kommentarer"))
        self.with_comments.setToolTip(
            _("Kommentarerna blir Word-kommentarer i filen, för en granskning i Word.")
        )
        word = QPushButton(icon("export"), _("Exportera till &Word…"))
        word.setAccessibleName(_("Exportera till Word"))
        word.setDefault(True)
        word.clicked.connect(lambda: self._export(pdf=False))
        pdf = QPushButton(icon("pdf"), _("Word och &PDF…"))
        pdf.setAccessibleName(_("Exportera till Word och PDF"))
        pdf.clicked.connect(lambda: self._export(pdf=True))
        version = QPushButton(icon("save"), _("Spara &version"))
        version.setAccessibleName(_("Spara version"))
        version.clicked.connect(lambda _checked=False: self.version_requested.emit())
        publish = QPushButton(icon("export"), _("Publi&ceringsversion…"))
        publish.setObjectName("publishButton")
        publish.setAccessibleName(_("Exportera en publiceringsversion utan personuppgifter"))
        publish.clicked.connect(lambda _checked=False: self.publish_requested.emit())
        fixes = QHBoxLayout()
        fixes.addStretch(1)
        fixes.addWidget(self.show_button)
        fixes.addWidget(self.fix_button)
        # The checkbox on a line of its own, and the nämnd's buttons on two lines: in one
        # row they made the step, and so the editor's middle column, 740 pixels wide.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(version)
        buttons.addWidget(pdf)
        buttons.addWidget(word)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)
        layout.addLayout(fixes)
        self.changes_since = ChangesSince()  # tracked changes since a version
        layout.addWidget(self.changes_since)
        copy_row = QHBoxLayout()  # the publication copy beside it: never with the bilagor
        copy_row.addWidget(self.copy_files)
        copy_row.addWidget(self.with_comments)
        copy_row.addStretch(1)
        copy_row.addWidget(publish)
        layout.addLayout(copy_row)
        layout.addLayout(buttons)
        self.namnd = NamndButtons()  # the kallelse entry and the protokollsutdrag
        layout.addWidget(self.namnd)

    def _export(self, *, pdf: bool) -> None:
        checked = self.copy_files.isChecked(), self.with_comments.isChecked()
        self.export_requested.emit(pdf, *checked)

    def show_report(self, report: Report) -> None:
        """List the findings grouped by part, most serious first within each."""
        if not report.findings:
            found = _("Granskningen hittade inget att anmärka på.")
        else:
            found = _("Granskningen hittade {errors}, {warnings} och {tips}.").format(
                **count_words(report.counts())
            )
        total = report.total_lix
        readability = _("Läsbarhet för hela texten: LIX {value:.0f} ({band}).").format(
            value=total.value, band=total.band.label
        )
        self.summary.setText(f"{found}  {readability}")
        self.tree.clear()
        self._current_changed(None, None)
        self.tree.setVisible(bool(report.findings))
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in report.findings:
            part = finding.location.part
            if part not in groups:
                group = QTreeWidgetItem([self.part_names(part)])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.addTopLevelItem(group)
                groups[part] = group
            item = QTreeWidgetItem([f"{finding.severity.label}: {finding.message}"])
            item.setForeground(0, QColor(_COLOURS[finding.severity]))
            item.setData(0, FINDING_ROLE, finding)
            item.setToolTip(0, finding.message)
            groups[part].addChild(item)
        self.tree.expandAll()

    def show_failure(self, message: str) -> None:
        """Say that the granskning could not run (the last findings are out of date)."""
        self.summary.setText(_("Granskningen kunde inte köras: {why}").format(why=message))
        self.tree.clear()
        self.tree.setVisible(False)

    def _finding(self, item: QTreeWidgetItem | None) -> Finding | None:
        data = item.data(0, FINDING_ROLE) if item is not None else None
        return data if isinstance(data, Finding) else None

    def _activated(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        finding = self._finding(item)
        if finding is not None:
            self.finding_activated.emit(finding)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        finding = self._finding(item)
        self.show_button.setEnabled(finding is not None)
        fix = finding.fix if finding is not None else None
        self.fix_button.setEnabled(fix is not None and not self._read_only)
        # Never a stale label: the fix of the finding selected now, or the plain name.
        label = _("&Rätta: {label}").format(label=fix.label) if fix else _(FIX_LABEL)
        self.fix_button.setText(label)

    def _fix(self) -> None:
        finding = self._finding(self.tree.currentItem())
        if finding is not None and finding.fix is not None:
            self.fix_requested.emit(finding)

    def set_read_only(self, read_only: bool) -> None:
        """Export stays possible from a read-only database; fixes do not."""
        self._read_only = read_only
        if read_only:
            self.fix_button.setEnabled(False)
