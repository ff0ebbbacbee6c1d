"""The wheel works anywhere: built from the checkout, installed into a fresh virtual
environment, and run from a folder outside the checkout by a new user.

Slow (a build with pip's isolation, a fresh venv with beslut's dependencies): CI runs it.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from beslut.model.example import example_draft
from tests.packaging.outside import ROOT, docx_paragraphs, new_user_env, run
from tests.today import TODAY

pytestmark = pytest.mark.slow

BIN = "Scripts" if sys.platform == "win32" else "bin"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("beslut-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and its dependencies; its scripts folder."""
    folder = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / BIN / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return folder / BIN


def test_the_wheel_carries_the_data_and_not_the_sources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "beslut/data/"
    assert {n for n in names if n.startswith(data + "templates/doctypes/")} == {
        f"{data}templates/doctypes/{key}.toml"
        for key in ("beslutsarende", "informationsarende", "remissvar", "svar_pa_skrivelse")
    }
    assert f"{data}templates/checks.toml" in names
    assert f"{data}templates/stadsmall.docx" in names
    assert f"{data}icons/beslut.svg" in names
    assert len([n for n in names if n.startswith(data + "icons/")]) == len(
        list((ROOT / "src" / "beslut" / "data" / "icons").glob("*.svg"))
    )
    assert f"{data}locale/en/LC_MESSAGES/beslut.mo" in names  # compiled by setup.py
    assert not [n for n in names if n.endswith((".po", ".pot", ".pyc")) or "tests/" in n]


def test_an_installed_beslut_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    env = new_user_env(tmp_path, [installed])
    beslut = str(installed / "beslut")
    elsewhere = tmp_path / "elsewhere"
    title = example_draft(TODAY)[0].meta.title

    listed = run([beslut, "list"], env, elsewhere)
    assert listed.returncode == 0, listed.stderr
    assert title in listed.stdout  # the example, on first start

    exported = run([beslut, "export", "1", "-o", "a.docx"], env, elsewhere)
    assert exported.returncode == 0, exported.stderr
    text = docx_paragraphs(elsewhere / "a.docx")
    assert title in text
    assert "Förvaltningens förslag till beslut" in text  # the type's heading, from the package

    checked = run([beslut, "check", "1"], env, elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Granskningen hittade inget" in checked.stdout  # checks.toml was read

    smoke = run([beslut, "--smoke-test"], env, elsewhere)
    assert smoke.returncode == 0, smoke.stderr


def test_the_installed_english_catalog_is_found(installed: Path, tmp_path: Path) -> None:
    python = str(installed / ("python.exe" if sys.platform == "win32" else "python"))
    code = "from beslut.i18n import _, set_language; set_language('en'); print(_('lista utkast'))"
    result = run([python, "-c", code], new_user_env(tmp_path, [installed]), tmp_path / "x")
    assert result.stdout.strip() == "list drafts", result.stderr
