"""Tests for beslut.checks.engine: all rules over whole drafts, order, counts and settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from beslut.checks import (
    ALL_RULES,
    ATTACHMENTS,
    DECISIONS,
    DOCUMENT,
    META,
    RULES_BY_ID,
    Severity,
    default_config,
    run_checks,
)
from beslut.checks.engine import part_order
from beslut.doctypes.loader import DocType, SectionSpec, load_doctype
from beslut.model import (
    Attachment,
    Block,
    BlockKind,
    Comment,
    Draft,
    FileRef,
    Metadata,
    Run,
    Section,
)
from beslut.model.example import example_draft
from beslut.spelling.check import SpellingCheck
from beslut.spelling.speller import LocalSpeller

DOCTYPE = DocType(
    "beslutsarende",
    "Beslutsärende",
    sections=(
        SectionSpec("sammanfattning", "Sammanfattning"),
        SectionSpec("bakgrund", "Bakgrund", required=True),
        SectionSpec("arendet", "Ärendet", required=True),
        SectionSpec("synpunkter", "Förvaltningens synpunkter", required=True),
    ),
)
CHARTER = FileRef("Avsiktsförklaring.pdf", 1200, "a" * 64)
PROGRAM = FileRef("Program.pdf", 800, "b" * 64)

# 41 words; seven of them make a Sammanfattning of 287 words, over the limit of 250.
SUMMARY = (
    "På konferensen Europa berikas i London den 22 februari 2010 undertecknas en "
    "avsiktsförklaring om europeiska städers roll i integrationsarbetet. Socialborgarrådet "
    "representerar både Stockholms stad och Eurocities Social Affairs Forum på konferensen "
    "och är en del av programmet där han introducerar avsiktsförklaringen."
)


def _p(text: str) -> Block:
    return Block.plain(BlockKind.PARAGRAPH, text)


def faulty_draft() -> Draft:
    """A TU with one instance of every fault the rules know (but summary.missing)."""
    return Draft(
        meta=Metadata(
            title="Avsiktsförklaring om städers roll i integrationsarbetet",
            namnd="Socialnämnden",
            dnr="SN2010",
            date=dt.date(2010, 2, 10),
            meeting_date=dt.date(2010, 2, 2),
        ),
        decisions=(
            "att godkänna avsiktsförklaringen i enlighet med föreliggande förslag",
            "nämnden godkänner att socialborgarrådet undertecknar avsiktsförklaringen.",
            "Nämnden godkänner programmet och uppdrar åt förvaltningen att följa upp det.",
        ),
        sections=(
            Section("sammanfattning", "Sammanfattning", tuple(_p(SUMMARY) for _ in range(7))),
            Section(
                "arendet",
                "Ärendet",
                (
                    _p(SUMMARY),
                    _p(SUMMARY),
                    _p(
                        "Konferensen hålls den 22/2-10 i London och programmet fastställdes "
                        "2010-01-15. Stockholms stad erhåller  en plats i arbetsgruppen ."
                    ),
                    Block.plain(BlockKind.HEADING, "Information"),
                    _p(
                        "De som ska leda det fortsatta utvecklingsarbetet bör bibringas det "
                        "samlade kunnande som finns såväl inom staden som på nationell och "
                        "europeisk nivå angående förutsättningarna för framgångsrikt "
                        "integrationsarbete, vilket framgår av bilaga 4."
                    ),
                    _p("Kontaktperson är Karin Perols, 811218-9876."),
                    _p(
                        "Hon nås på karin.perols@gmail.com och 070-123 45 67, Storgatan 5 i "
                        "Åby. Hennes make har nummer 701063-2391 och 811218-9875."
                    ),
                ),
            ),
            Section(
                "synpunkter",
                "Förvaltningens synpunkter",
                (
                    _p("Förvaltningen anser att staden ska underteckna avsiktsförklaringen."),
                    Block.table([["År", "Kostnad"], ["2010", "5 mnkr"]], header_rows=0),
                    Block(
                        BlockKind.PARAGRAPH,
                        (Run("Se "), Run("https://eurocities.eu", link="https://eurocities.eu")),
                    ),
                ),
            ),
        ),
        attachments=(
            Attachment("Avsiktsförklaring: Eurocities charter on Integrating cities", CHARTER),
            Attachment("", PROGRAM),
            Attachment("DIVE Conference Background Information"),
        ),
        comments=(Comment("c1", "arendet", 0, "", 0, 5, "Anna", "2027-01-03T10:00:00", "Ok?"),),
    )


def test_every_rule_finds_its_fault_in_the_seeded_draft() -> None:
    spelling = SpellingCheck(LocalSpeller())
    report = run_checks(faulty_draft(), doctype=DOCTYPE, files={CHARTER.sha256}, spelling=spelling)
    found = {f.rule for f in report.findings}
    # A draft cannot lack a Sammanfattning and have one too long: see the next test.
    assert found == set(RULES_BY_ID) - {"summary.missing"}
    assert report.has_errors


def test_without_its_summary_the_seeded_draft_needs_one() -> None:
    draft = faulty_draft()
    draft = replace(draft, sections=draft.sections[1:])
    report = run_checks(draft, doctype=DOCTYPE, files={CHARTER.sha256})
    assert "summary.missing" in {f.rule for f in report.findings}


def test_the_example_draft_raises_no_error_or_warning() -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    doctype = load_doctype(draft.meta.doctype)
    report = run_checks(draft, doctype=doctype, files=set(files))
    serious = [f for f in report.findings if f.severity is not Severity.TIPS]
    assert serious == []


def test_switched_off_rules_do_not_run() -> None:
    config = default_config().with_disabled(RULES_BY_ID)
    assert run_checks(faulty_draft(), config, doctype=DOCTYPE).findings == ()
    config = default_config().with_disabled(["decision.att", "wording.stiff"])
    found = {f.rule for f in run_checks(faulty_draft(), config, doctype=DOCTYPE).findings}
    assert "decision.att" not in found and "wording.stiff" not in found
    assert "decision.dependent" in found


def test_findings_come_in_document_order() -> None:
    report = run_checks(faulty_draft(), doctype=DOCTYPE, files={CHARTER.sha256})
    parts = [f.location.part for f in report.findings]
    expected = [META, DECISIONS, "sammanfattning", "arendet", "synpunkter", "bakgrund"]
    expected += [ATTACHMENTS, DOCUMENT]
    assert [p for i, p in enumerate(parts) if i == 0 or parts[i - 1] != p] == expected
    decisions = report.in_part(DECISIONS)
    positions = [(f.location.index, f.location.start or -1) for f in decisions]
    assert positions == sorted(positions)


def test_part_order_places_missing_sections_as_the_doctype_does() -> None:
    draft = Draft(sections=(Section("synpunkter", "Förvaltningens synpunkter"),))
    order = part_order(draft, DOCTYPE)
    assert sorted(order, key=order.__getitem__) == [
        META,
        DECISIONS,
        "synpunkter",
        "sammanfattning",
        "bakgrund",
        "arendet",
        ATTACHMENTS,
        DOCUMENT,
    ]


def test_counts_per_part_for_badges() -> None:
    report = run_checks(faulty_draft(), doctype=DOCTYPE, files={CHARTER.sha256})
    by_part = report.counts_by_part()
    assert by_part[DECISIONS][Severity.FEL] == 2  # the att-clause and the dependent phrase
    assert by_part[META][Severity.FEL] == 1  # the meeting before the TU's date
    assert sum(report.counts().values()) == len(report.findings)
    for part, counts in by_part.items():
        assert sum(counts.values()) == len(report.in_part(part))


def test_the_report_carries_lix_per_part_and_in_total() -> None:
    draft, _ = example_draft(dt.date(2026, 3, 2))
    report = run_checks(draft)
    assert set(report.lix) == {DECISIONS} | {s.key for s in draft.sections}
    assert report.total_lix.words == sum(lix.words for lix in report.lix.values())
    assert report.total_lix.sentences == sum(lix.sentences for lix in report.lix.values())


def test_rules_have_unique_ids_and_swedish_titles() -> None:
    assert len(RULES_BY_ID) == len(ALL_RULES)
    for rule in ALL_RULES:
        assert rule.id.count(".") == 1 and rule.id == rule.id.lower()
        assert rule.title and rule.title[0].isupper()


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_draft_is_checked_without_trouble(text: str) -> None:
    report = run_checks(Draft(meta=Metadata(title=text)))
    # A missing Dnr is reported once, by the required parts (meta.dnr leaves it to them).
    assert {f.rule for f in report.findings} == {"structure.required"}
    assert [f.location.field for f in report.in_part(META)] == ["title", "namnd", "dnr"]
    assert report.total_lix.words == 0
