"""Tests for beslut.checks.rules.decisions: how decision points are written."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from beslut.checks import CheckConfig, default_config
from beslut.checks.findings import DECISIONS, Finding, Location
from beslut.model import Draft

Check = Callable[..., list[Finding]]
Covered = Callable[..., list[str]]
Build = Callable[..., Draft]

GOOD_POINTS = (
    "Idrottsnämnden inför avgiftsfri simskola för barn i årskurs 1–3 från och med "
    "den 1 februari 2027.",
    "Socialtjänstnämnden hänvisar till tjänsteutlåtandet som svar på remissen.",
    "Tjänsteutlåtandet överlämnas till kommunstyrelsen.",
    "Nämnden godkänner avtalet med Stockholms Simförbund enligt bilaga 1.",
    "Nämnden godkänner rapporten som ger en bild av läget i simhallarna.",
    "Nämnden lägger informationen till handlingarna.",
    "1,2 miljoner kronor avsätts till simskolan.",
    "Nämnden godkänner att projektet ”Europa berikas” startar.”",
    "Beslutet justeras omedelbart.",
)


@pytest.mark.parametrize(
    "rule",
    [
        "decision.att",
        "decision.capital",
        "decision.full_stop",
        "decision.dependent",
        "decision.one_action",
    ],
)
def test_well_written_points_pass(rule: str, check: Check, decision_draft: Build) -> None:
    assert check(rule, decision_draft(*GOOD_POINTS)) == []


def test_att_clauses_are_errors(check: Check, covered: Covered, decision_draft: Build) -> None:
    draft = decision_draft(
        "att godkänna avsiktsförklaringen,",
        "Att uppdra åt förvaltningen att återkomma med en plan.",
        "Nämnden beslutar att godkänna avtalet.",
        "Attesträtten delegeras till förvaltningschefen.",
    )
    found = check("decision.att", draft)
    assert [f.location for f in found] == [
        Location(DECISIONS, 0, start=0, end=3),
        Location(DECISIONS, 1, start=0, end=3),
    ]
    assert covered("decision.att", draft) == ["att", "Att"]
    assert "Börja inte beslutspunkten med ”att”" in found[0].message


def test_a_small_first_letter_with_its_fix(check: Check, decision_draft: Build) -> None:
    draft = decision_draft("idrottsnämnden godkänner avtalet.", "att godkänna avtalet.")
    found = check("decision.capital", draft)
    # The att-point is the att-rule's business.
    assert [f.location for f in found] == [Location(DECISIONS, 0, start=0, end=1)]
    assert found[0].fix is not None and found[0].fix.replacement == "I"
    config = default_config().with_disabled(["decision.att"])
    assert len(check("decision.capital", draft, config=config)) == 2


def test_points_without_a_full_stop(check: Check, decision_draft: Build) -> None:
    draft = decision_draft(
        "Nämnden godkänner avtalet",
        "Nämnden godkänner avtalet,",
        "Nämnden godkänner följande:",
        "Nämnden godkänner avtalet (bilaga 1).",
        "Nämnden antar planen ”Simkunnighet för alla”.",
    )
    found = check("decision.full_stop", draft)
    assert [f.location for f in found] == [
        Location(DECISIONS, 0, start=25, end=25),
        Location(DECISIONS, 1, start=25, end=26),
        Location(DECISIONS, 2, start=27, end=27),
    ]
    fixes = [(f.fix.original, f.fix.replacement) if f.fix else None for f in found]
    assert fixes == [("", "."), (",", "."), None]


@pytest.mark.parametrize(
    "point",
    [
        "Nämnden beslutar i enlighet med föreliggande förslag.",
        "Nämnden godkänner ansökan enligt förvaltningens förslag.",
        "Nämnden antar policyn i enlighet med förvaltningens\nförslag.",
        "Nämnden yttrar sig till kommunstyrelsen enligt tjänsteutlåtandet.",
        "Nämnden fördelar bidragen Enligt Ovan.",
    ],
)
def test_points_that_lean_on_the_tu_are_errors(
    point: str, covered: Covered, decision_draft: Build
) -> None:
    found = covered("decision.dependent", decision_draft(point))
    assert len(found) == 1
    assert found[0] in point
    assert found[0].split()[0].lower() in ("i", "enligt")


def test_the_phrase_list_comes_from_the_settings(check: Check, decision_draft: Build) -> None:
    draft = decision_draft("Nämnden beslutar enligt bilagda underlag.")
    assert check("decision.dependent", draft) == []
    config = CheckConfig(dependent_phrases=("enligt bilagda underlag",))
    assert len(check("decision.dependent", draft, config=config)) == 1


@pytest.mark.parametrize(
    ("point", "second"),
    [
        (
            "Idrottsnämnden inför avgiftsfri simskola och avsätter 1,2 miljoner kronor till den.",
            "avsätter",
        ),
        (
            "Nämnden godkänner avtalet samt uppdrar åt förvaltningen att teckna det.",
            "uppdrar",
        ),
        ("Nämnden antar planen. Nämnden överlämnar den till kommunstyrelsen.", "överlämnar"),
        ("Nämnden godkänner rapporten, lägger den till handlingarna.", "lägger"),
    ],
)
def test_two_actions_in_one_point_get_a_hint(
    point: str, second: str, covered: Covered, decision_draft: Build
) -> None:
    assert covered("decision.one_action", decision_draft(point)) == [second]


def test_a_verb_in_a_subordinate_clause_is_no_second_action(
    check: Check, decision_draft: Build
) -> None:
    draft = decision_draft(
        "Nämnden godkänner avtalet som ger föreningarna tillgång till bassängen.",
        "Nämnden godkänner planen, vilket innebär att förvaltningen upphandlar simlärare.",
    )
    assert check("decision.one_action", draft) == []
