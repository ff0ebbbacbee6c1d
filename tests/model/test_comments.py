"""Tests for comments: the model's checks, format 3 in the draft file, the store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.today import TODAY

from beslut.errors import DraftFormatError, NewerFormatError
from beslut.model import Comment, Draft, Metadata, ModelValueError, Reply, next_comment_id
from beslut.model.example import example_draft
from beslut.model.jsonio import FORMAT_VERSION, draft_to_dict, dumps, loads
from beslut.store import Store

_CREATED = "2026-03-04T09:30:00+01:00"


def _commented() -> Draft:
    draft = example_draft(TODAY)[0]
    notes = (
        Comment("c1", "decisions", 0, "", 0, 7, "Åsa Berg", _CREATED, "Stämmer datumet?"),
        Comment(
            "c2",
            draft.sections[0].key,
            0,
            "",
            4,
            12,
            "Eva Ek",
            "2026-03-04T10:00:00",
            "Kortare?",
            (Reply("Åsa Berg", "2026-03-04T11:00:00", "Ja, gärna."),),
            resolved=True,
        ),
    )
    return replace(draft, comments=notes)


def test_comments_survive_a_round_trip_through_the_file() -> None:
    draft = _commented()
    again, _files = loads(dumps(draft))
    assert FORMAT_VERSION == 3
    assert again == draft
    assert again.comments[1].replies[0].text == "Ja, gärna."


def test_comments_survive_a_fresh_store(tmp_path: Path) -> None:
    draft = _commented()
    with Store.open(tmp_path / "a.db") as store:
        draft_id = store.create_draft(draft)
    with Store.open(tmp_path / "a.db") as store:
        assert store.load_draft(draft_id).comments == draft.comments


def test_a_version_2_file_reads_without_comments() -> None:
    data = draft_to_dict(_commented())
    data["format_version"] = 2  # version 2 had no comments: a key of that name is unknown
    draft, _files = loads(json.dumps(data))
    assert draft.comments == ()
    assert draft.decisions == _commented().decisions


def test_a_version_4_file_is_refused() -> None:
    data = draft_to_dict(_commented())
    data["format_version"] = 4
    with pytest.raises(NewerFormatError):
        loads(json.dumps(data))


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("id", "", "comments[0].id"),
        ("id", "x" * 41, "comments[0].id"),
        ("start", -1, "comments[0].start"),
        ("end", 2, "comments[0].end"),  # before start (4)
        ("index", "0", "comments[0].index"),
        ("created", "i går", "comments[0].created"),
        ("resolved", "ja", "comments[0].resolved"),
        ("replies", {}, "comments[0].replies"),
        ("text", ["x"], "comments[0].text"),
    ],
)
def test_a_bad_comment_is_refused_naming_its_field(key: str, value: object, where: str) -> None:
    data = draft_to_dict(_commented())
    data["comments"][0].update(start=4, end=9)
    data["comments"][0][key] = value
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(data))
    assert where in info.value.user_message


def test_a_bad_reply_time_is_refused() -> None:
    data = draft_to_dict(_commented())
    data["comments"][1]["replies"][0]["created"] = "snart"
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(data))
    assert "comments[1].replies[0].created" in info.value.user_message


def test_the_model_refuses_a_range_backwards_and_a_time_that_is_none() -> None:
    with pytest.raises(ModelValueError):
        Comment("c1", "decisions", 0, "", 5, 4, "Åsa", _CREATED, "x")
    with pytest.raises(ModelValueError):
        Comment("c1", "decisions", -1, "", 0, 4, "Åsa", _CREATED, "x")
    with pytest.raises(ModelValueError):
        Comment("", "decisions", 0, "", 0, 4, "Åsa", _CREATED, "x")
    with pytest.raises(ModelValueError):
        Reply("Åsa", "igår", "x")


def test_a_comment_text_is_cleaned_and_ids_follow_on() -> None:
    comment = Comment("c1", "decisions", None, "", 0, 0, " Åsa\n", _CREATED, " Bra\x00 ")
    assert (comment.author, comment.text) == ("Åsa", "Bra")
    assert next_comment_id([]) == "c1"
    assert next_comment_id(["c1", "c9", "w3", "cx"]) == "c10"
    listed = Draft(Metadata(), comments=[comment])  # type: ignore[arg-type]
    assert listed.comments == (comment,)
