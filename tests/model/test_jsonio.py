"""Tests for beslut.model.jsonio: the draft file format."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.today import TODAY

from beslut.errors import DraftFormatError, NewerFormatError
from beslut.model import Attachment, Block, BlockKind, Draft, FileRef, Metadata, Run, Section
from beslut.model.example import example_draft
from beslut.model.jsonio import FORMAT_VERSION, draft_to_dict, dumps, loads

# Any code point, with the hostile ones (lone surrogates, non-characters, controls,
# every kind of line break) drawn often, since hypothesis rarely picks them itself.
_HOSTILE = [
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "\x00",
    "\x0b",
    "\r",
    "\n",
    "\u2028",
    "\u2029",
    "\t",
    "\u202e",
    "🏊",
    "å",
]
any_text = st.text(
    st.one_of(st.characters(codec=None, exclude_categories=()), st.sampled_from(_HOSTILE))
)


def test_example_round_trips_with_files() -> None:
    draft, files = example_draft(dt.date(2026, 3, 2))
    again, files_again = loads(dumps(draft, files))
    assert again == draft
    assert files_again == files


def test_file_data_is_optional() -> None:
    draft, _ = example_draft(TODAY)
    again, files = loads(dumps(draft))
    assert again == draft
    assert files == {}


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_any_string_survives_model_json_model(text: str) -> None:
    draft = Draft(
        meta=Metadata(title=text, subtitle=text, namnd=text, dnr=text),
        decisions=(text,),
        sections=(Section(text, text, (Block(BlockKind.PARAGRAPH, (Run(text, bold=True),)),)),),
        attachments=(Attachment(text),),
    )
    again, _ = loads(dumps(draft).encode("utf-8"))
    assert again == draft


_document = docx.Document()


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_cleaned_text_is_what_the_export_can_write(text: str) -> None:
    cleaned = Run(text).text
    paragraph = _document.add_paragraph(cleaned)  # raises on anything a .docx cannot hold
    assert paragraph.text == cleaned


def _doc(**changes: Any) -> dict[str, Any]:
    data = draft_to_dict(example_draft(TODAY)[0])
    data.update(changes)
    return data


def test_newer_format_is_refused_in_swedish() -> None:
    with pytest.raises(NewerFormatError) as info:
        loads(json.dumps(_doc(format_version=FORMAT_VERSION + 1)))
    assert "nyare version av beslut" in info.value.user_message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{inte json", "inte giltig JSON"),
        (b"\xff\xfe\x00", "inte giltig JSON"),
        ("[]", "ett objekt väntades"),
        ('{"format": "annat"}', "inte ett utkast från beslut"),
        ('{"format": "beslut-draft", "format_version": "1"}', "formatversionen"),
    ],
)
def test_broken_files_give_swedish_messages(text: str | bytes, expected: str) -> None:
    with pytest.raises(DraftFormatError) as info:
        loads(text)
    assert expected in info.value.user_message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"decisions": "en text"}, "decisions"),
        ({"decisions": [1]}, "decisions[0]"),
        ({"meta": {"meeting_date": "22 februari 2010"}}, "meta.meeting_date"),
        ({"meta": {"status": "arkiverad"}}, "meta.status"),
        (
            {"sections": [{"key": "a", "heading": "A", "blocks": [{"kind": "tabell"}]}]},
            "sections[0].blocks[0].kind",
        ),
        (
            {"sections": [{"blocks": [{"runs": [{"text": "x", "bold": "ja"}]}]}]},
            "sections[0].blocks[0].runs[0].bold",
        ),
        (
            {"attachments": [{"title": "x", "file": {"name": "a", "size": -1, "sha256": ""}}]},
            "attachments[0].file.size",
        ),
    ],
)
def test_wrong_field_types_name_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(_doc(**change)))
    assert field in info.value.user_message


def test_embedded_file_must_match_its_hash() -> None:
    data = b"%PDF-1.4 bilaga"
    ref = FileRef("bilaga.pdf", len(data), hashlib.sha256(data).hexdigest())
    doc = draft_to_dict(Draft(attachments=(Attachment("Bilaga", ref),)), {ref.sha256: data})
    doc["attachments"][0]["file"]["data"] = base64.b64encode("annat innehåll".encode()).decode()
    with pytest.raises(DraftFormatError) as info:
        loads(json.dumps(doc))
    assert "kontrollsumma" in info.value.user_message


def test_unknown_fields_are_ignored() -> None:
    doc = _doc(framtida_falt={"x": 1})
    doc["meta"]["okänt"] = "värde"
    draft, _ = loads(json.dumps(doc))
    assert draft == example_draft(TODAY)[0]
