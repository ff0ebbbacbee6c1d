"""Fixtures for the export tests: the example draft, exported once, rendered once.

External programs (LibreOffice, pandoc, poppler) are needed only by the tests that use
the ``*_pdf`` and ``resaved_template`` fixtures or the ``run_tool`` helper; those skip
when the program is not installed. Test modules cannot import this file (importlib
import mode), so helpers are handed out as fixtures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from beslut.doctypes import default_template_dir
from beslut.export import export_command
from beslut.model import Block, BlockKind, Draft, Section
from beslut.model.example import example_draft

TODAY = dt.date(2026, 2, 22)  # the meeting is 35 days later: 29 March 2026

ORGANISATION = {
    "adress": "Box 8310, 104 20 Stockholm",
    "besoksadress": "Fleminggatan 4",
    "vaxel": "08-508 27 000",
    "webb": "stockholm.se",
}


def need(program: str) -> str:
    """The path of ``program``, or skip the test when it is not installed."""
    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not installed")
    return found


@pytest.fixture
def organisation() -> dict[str, str]:
    """Organisation fields for the footer, as a settings layer would give them."""
    return dict(ORGANISATION)


@pytest.fixture
def example() -> tuple[Draft, dict[str, bytes]]:
    """The example draft of beslut.model.example, dated 22 February 2026."""
    return example_draft(TODAY)


@pytest.fixture(scope="session")
def template() -> Path:
    """The city template shipped in templates/."""
    return default_template_dir() / "stadsmall.docx"


@pytest.fixture
def parts() -> Callable[[Path], dict[str, str]]:
    """Read the XML parts of a .docx as text, by name."""

    def read(path: Path) -> dict[str, str]:
        with zipfile.ZipFile(path) as archive:
            return {
                name: archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith(".xml")
            }

    return read


@pytest.fixture
def run_tool() -> Callable[..., str]:
    """Run an external program (skipping when it is missing) and return its stdout."""

    def run(program: str, *args: str | Path) -> str:
        path = need(program)
        done = subprocess.run(
            [path, *map(str, args)], capture_output=True, encoding="utf-8", timeout=120, check=True
        )
        return done.stdout

    return run


def long_example() -> tuple[Draft, dict[str, bytes]]:
    """The example with a long extra section, so the document runs over several pages."""
    draft, files = example_draft(TODAY)
    paragraph = (
        "Förvaltningen har gått igenom hur simundervisningen fungerar i andra städer och "
        "vilka erfarenheter de har av avgiftsfri simskola för de yngsta barnen. "
    ) * 4
    blocks = tuple(Block.plain(BlockKind.PARAGRAPH, paragraph) for _ in range(12))
    extra = Section("arendet", "Ärendet", (*draft.sections[3].blocks, *blocks))
    sections = tuple(extra if s.key == "arendet" else s for s in draft.sections)
    return dataclasses.replace(draft, sections=sections), files


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The long example exported once with PDF and bilagor: [docx, pdf, bilaga 1, bilaga 2]."""
    need("soffice")
    draft, files = long_example()
    folder = tmp_path_factory.mktemp("exported")
    return export_command(
        draft, files, folder / "tu.docx", pdf=True, attachments=True, extra_fields=ORGANISATION
    )


@pytest.fixture(scope="session")
def resaved_template(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    """The city template opened and saved again by LibreOffice (as Word users' colleagues do)."""
    soffice = need("soffice")
    folder = tmp_path_factory.mktemp("resaved")
    profile = folder / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(template),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    resaved = folder / "out" / "stadsmall.docx"
    assert resaved.is_file()
    # Keep the document types beside it, as an organisation's own template folder would.
    shutil.copytree(default_template_dir() / "doctypes", folder / "out" / "doctypes")
    return resaved
