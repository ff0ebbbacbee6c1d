"""The frozen app: built with packaging/beslut.spec (python3 dev.py package) and run with no
Python around it, on an empty home folder, as on a workstation.

Slow (a PyInstaller build, about 20 s): CI runs it on Linux; the Windows workflow runs the
same build on Windows (.github/workflows/windows.yml).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.outside import ROOT, docx_paragraphs, new_user_env, run

pytestmark = pytest.mark.slow

EXE = "beslut.exe" if sys.platform == "win32" else "beslut"
DATA = Path("_internal") / "beslut" / "data"


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/beslut, built into a temporary folder exactly as dev.py package builds it."""
    out = tmp_path_factory.mktemp("frozen")
    paths = ["--distpath", str(out / "dist"), "--workpath", str(out / "work")]
    build = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "package", *paths],
        capture_output=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    return out / "dist" / "beslut"


def _files(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


def test_the_frozen_folder_has_the_data(frozen: Path) -> None:
    data = frozen / DATA
    assert sorted(p.name for p in (data / "templates" / "doctypes").glob("*.toml")) == sorted(
        p.name for p in (ROOT / "src" / "beslut" / "data" / "templates" / "doctypes").iterdir()
    )
    assert (data / "templates" / "checks.toml").is_file()
    assert (data / "templates" / "stadsmall.docx").is_file()
    assert (data / "icons" / "beslut.svg").is_file()
    assert (data / "locale" / "en" / "LC_MESSAGES" / "beslut.mo").is_file()
    assert (frozen / EXE).is_file()


def test_the_frozen_folder_leaves_out_what_the_app_does_not_use(frozen: Path) -> None:
    files = _files(frozen)
    unused = re.compile(r"Qt6?(Qml|Quick|WebEngine|Multimedia)|/(pytest|hypothesis|tests)/")
    assert not [f for f in files if unused.search(f)]
    translations = [f for f in files if "/translations/" in f and f.endswith(".qm")]
    assert translations, "Qt's Swedish texts (qtbase_sv.qm) must be there"
    assert all(re.search(r"_(sv|en)\.qm$", f) for f in translations), translations
    locales = {Path(f).stem for f in files if f.startswith("_internal/babel/locale-data/")}
    assert {"sv_SE", "en_GB"} <= locales and len(locales) < 10


def test_the_frozen_app_starts_and_exports_with_no_python_around(
    frozen: Path, tmp_path: Path
) -> None:
    no_python = tmp_path / "empty-path"  # PATH holds nothing: no python, no venv
    no_python.mkdir()
    env = new_user_env(tmp_path, [no_python])
    work = tmp_path / "work"

    smoke = run([str(frozen / EXE), "--smoke-test"], env, work)
    assert smoke.returncode == 0, smoke.stderr

    exported = run([str(frozen / EXE), "export", "1", "-o", "OUT.docx"], env, work)
    assert exported.returncode == 0, exported.stderr

    # The same export from the checkout, on another fresh database, for comparison.
    reference_env = new_user_env(tmp_path / "reference", [Path(sys.executable).parent])
    reference = run(
        [sys.executable, "-m", "beslut", "export", "1", "-o", "REF.docx"], reference_env, work
    )
    assert reference.returncode == 0, reference.stderr
    assert docx_paragraphs(work / "OUT.docx") == docx_paragraphs(work / "REF.docx")

    checked = run([str(frozen / EXE), "check", "1"], env, work)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # The export read back by the frozen import (its XML reader, the document types).
    imported = run([str(frozen / EXE), "import", "OUT.docx"], env, work)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.split() == ["2"]  # the new draft's id
    shown = [run([str(frozen / EXE), "show", n], env, work).stdout for n in ("2", "1")]
    files = re.compile(r"  \[[^\]]*\]$", re.M)  # a bilaga's file: the .docx holds its title
    assert shown[0] == files.sub("", shown[1])


def test_the_frozen_app_opens_a_shared_draft_file(frozen: Path, tmp_path: Path) -> None:
    """The file association's command line, ``beslut.exe "FILE.beslut"``: the draft in the
    file becomes a draft of this user's, opened in the app (--smoke-test: then it quits)."""
    no_python = tmp_path / "empty-path"
    no_python.mkdir()
    env = new_user_env(tmp_path, [no_python])
    work = tmp_path / "work"
    shared = work / "från kollegan.beslut"
    written = run([str(frozen / EXE), "export-json", "1", "-o", str(shared)], env, work)
    assert written.returncode == 0, written.stderr

    opened = run([str(frozen / EXE), "--smoke-test", str(shared)], env, work)
    assert opened.returncode == 0, opened.stderr
    listed = run([str(frozen / EXE), "list"], env, work)
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == ["1", "2"]


def test_the_frozen_app_spells_swedish_with_its_own_dictionary(
    frozen: Path, tmp_path: Path
) -> None:
    """`beslut check` with the dictionary the folder carries, and the speller process
    the app starts (the program itself with --spelling-server), with no Python around."""
    assert (frozen / "_internal" / "share" / "hunspell" / "sv_SE.dic").stat().st_size > 1e6
    no_python = tmp_path / "empty-path"
    no_python.mkdir()
    env = new_user_env(tmp_path, [no_python])
    work = tmp_path / "work"
    draft = work / "stavning.beslut"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(_misspelled_draft(), encoding="utf-8")
    checked = run([str(frozen / EXE), "check", str(draft), "--format", "json"], env, work)
    found = [f for f in json.loads(checked.stdout) if f["rule"] == "spelling.unknown"]
    assert [f["message"].split("”")[1] for f in found] == ["handläggarn"], checked.stderr
    assert "handläggaren" in found[0]["suggestions"]

    from beslut.spelling.client import SpellerProcess

    speller = SpellerProcess(command=[str(frozen / EXE), "--spelling-server", "sv_SE"])
    try:
        assert speller.unknown({"nämnden", "handläggarn"}) == {"handläggarn"}
    finally:
        speller.close()


def _misspelled_draft() -> str:
    from beslut.model import Block, BlockKind, Draft, Section
    from beslut.model.jsonio import dumps

    text = "Förvaltningen har utrett frågan och handläggarn föreslår ett beslut."
    section = Section("bakgrund", "Bakgrund", (Block.plain(BlockKind.PARAGRAPH, text),))
    return dumps(Draft(sections=(section,)))
