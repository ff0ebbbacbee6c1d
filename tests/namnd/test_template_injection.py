"""The kallelse and the protokollsutdrag write a draft's text as plain paragraphs: a title,
Dnr or decision point that reads like a template marker stays literal text (issue 22)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from beslut.cli import main
from beslut.store import Store
from beslut.store.seed import seed_example

MARKERS = ("{{ innehall }}", "{{ Innehåll }}", "{{ dnr }}", "{{ titel }}", "{{ namnd }}")


def _texts(path: Path) -> list[str]:
    """The text of every paragraph of the document's body (the city template's page
    headers are left out of these documents, and the body holds all they show)."""
    body = Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


@pytest.mark.parametrize("marker", MARKERS)
@pytest.mark.parametrize("command", ["kallelse", "protokoll"])
def test_a_marker_in_a_draft_stays_literal(tmp_path: Path, marker: str, command: str) -> None:
    db = tmp_path / "t.db"
    with Store.open(db, seed=seed_example) as store:
        base = store.load_draft(1)
        meta = dataclasses.replace(base.meta, title=marker, dnr=marker, subtitle=marker)
        draft_id = store.create_draft(
            dataclasses.replace(base, meta=meta, decisions=(marker, *base.decisions[1:]))
        )
    out = tmp_path / f"{command}.docx"
    assert main(["--db", str(db), command, str(draft_id), "-o", str(out)]) == 0
    texts = _texts(out)
    assert any(marker in text for text in texts)
    decisions = [text for text in texts if text.endswith(marker) and text[:1].isdigit()]
    assert decisions, texts  # the decision point, numbered, the marker as typed
    assert all("{{" not in text.replace(marker, "") for text in texts)  # no other marker
