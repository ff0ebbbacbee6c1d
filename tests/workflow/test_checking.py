"""The granskning with the user's settings: the template folder's types and checks.toml,
the user's own choices over them, and one notice for an unknown type."""

from __future__ import annotations

from pathlib import Path

from beslut.checks import CheckConfig
from beslut.checks.report import exit_code, format_text
from beslut.settings import Settings
from beslut.workflow.checking import check_draft
from tests.checks.test_report import DRAFT  # the same draft as the report tests


def _template(folder: Path, required: bool) -> Path:
    (folder / "doctypes").mkdir(parents=True)
    (folder / "doctypes" / "beslutsarende.toml").write_text(
        'name = "Beslutsärende"\n[[sections]]\nkey = "synpunkter"\n'
        f'heading = "Förvaltningens synpunkter"\nrequired = {str(required).lower()}\n',
        encoding="utf-8",
    )
    (folder / "checks.toml").write_text('disabled = ["decision.att"]\n', encoding="utf-8")
    return folder


def test_the_template_folder_gives_types_and_checks(tmp_path: Path) -> None:
    settings = Settings(template_dir=str(_template(tmp_path, True)))
    checked = check_draft(DRAFT, settings)
    text = format_text(checked.report.findings, DRAFT, checked.doctype)
    assert "[decision.att]" not in text  # switched off in that folder's checks.toml
    assert "Förvaltningens synpunkter: Avsnittet ”Förvaltningens synpunkter” måste" in text
    assert exit_code(checked.report.findings) == 1
    assert checked.notices == ()


def test_without_required_parts_no_fel(tmp_path: Path) -> None:
    checked = check_draft(DRAFT, Settings(template_dir=str(_template(tmp_path, False))))
    assert exit_code(checked.report.findings) == 0


def test_an_unknown_type_is_checked_as_the_first_with_a_notice(tmp_path: Path) -> None:
    folder = _template(tmp_path, True)
    (folder / "doctypes" / "beslutsarende.toml").rename(folder / "doctypes" / "annan.toml")
    checked = check_draft(DRAFT, Settings(template_dir=str(folder)))
    assert checked.doctype.key == "annan"
    (notice,) = checked.notices
    assert "”beslutsarende”" in notice and str(folder) in notice
    assert any(f.rule == "structure.required" for f in checked.report.findings)


def test_the_callers_config_wins(tmp_path: Path) -> None:
    settings = Settings(template_dir=str(_template(tmp_path, False)))
    checked = check_draft(DRAFT, settings, config=CheckConfig())
    assert any(f.rule == "decision.att" for f in checked.report.findings)
    own = CheckConfig().with_disabled(["decision.att"]).with_dnr_pattern(r"SN \d+")
    checked = check_draft(DRAFT, settings, config=own)
    rules = {f.rule for f in checked.report.findings}
    assert "decision.att" not in rules and "meta.dnr" in rules
