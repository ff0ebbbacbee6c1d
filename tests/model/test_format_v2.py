"""The draft format's version 2: tables, list and heading levels, numbering that continues
or restarts, footnotes, links, own parts; version 1 files still read as they printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.richdraft import rich_draft

from beslut.errors import DraftFormatError
from beslut.model import Block, BlockKind, ModelValueError, Run
from beslut.model.jsonio import FORMAT_VERSION, draft_to_dict, dumps, loads


def _file(blocks: list[dict[str, Any]], version: int = 2) -> str:
    return json.dumps(
        {
            "format": "beslut-draft",
            "format_version": version,
            "sections": [{"key": "arendet", "heading": "Ärendet", "blocks": blocks}],
        }
    )


def _blocks(text: str) -> tuple[Block, ...]:
    return loads(text)[0].sections[0].blocks


def test_every_new_kind_of_content_survives_a_round_trip() -> None:
    draft = rich_draft()
    assert FORMAT_VERSION == 3
    again, _files = loads(dumps(draft))
    assert again == draft
    assert dumps(again) == dumps(draft)


def test_the_shapes_written_by_hand_read_as_the_issue_gives_them() -> None:
    blocks = _blocks(
        _file(
            [
                {
                    "kind": "table",
                    "header_rows": 1,
                    "rows": [[[{"text": "År"}], [{"text": "Kostnad"}]], [[{"text": "2027"}], []]],
                },
                {"kind": "bullet", "level": 2, "runs": [{"text": "djup"}]},
                {"kind": "numbered", "start": 3, "runs": [{"text": "tre"}]},
                {"kind": "heading", "level": 2, "runs": [{"text": "Under"}]},
                {"kind": "heading", "runs": [{"text": "Över"}]},
                {
                    "kind": "paragraph",
                    "runs": [
                        {"text": "Läs", "link": "https://start.stockholm"},
                        {"text": ".", "note": "En fotnot."},
                    ],
                },
            ]
        )
    )
    table, bullet, numbered, sub, heading, paragraph = blocks
    assert table.kind is BlockKind.TABLE and table.header_rows == 1
    assert table.rows == (((Run("År"),), (Run("Kostnad"),)), ((Run("2027"),), ()))
    assert table.text == "År\tKostnad\n2027\t"
    assert (bullet.level, numbered.start, sub.level, heading.level) == (2, 3, 2, 1)
    assert paragraph.runs[0].link == "https://start.stockholm"
    assert paragraph.runs[1].note == "En fotnot."


def test_defaults_are_left_out_of_the_file() -> None:
    data = draft_to_dict(rich_draft())
    blocks = data["sections"][1]["blocks"]
    assert blocks[0] == {"kind": "heading", "runs": [{"text": "Badets skick"}]}  # level 1
    assert blocks[2] == {"kind": "numbered", "runs": [{"text": "Ventilationen är uttjänt."}]}
    assert blocks[6]["start"] == 1 and blocks[7]["level"] == 2


def test_a_version_1_numbered_list_after_a_paragraph_restarts_as_it_printed() -> None:
    numbered = {"kind": "numbered", "runs": [{"text": "punkt"}]}
    paragraph = {"kind": "paragraph", "runs": [{"text": "Text:"}]}
    old = _blocks(_file([numbered, numbered, paragraph, numbered, numbered], version=1))
    assert [b.start for b in old] == [None, None, None, 1, None]
    new = _blocks(_file([numbered, numbered, paragraph, numbered, numbered], version=2))
    assert [b.start for b in new] == [None] * 5  # version 2: the list continues


@pytest.mark.parametrize(
    ("block", "field"),
    [
        ({"kind": "bullet", "level": 3}, "level"),
        ({"kind": "bullet", "level": "1"}, "level"),
        ({"kind": "heading", "level": 0}, "level"),
        ({"kind": "heading", "level": 3}, "level"),
        ({"kind": "numbered", "start": 0}, "start"),
        ({"kind": "table", "header_rows": 2, "rows": [[[]]]}, "header_rows"),
        ({"kind": "table", "rows": "A|B"}, "rows"),
        ({"kind": "table", "rows": ["A"]}, "rows[0]"),
        (
            {"kind": "paragraph", "runs": [{"text": "x", "link": "javascript:alert(1)"}]},
            "runs[0].link",
        ),
        ({"kind": "paragraph", "runs": [{"text": "x", "note": 3}]}, "runs[0].note"),
    ],
)
def test_a_bad_new_field_is_refused_naming_it(block: dict[str, Any], field: str) -> None:
    with pytest.raises(DraftFormatError) as info:
        loads(_file([block]))
    assert f"sections[0].blocks[0].{field}" in info.value.user_message


@pytest.mark.parametrize(
    "make",
    [
        lambda: Block(BlockKind.PARAGRAPH, level=1),
        lambda: Block(BlockKind.BULLET, level=3),
        lambda: Block(BlockKind.HEADING, level=3),
        lambda: Block(BlockKind.BULLET, start=2),
        lambda: Block(BlockKind.NUMBERED, start=0),
        lambda: Block(BlockKind.PARAGRAPH, rows=(((Run("a"),),),)),
        lambda: Block(BlockKind.TABLE, rows=(), header_rows=1),
    ],
)
def test_the_model_refuses_values_out_of_range(make: Any) -> None:
    with pytest.raises(ModelValueError):
        make()


def test_a_heading_without_a_level_is_a_sub_heading() -> None:
    assert Block.plain(BlockKind.HEADING, "Rubrik").level == 1
    assert Block(BlockKind.HEADING, level=0).level == 1


def test_all_runs_reads_a_table_cell_by_cell() -> None:
    table = Block.table([["a", "b"], ["c", ""]])
    assert [r.text for r in table.all_runs] == ["a", "b", "c"]


def test_import_json_then_export_json_gives_the_file_back(tmp_path: Path) -> None:
    """The issue's test of done: every new kind of content through the command line."""
    from beslut.cli import main

    source = tmp_path / "rik.beslut"
    source.write_text(dumps(rich_draft()), encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["--db", db, "import-json", str(source)]) == 0
    out = tmp_path / "tillbaka.json"
    assert main(["--db", db, "export-json", "2", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
