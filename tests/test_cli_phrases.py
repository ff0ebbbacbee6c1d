"""beslut phrases on a real database: the text lines and the --json shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from beslut.model import Block, BlockKind, Draft, Metadata, Section
from beslut.store import Store
from tests.cliutil import run_cli


def _fill(db: Path) -> tuple[int, int]:
    with Store.open(db) as store:
        bakgrund = Section(
            "bakgrund", "Bakgrund", (Block.plain(BlockKind.BULLET, "Simhallen i Farsta stängs."),)
        )
        one = store.create_draft(
            Draft(
                Metadata(title="Simhallen", namnd="Idrottsnämnden"),
                decisions=("Idrottsnämnden godkänner simhallens taxor.",),
                sections=(bakgrund,),
            )
        )
        two = store.create_draft(
            Draft(Metadata(title="Taxor"), decisions=("idrottsnämnden godkänner simhallens taxor",))
        )
    return one, two


def test_phrases_json_lists_points_with_their_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    one, two = _fill(db)
    code, out, _err = run_cli(
        capsys,
        "--db",
        str(db),
        "phrases",
        "--part",
        "beslut",
        "--search",
        "godkänner simh",
        "--json",
    )
    assert code == 0
    rows = json.loads(out)
    assert [(r["text"], r["draft_id"], r["similar"], r["standard"]) for r in rows] == [
        ("idrottsnämnden godkänner simhallens taxor", two, 1, False)
    ]
    assert set(rows[0]) == {
        "part",
        "text",
        "block",
        "draft_id",
        "title",
        "date",
        "similar",
        "standard",
    }
    assert rows[0]["part"] == "decisions" and rows[0]["block"] is None and rows[0]["date"]

    code, out, _err = run_cli(
        capsys, "--db", str(db), "phrases", "--part", "bakgrund", "--search", "farsta", "--json"
    )
    (row,) = json.loads(out)
    assert row["block"] == {"kind": "bullet", "runs": [{"text": "Simhallen i Farsta stängs."}]}
    assert row["draft_id"] == one and row["title"] == "Simhallen"

    # The current draft's own point is left out, and so is the same wording elsewhere.
    code, out, _err = run_cli(
        capsys,
        "--db",
        str(db),
        "phrases",
        "--part",
        "beslut",
        "--search",
        "simh",
        "--draft",
        str(two),
        "--json",
    )
    assert json.loads(out) == []


def test_phrases_text_names_the_source_or_the_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.db"
    _fill(db)
    code, out, _err = run_cli(
        capsys, "--db", str(db), "phrases", "--part", "beslut", "--search", "simh"
    )
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith("idrottsnämnden godkänner simhallens taxor (1 liknande) – Taxor, 20")
    code, out, _err = run_cli(
        capsys, "--db", str(db), "phrases", "--part", "beslut", "--search", "justeras omedelbart"
    )
    assert out.splitlines() == ["Beslutet justeras omedelbart. – organisationens formulering"]
    code, out, _err = run_cli(
        capsys, "--db", str(db), "phrases", "--part", "bakgrund", "--search", '" NEAR( *'
    )
    assert code == 0 and out.splitlines() == ["Inga träffar."]
