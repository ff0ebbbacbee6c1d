"""``beslut export`` and the workflow report the accessibility of what they wrote."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from beslut.cli import main
from beslut.model import Block, BlockKind, Draft, Run, Section
from beslut.model.jsonio import dumps
from beslut.settings import Settings
from beslut.store import Store
from beslut.store.seed import seed_example
from beslut.workflow.accessibility import check_written, documents
from beslut.workflow.exporting import export_draft, export_stored

NO_PROBLEMS = "beslut: Tillgänglighet: inga problem hittades."
ADDRESS = "https://start.stockholm/plan"


def _with_bare_link(draft: Draft) -> Draft:
    """The draft with a paragraph whose link text is the bare address."""
    block = Block(BlockKind.PARAGRAPH, (Run("Se "), Run(ADDRESS, link=ADDRESS), Run(".")))
    first = draft.sections[0]
    section = Section(first.key, first.heading, (*first.blocks, block))
    return dataclasses.replace(draft, sections=(section, *draft.sections[1:]))


def test_export_prints_that_no_problem_was_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "1", "-o", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert NO_PROBLEMS in err.splitlines()
    assert out.strip().endswith(".docx")


def test_export_prints_a_line_per_problem(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, files = example
    source = tmp_path / "utkast.json"
    source.write_text(dumps(_with_bare_link(draft), files), encoding="utf-8")
    out = tmp_path / "tu.docx"
    assert main(["export", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    (line,) = [line for line in err if "Länktexten" in line]
    assert line.startswith("beslut: tu.docx: Varning: Länktexten ”https://start.stockholm/plan”")
    assert NO_PROBLEMS not in err


def test_a_text_export_has_no_accessibility_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "1", "-o", str(tmp_path / "tu.txt")]) == 0
    assert "Tillgänglighet" not in capsys.readouterr().err


def test_the_workflow_returns_the_problems_for_the_app(
    example: tuple[Draft, dict[str, bytes]], tmp_path: Path
) -> None:
    draft, files = example
    exported = export_draft(_with_bare_link(draft), files, tmp_path / "a.docx", Settings())
    assert [p.check for p in exported.accessibility] == ["docx.link_text"]
    assert exported.accessibility[0].path == tmp_path / "a.docx"
    with Store.open(tmp_path / "b.db", seed=seed_example) as store:
        stored = export_stored(store, 1, tmp_path / "b.docx", Settings())
    assert stored.revision is not None and stored.accessibility == ()


def test_only_beslut_s_own_documents_are_checked(tmp_path: Path) -> None:
    docx, pdf, bilaga = tmp_path / "tu.docx", tmp_path / "tu.pdf", tmp_path / "bilaga.pdf"
    assert documents([docx, pdf, bilaga]) == [docx, pdf]
    assert documents([docx, bilaga]) == [docx]
    assert documents([tmp_path / "tu.txt"]) == []
    bilaga.write_bytes(b"not a pdf")  # never read: a bilaga is the user's file
    assert check_written([tmp_path / "x.txt", bilaga]) == []
