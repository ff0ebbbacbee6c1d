"""A hostile or broken file in the organisation's template folder: each file refused with
a Swedish message naming the file and the field, left out with a notice, the rest used.
Every hostile file is written here."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from beslut.checks import ChecksConfigError, load_config
from beslut.doctypes import default_template_dir
from beslut.doctypes.loader import DocTypeError, load_doctype
from beslut.settings import Settings, usable_check_config
from beslut.workflow.checking import check_draft
from beslut.workflow.templates import available_doctypes
from tests.checks.test_report import DRAFT

BOUND = 2.0  # CPU seconds, generous: each case below takes milliseconds (CPU time, as
# the Windows leg may share the machine: a wall-clock 3.1 s was seen beside it)


@pytest.fixture
def org(tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(default_template_dir(), folder)
    return folder


def _doctype(org: Path, key: str, text: str) -> None:
    (org / "doctypes" / f"{key}.toml").write_text(text, encoding="utf-8")


def _refused(org: Path, key: str) -> str:
    start = time.process_time()
    with pytest.raises(DocTypeError) as info:
        load_doctype(key, org)
    assert time.process_time() - start < BOUND
    message = info.value.user_message
    assert message.startswith(f"Dokumenttypen i {key}.toml kan inte läsas: ")
    return message


def test_a_doctype_nested_500_deep_is_refused(org: Path) -> None:
    _doctype(org, "djup", "name = 'Djup'\nx = " + "[" * 500 + "]" * 500 + "\n")
    assert "för många nivåer" in _refused(org, "djup")


def test_a_doctype_with_deep_tables_is_refused(org: Path) -> None:
    _doctype(org, "djup", "name = 'Djup'\nx = " + "{a = " * 500 + "1" + "}" * 500 + "\n")
    assert "för många nivåer" in _refused(org, "djup")


def test_standard_written_as_one_text_is_refused_not_split_into_letters(org: Path) -> None:
    _doctype(org, "str", "name = 'S'\n[decisions]\nstandard = 'Nämnden beslutar enligt förslag'\n")
    message = _refused(org, "str")
    assert "”decisions.standard” ska vara en lista med texter" in message


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        ("name = 'X'\nsections = ['abc']\n", "sections", "lista av tabeller"),
        ("name = 'X'\ndecisions = 'abc'\n", "decisions", "ska vara en tabell"),
        ("name = 'X'\n[[sections]]\nkey = 'k'\nheading = 5\n", "sections nr 1.heading", "text"),
        ("name = 'X'\n[[sections]]\nkey = 'k'\nheading = 'K'\nrequired = 'ja'\n",
         "sections nr 1.required", "true eller false"),
        ("name = 3\n", "name", "text inom citattecken"),
        ("[decisions]\nheading = 'B'\n", "name", "saknas"),
        ("name = '" + "x" * 500 + "'\n", "name", "längre än 200 tecken"),
        ("name = 'X'\n[decisions]\nnames = ['" + "x" * 500 + "']\n", "decisions.names", "200"),
    ],
)  # fmt: skip
def test_each_field_of_the_wrong_kind_is_named(
    org: Path, text: str, field: str, problem: str
) -> None:
    _doctype(org, "fel", text)
    message = _refused(org, "fel")
    assert f"”{field}”" in message and problem in message
    assert "string indices" not in message and "object has no attribute" not in message


def test_a_huge_doctype_file_is_refused_before_it_is_parsed(org: Path) -> None:
    _doctype(org, "stor", "name = 'Stor'\n" + "# " + "x" * (2 * 1024 * 1024) + "\n")
    assert "större än 1024 kB" in _refused(org, "stor")


def test_the_bad_type_is_left_out_with_a_notice_and_the_others_are_offered(org: Path) -> None:
    _doctype(org, "djup", "name = 'Djup'\nx = " + "[" * 500 + "]" * 500 + "\n")
    _doctype(org, "str", "name = 'S'\n[decisions]\nstandard = 'Nämnden beslutar'\n")
    offered = available_doctypes(Settings(template_dir=str(org)))
    assert len(offered.types) == 4  # the four shipped ones, copied into the folder
    assert offered.folder == org
    assert len(offered.notices) == 2
    assert any("djup.toml" in n for n in offered.notices)
    assert any("str.toml" in n and "decisions.standard" in n for n in offered.notices)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("disabled = " + "[" * 500 + "]" * 500 + "\n", "för många nivåer"),
        ("[decisions]\ndependent_phrases = ['" + "a" * 500 + "']\n",
         "”decisions.dependent_phrases” har en text som är längre än 100 tecken"),
        ("[dnr]\npattern = '" + "a" * 600 + "'\n", "”dnr.pattern” är längre än 500 tecken"),
        ("disabled = 'decision.att'\n", "”disabled” ska vara en lista med texter"),
    ],
)  # fmt: skip
def test_a_bad_checks_toml_is_refused_naming_file_and_field(
    org: Path, text: str, problem: str
) -> None:
    (org / "checks.toml").write_text(text, encoding="utf-8")
    start = time.process_time()
    with pytest.raises(ChecksConfigError) as info:
        load_config(org)
    assert time.process_time() - start < BOUND
    assert "checks.toml" in info.value.user_message
    assert problem in info.value.user_message


def test_a_bad_checks_toml_gives_way_to_the_shipped_one_with_a_notice(org: Path) -> None:
    (org / "checks.toml").write_text("disabled = " + "[" * 500 + "]" * 500 + "\n")
    settings = Settings(template_dir=str(org), disabled_rules=("decision.att",))
    config, notices = usable_check_config(settings)
    assert not config.enabled("decision.att")  # the user's own choices still hold
    assert len(notices) == 1 and "checks.toml" in notices[0] and "inbyggda" in notices[0]
    checked = check_draft(DRAFT, settings)  # check, and the export's gate, still run
    assert notices[0] in checked.notices


def test_an_own_dnr_pattern_that_backtracks_is_refused_in_bounded_time(org: Path) -> None:
    settings = Settings(template_dir=str(org), dnr_pattern="(A|AA)+[0-9]+/[0-9]+")
    start = time.process_time()
    with pytest.raises(ChecksConfigError) as info:
        check_draft(DRAFT, settings)  # check and the export's gate
    assert time.process_time() - start < BOUND
    assert "tar för lång tid" in info.value.user_message
