"""The kallelse and the protokollsutdrag, from the command line, read back with
python-docx and pandoc."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from beslut.cli import main
from beslut.model.example import example_draft
from beslut.store import Store
from beslut.store.seed import seed_example
from tests.today import TODAY


def _store_three(db: Path) -> list[int]:
    """The example and two more ärenden for the same sammanträde."""
    with Store.open(db, seed=seed_example) as store:
        base = store.load_draft(1)
        ids = [1]
        for title, dnr in (
            ("Ny konstgräsplan i Husby", "IDN 2026/300"),
            ("Taxor för 2028", "IDN 2026/301"),
        ):
            meta = dataclasses.replace(base.meta, title=title, dnr=dnr)
            ids.append(store.create_draft(dataclasses.replace(base, meta=meta)))
        return ids


def _body(path: Path) -> list[tuple[str, str]]:
    paragraphs = Document(str(path)).paragraphs
    return [(p.style.name if p.style else "", p.text) for p in paragraphs if p.text.strip()]


def test_a_kallelse_of_three_drafts_in_the_order_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    first, second, third = _store_three(db)
    out = tmp_path / "kallelse.docx"
    assert (
        main(["--db", str(db), "kallelse", str(third), str(first), str(second), "-o", str(out)])
        == 0
    )
    body = _body(out)
    titles = [text for style, text in body if style == "Heading 1"]
    assert titles == [
        "1. Taxor för 2028",
        "2. Avgiftsfri simskola för barn i årskurs 1–3 från 2028",
        "3. Ny konstgräsplan i Husby",
    ]
    assert ("Title", "Kallelse till Idrottsnämndens sammanträde 5 januari 2027") in body
    assert ("Body Text", "Dnr IDN 2026/301") in body
    decisions = [t for _s, t in body if t.startswith("1. Idrottsnämnden inför")]
    assert len(decisions) == 3
    text = "\n".join(t for _s, t in body)
    assert "«" not in text and "MERGEFIELD" not in text  # no field of the TU's header


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc reads the .docx")
def test_pandoc_reads_the_protokollsutdrag_with_its_headings(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _store_three(db)
    out = tmp_path / "protokoll.docx"
    assert main(["--db", str(db), "protokoll", "1", "-o", str(out)]) == 0
    markdown = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "markdown", str(out)],
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout
    draft = example_draft(TODAY)[0]
    for heading in ("# Ärendet", "# Beslut", "# Beslutsunderlag"):
        assert heading in markdown
    assert "§ ... Avgiftsfri simskola" in markdown  # pandoc writes the ellipsis as dots
    assert "Tjänsteutlåtande daterat" in markdown
    assert "Bilaga 2. Schema för simskolan" in markdown.replace("\n", " ")
    summary = draft.sections[0].blocks[0].text
    assert summary.split()[0] in markdown


def test_drafts_for_different_meetings_make_no_kallelse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        base = store.load_draft(1)
        other = store.create_draft(
            dataclasses.replace(base, meta=dataclasses.replace(base.meta, namnd="Kulturnämnden"))
        )
    out = tmp_path / "k.docx"
    assert main(["--db", str(db), "kallelse", "1", str(other), "-o", str(out)]) == 1
    assert "samma nämnd och datum" in capsys.readouterr().err
    assert not out.exists()


def test_a_decision_point_the_granskning_faults_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        base = store.load_draft(1)
        store.save_draft(
            1, dataclasses.replace(base, decisions=("att godkänna förslaget i tjänsteutlåtandet",))
        )
    assert main(["--db", str(db), "protokoll", "1", "-o", str(tmp_path / "p.txt")]) == 0
    err = capsys.readouterr().err
    assert "Beslutspunkt 1:" in err
    assert "att godkänna" in (tmp_path / "p.txt").read_text(encoding="utf-8")
