"""Tests for beslut.workflow.publish and beslut.checks.masking: the publication copy."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from beslut.checks import run_checks
from beslut.checks.config import default_config
from beslut.checks.masking import MASK, mask
from beslut.checks.people import organisation_politicians
from beslut.checks.units import text_units
from beslut.errors import BeslutError
from beslut.settings import Settings, usable_check_config
from beslut.workflow.publish import masking_note, personal_findings, to_mask
from tests.personaldraft import KEPT, PRIVATE, personal_draft


def _all_text(draft: object) -> str:
    return "\n".join(unit.text for unit in text_units(draft))  # type: ignore[arg-type]


def test_every_kind_is_found_and_masked_and_the_rest_stays() -> None:
    draft = personal_draft()
    found = personal_findings(run_checks(draft))
    assert {f.rule for f in found} == {
        "personal.personnummer",
        "personal.samordningsnummer",
        "personal.mojligt_personnummer",
        "personal.epost",
        "personal.telefon",
        "personal.adress",
        "personal.namn",
    }
    copy = mask(draft, found)
    text = _all_text(copy)
    assert not [value for value in PRIVATE if value in text]
    assert all(value in text for value in KEPT)
    assert text.count(MASK) >= 14
    link_runs = [r for s in copy.sections for b in s.blocks for r in b.runs if r.link]
    assert link_runs == []  # the mailto: link went with the address
    assert draft == personal_draft()  # the nämnd's text is untouched


def test_the_handlaggare_signatory_and_politicians_are_never_flagged(tmp_path: Path) -> None:
    draft = personal_draft()
    text = _all_text(draft)
    found = personal_findings(run_checks(draft))
    flagged = " ".join(f.message for f in found)
    assert "Karin Perols" not in flagged and "Eva Ek" not in flagged
    assert "08-508 123 45" not in flagged and "karin.perols@" not in flagged
    assert "Olle Holm" in flagged and "Olle Holm" in text
    (tmp_path / "politiker.txt").write_text("# Nämndens ledamöter\nOlle Holm\n", encoding="utf-8")
    config, notices = usable_check_config(Settings(template_dir=str(tmp_path)))
    assert notices == ()
    flagged = " ".join(f.message for f in personal_findings(run_checks(draft, config)))
    assert "Olle Holm" not in flagged


def test_the_organisations_own_details_from_the_settings_are_not_flagged() -> None:
    draft = personal_draft()
    paragraph = (
        "Ring växeln 08-508 27 000, skriv till registrator@stockholm.se eller kom till "
        "Fleminggatan 4."
    )
    section = replace(
        draft.sections[0],
        heading="Bakgrund",
        blocks=(draft.sections[0].blocks[0].__class__.plain("paragraph", paragraph),),
    )
    draft = replace(draft, sections=(section,))
    settings = Settings(
        vaxel="08-508 27 000", besoksadress="Fleminggatan 4", webb="https://www.stockholm.se"
    )
    config, _notices = usable_check_config(settings)
    found = [
        f for f in personal_findings(run_checks(draft, config)) if f.location.part == "bakgrund"
    ]
    assert found == []
    found = [
        f
        for f in personal_findings(run_checks(draft, default_config()))
        if f.location.part == "bakgrund"
    ]
    assert {f.rule for f in found} == {"personal.telefon", "personal.adress"}


def test_keep_names_the_findings_to_leave_and_a_wrong_number_is_refused() -> None:
    draft = personal_draft()
    found = personal_findings(run_checks(draft))
    masked = to_mask(found, [1])
    assert found[0] not in masked and len(masked) == len(found) - 1
    copy = mask(draft, masked)
    assert copy.meta.title == "Bidrag till Anna Svensson"  # number 1: the title's name
    with pytest.raises(BeslutError) as refused:
        to_mask(found, [99])
    assert "ingen personuppgift nummer 99" in refused.value.user_message


def test_the_version_note_says_what_and_where_but_not_the_values() -> None:
    draft = personal_draft()
    found = personal_findings(run_checks(draft))
    note = masking_note(Path("/x/publicering.docx"), found, mask(draft, found))
    assert note.startswith("Publiceringsversion exporterad till publicering.docx:")
    assert "personnummer i Uppgifter om ärendet (underrubrik)" in note
    assert not [value for value in PRIVATE if value in note]


@pytest.mark.parametrize(
    "content",
    [b"\x00\x01\x02binary\xff" * 100, b"Anna \xff\xfe", b"x" * (2 * 1024 * 1024)],
    ids=["binary", "not-utf8", "huge"],
)
def test_a_hostile_politiker_txt_is_a_notice(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "politiker.txt").write_bytes(content)
    names, notices = organisation_politicians(tmp_path)
    assert names == () and len(notices) == 1 and "politiker.txt" in notices[0]
    config, notices = usable_check_config(Settings(template_dir=str(tmp_path)))
    assert any("politiker.txt" in n for n in notices)
    assert run_checks(personal_draft(), config).findings


def test_a_folder_named_politiker_txt_is_no_list(tmp_path: Path) -> None:
    (tmp_path / "politiker.txt").mkdir()
    assert organisation_politicians(tmp_path) == ((), ())
