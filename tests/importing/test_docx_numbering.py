"""Word's list starts as import keeps them: a list numbered from 0 does not fail the
file, a start above the model's limit is brought to it, and a draft imported from such
a file is stored and opened again."""

from __future__ import annotations

from pathlib import Path

import pytest

from beslut.doctypes.loader import load_doctypes
from beslut.importing import import_document
from beslut.model import BlockKind
from beslut.model.draft import MAX_LIST_START, Block, Run
from beslut.model.fields import ModelValueError
from beslut.model.jsonio import draft_from_dict, draft_to_dict
from beslut.store import Store
from tests.importing.docxfiles import W, p, read, write_docx


def _numbering(start: str, override: str | None) -> str:
    lvl_override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
        if override is not None
        else ""
    )
    return (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/></w:lvl>'
        "</w:abstractNum>"
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{lvl_override}</w:num>'
        "</w:numbering>"
    )


def _item(text: str) -> str:
    return (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def _list_file(path: Path, start: str, override: str | None) -> Path:
    body = p("Ärendemening") + p("Inledning.") + _item("Första") + _item("Andra")
    return write_docx(path, body, {"word/numbering.xml": _numbering(start, override)})


@pytest.mark.parametrize(
    ("start", "override", "first"),
    [
        ("0", None, None),  # from 0: the model numbers from 1, the list's first begins at 1
        ("1", "0", None),
        ("5", None, 5),
        ("1", "7", 7),
        ("1", "2000000000", MAX_LIST_START),  # Word allows more than the model
        ("1", "99999999999999999999", MAX_LIST_START),
        ("1", "sju", None),  # not a number: ignored, not a damaged file
    ],
)
def test_a_list_start_is_kept_within_the_models_limit(
    tmp_path: Path, start: str, override: str | None, first: int | None
) -> None:
    document = read(_list_file(tmp_path / "lista.docx", start, override))
    items = [r.block for r in document.blocks if r.block.kind is BlockKind.NUMBERED]
    assert [item.text for item in items] == ["Första", "Andra"]
    assert [item.start for item in items] == [first, None]


@pytest.mark.parametrize("override", ["0", "1000000", "1000001", "4294967295"])
def test_an_imported_draft_is_stored_and_opened_again(tmp_path: Path, override: str) -> None:
    path = _list_file(tmp_path / "lista.docx", "1", override)
    draft = import_document(path, load_doctypes()).draft
    with Store.open(tmp_path / "beslut.db") as store:
        draft_id = store.create_draft(draft)
    with Store.open(tmp_path / "beslut.db") as store:
        assert store.load_draft(draft_id) == draft


def test_the_model_and_the_draft_reader_share_one_limit() -> None:
    highest = Block(BlockKind.NUMBERED, (Run("x"),), start=MAX_LIST_START)
    assert highest.start == MAX_LIST_START
    with pytest.raises(ModelValueError):
        Block(BlockKind.NUMBERED, (Run("x"),), start=MAX_LIST_START + 1)
    from beslut.model import Draft, Section

    draft = Draft(sections=(Section("bakgrund", "Bakgrund", (highest,)),))
    assert draft_from_dict(draft_to_dict(draft)) == draft
