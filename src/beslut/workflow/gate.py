"""The gate before a document leaves: one rule for the app's export step and ``beslut
export``. A fel or a personnummer left in the text must be confirmed: the app asks, the
command line warns on stderr and needs --force."""

from __future__ import annotations

from dataclasses import dataclass

from beslut.checks import Report, Severity
from beslut.i18n import _, ngettext

PERSONNUMMER_RULE = "personal.personnummer"
# Counted as personnummer by the gate: a samordningsnummer is one for a person without.
ID_NUMBER_RULES = frozenset({PERSONNUMMER_RULE, "personal.samordningsnummer"})


@dataclass(frozen=True, slots=True)
class ExportGate:
    """What the granskning found that must not leave unnoticed."""

    errors: int
    personnummer: int

    @property
    def stops(self) -> bool:
        """True when the user must confirm before the document is written."""
        return bool(self.errors or self.personnummer)

    def reasons(self) -> str:
        """What was found, as a sentence: "Granskningen hittade 2 fel och 1 personnummer."."""
        found = []
        if self.errors:
            found.append(ngettext("{n} fel", "{n} fel", self.errors).format(n=self.errors))
        if self.personnummer:
            found.append(
                ngettext("{n} personnummer", "{n} personnummer", self.personnummer).format(
                    n=self.personnummer
                )
            )
        if len(found) == 2:
            return _("Granskningen hittade {first} och {second}.").format(
                first=found[0], second=found[1]
            )
        return _("Granskningen hittade {found}.").format(found=found[0] if found else "")

    def question(self) -> str:
        """What the app asks before exporting."""
        return _(
            "{reasons} Personnummer och fel bör inte gå ut med tjänsteutlåtandet. Vill du "
            "exportera ändå?"
        ).format(reasons=self.reasons())

    def refusal(self) -> str:
        """What the command line says when it does not export without --force."""
        return _(
            "{reasons} Inget exporterades. Rätta texten, eller exportera ändå med --force."
        ).format(reasons=self.reasons())


def export_gate(report: Report) -> ExportGate:
    """The gate for a draft the granskning has reported on."""
    errors = sum(1 for f in report.findings if f.severity is Severity.FEL)
    personnummer = sum(1 for f in report.findings if f.rule in ID_NUMBER_RULES)
    return ExportGate(errors, personnummer)
